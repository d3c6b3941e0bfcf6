// Odd but legal writes done with the real kubectl: the server answers them as a real API server
// does (refusing what it refuses) and keeps running the cluster afterwards.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanUp } from '../helpers/api-server-session';
import { eventually, manifest, refusal, requireKubectl, serveSim } from '../helpers/sim-serve-kubectl';

const hasKubectl = requireKubectl();

afterEach(cleanUp);

describe.runIf(hasKubectl)('odd writes sim serve answers as a real API server does', () => {
	it('a Service without ports is refused unless headless; a headless one with a selector gets Endpoints', async () => {
		const { kubectl } = await serveSim();
		const service = (name: string, spec: object) => ({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'llm' }, spec });
		expect(await refusal(kubectl('create', '-f', manifest(service('portless', { selector: { app: 'embed' } }))))).toContain(
			'The Service "portless" is invalid: spec.ports: Required value',
		);
		expect(await refusal(kubectl('-n', 'llm', 'patch', 'svc', 'embed', '--type', 'json', '-p', '[{"op":"remove","path":"/spec/ports"}]'))).toContain(
			'The Service "embed" is invalid: spec.ports: Required value',
		);
		await kubectl('create', '-f', manifest(service('headless', { clusterIP: 'None', selector: { app: 'embed' } })));
		expect(await kubectl('-n', 'llm', 'get', 'svc', 'headless', '-o', 'jsonpath={.spec.clusterIP} {.spec.clusterIPs}')).toBe('None ["None"]');
		await kubectl('-n', 'llm', 'create', 'service', 'externalname', 'docs', '--external-name=docs.example.com');
		expect(await kubectl('-n', 'llm', 'get', 'svc', 'docs', '-o', 'jsonpath={.spec.type} {.spec.externalName} [{.spec.clusterIP}]')).toBe('ExternalName docs.example.com []');
		// kubectl replace of it with no ports at all (legal for a headless Service).
		const { ports: _ports, ...headless } = JSON.parse(await kubectl('-n', 'llm', 'get', 'svc', 'headless', '-o', 'json'));
		const { ports: _none, ...spec } = headless.spec;
		expect(await kubectl('replace', '-f', manifest({ ...headless, spec }))).toBe('service/headless replaced\n');
		await eventually('the headless Service\'s Endpoints with the embed pod', async () => {
			const endpoints = await kubectl('-n', 'llm', 'get', 'endpoints', 'headless', '-o', 'jsonpath={.subsets[0].addresses[*].ip}', '--ignore-not-found');
			return endpoints.trim() !== '';
		});
		// The cluster is still served after further ticks.
		await kubectl('-n', 'llm', 'scale', 'deployment', 'embed', '--replicas=2');
		await eventually('two ready embed pods', async () => (await kubectl('-n', 'llm', 'get', 'deployment', 'embed', '-o', 'jsonpath={.status.readyReplicas}')) === '2');
	});
});

describe.runIf(hasKubectl)('GPU counts sim serve accepts', () => {
	it('a GPU limit that is no quantity is refused 400 and a fraction or a negative one 422, as the API server does; a whole one runs', async () => {
		const { kubectl } = await serveSim();
		const pod = (name: string, gpus: string) =>
			manifest({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'llm' }, spec: { containers: [{ name: 'c', image: 'vllm/vllm-openai:v0.8.0', resources: { limits: { 'nvidia.com/gpu': gpus } } }] } });
		expect(await refusal(kubectl('create', '-f', pod('word', 'abc')))).toContain(
			"Pod in version \"v1\" cannot be handled as a Pod: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
		);
		expect(await refusal(kubectl('create', '-f', pod('half', '0.5')))).toContain('The Pod "half" is invalid: spec.containers[0].resources.limits[nvidia.com/gpu]: Invalid value: "0.5": must be an integer');
		expect(await refusal(kubectl('-n', 'llm', 'patch', 'deployment', 'embed', '--type', 'json', '-p', '[{"op":"replace","path":"/spec/template/spec/containers/0/resources/limits/nvidia.com~1gpu","value":"-1"}]'))).toContain(
			'spec.template.spec.containers[0].resources.limits[nvidia.com/gpu]: Invalid value: "-1": must be greater than or equal to 0',
		);
		await kubectl('create', '-f', pod('whole', '1'));
		await eventually('the pod with one GPU scheduled', async () => (await kubectl('-n', 'llm', 'get', 'pod', 'whole', '-o', 'jsonpath={.spec.nodeName}')) !== '');
	});
});

describe.runIf(hasKubectl)('lists that are no lists', () => {
	it('are refused as the API server refuses them (Go decoding for built-in kinds, the CRD schema for Rollouts), and the cluster runs on', async () => {
		const { kubectl } = await serveSim();
		expect(await refusal(kubectl('-n', 'llm', 'patch', 'rollout', 'chat', '--type', 'json', '-p', '[{"op":"replace","path":"/spec/strategy/canary/steps","value":"x"}]'))).toContain(
			'The Rollout "chat" is invalid: spec.strategy.canary.steps: Invalid value: "string": spec.strategy.canary.steps in body must be of type array: "string"',
		);
		expect(await refusal(kubectl('-n', 'llm', 'patch', 'deployment', 'embed', '--type', 'json', '-p', '[{"op":"replace","path":"/spec/template/spec/containers","value":"x"}]'))).toContain(
			'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field PodSpec.spec.template.spec.containers of type []v1.Container',
		);
		expect(await refusal(kubectl('-n', 'llm', 'patch', 'deployment', 'embed', '--type', 'json', '-p', '[{"op":"replace","path":"/spec/template/spec/containers/0/ports","value":{"containerPort":80}}]'))).toContain(
			'json: cannot unmarshal object into Go struct field Container.spec.template.spec.containers.ports of type []v1.ContainerPort',
		);
		await kubectl('create', 'deployment', 'web', '-n', 'llm', '--image=busybox:1.36', '--replicas=2');
		await eventually('two ready web pods', async () => (await kubectl('-n', 'llm', 'get', 'deployment', 'web', '-o', 'jsonpath={.status.readyReplicas}')) === '2');
	});
});

describe.runIf(hasKubectl)('what deleting every workload of a namespace leaves', () => {
	it('the namespace stays, as on a real cluster, and a new deployment can go there', async () => {
		const { kubectl } = await serveSim();
		await kubectl('-n', 'llm', 'delete', 'rollout', 'chat');
		await kubectl('-n', 'llm', 'delete', 'deployment', 'embed');
		await eventually('the workloads\' pods gone', async () => (await kubectl('-n', 'llm', 'get', 'pods', '-o', 'name')) === '');
		expect(await kubectl('get', 'namespace', 'llm', '-o', 'jsonpath={.status.phase}')).toBe('Active');
		expect(await kubectl('-n', 'llm', 'create', 'deployment', 'web', '--image=busybox:1.36')).toBe('deployment.apps/web created\n');
	});
});

describe.runIf(hasKubectl)('server-side apply to objects the cluster wrote', () => {
	it('applies to an existing Event and to a bare pod (kinds without a generation, fields the simulator left unset)', async () => {
		const { kubectl } = await serveSim();
		const event = { apiVersion: 'v1', kind: 'Event', metadata: { name: 'note', namespace: 'llm' }, involvedObject: { kind: 'Deployment', name: 'embed', namespace: 'llm' }, reason: 'Noted', message: 'first' };
		expect(await kubectl('apply', '--server-side', '-f', manifest(event))).toBe('event/note serverside-applied\n');
		expect(await kubectl('apply', '--server-side', '-f', manifest({ ...event, message: 'second' }))).toBe('event/note serverside-applied\n');
		expect(await kubectl('-n', 'llm', 'get', 'event', 'note', '-o', 'jsonpath={.message}')).toBe('second');

		await kubectl('-n', 'llm', 'run', 'probe', '--image=busybox:1.36');
		const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'probe', namespace: 'llm', labels: { tier: 'debug' } } };
		expect(await kubectl('apply', '--server-side', '-f', manifest(pod))).toBe('pod/probe serverside-applied\n');
	});
});
