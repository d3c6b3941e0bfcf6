// The real kubectl against `rolltop sim serve`: namespaces, Services with their Endpoints and
// EndpointSlices, `get all`, and creating and deleting pods and workloads.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanUp } from '../helpers/api-server-session';
import { eventually, requireKubectl, serveSim } from '../helpers/sim-serve-kubectl';

const hasKubectl = requireKubectl();

afterEach(cleanUp);


const lines = (text: string) => text.trim().split('\n');
const words = (text: string) => text.trim().split(/\s+/).filter(Boolean);

describe.runIf(hasKubectl)('kubectl against sim serve: the objects of a real cluster', () => {
	it('lists namespaces, and get all shows pods, services, deployments, replicasets and rollouts', async () => {
		const { kubectl } = await serveSim();
		const namespaces = await kubectl('get', 'ns');
		expect(namespaces).toMatch(/^NAME\s+STATUS\s+AGE$/m);
		for (const ns of ['default', 'kube-system', 'llm']) expect(namespaces).toMatch(new RegExp(`^${ns}\\s+Active\\s+\\S+$`, 'm'));
		expect(await kubectl('get', 'namespaces', '-o', 'name')).toBe(await kubectl('get', 'ns', '-o', 'name'));

		const all = await kubectl('get', 'all', '-n', 'llm');
		for (const prefix of ['pod/chat-', 'service/chat ', 'service/chat-canary', 'service/chat-stable', 'service/embed ', 'deployment.apps/embed ', 'replicaset.apps/embed-', 'rollout.argoproj.io/chat ']) {
			expect(all).toContain(prefix);
		}
		expect(all).toMatch(/^NAME\s+TYPE\s+CLUSTER-IP\s+EXTERNAL-IP\s+PORT\(S\)\s+AGE$/m);
		// -o wide shows the priority-1 columns.
		expect(await kubectl('get', 'pods', '-n', 'llm', '-o', 'wide')).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+IP\s+NODE\s+NOMINATED NODE\s+READINESS GATES\n\S+\s+\d\/1\s+\S+\s+\d+\s+\S+\s+(\d+\.){3}\d+\s+\S+\s+<none>\s+<none>$/m);
		expect(await kubectl('get', 'service', 'embed', '-n', 'llm', '-o', 'wide')).toMatch(/\sSELECTOR\n.*\sapp=embed$/m);
	});

	it('blue-green Services select the active and preview hashes, and their endpoints are the ready pods', async () => {
		const { kubectl } = await serveSim({ blueGreen: true });
		const jsonpath = (...args: string[]) => kubectl('-n', 'llm', 'get', ...args.slice(0, -1), '-o', `jsonpath=${args[args.length - 1]}`);
		await eventually('the preview selector', async () => (await jsonpath('rollout', 'search', '{.status.blueGreen.previewSelector}')) !== '');
		const active = await jsonpath('rollout', 'search', '{.status.blueGreen.activeSelector}');
		expect(JSON.parse(await jsonpath('service', 'search', '{.spec.selector}'))).toEqual({ app: 'search', 'rollouts-pod-template-hash': active });
		expect(JSON.parse(await jsonpath('service', 'search-preview', '{.spec.selector}'))).toMatchObject({ app: 'search' });
		expect(JSON.parse(await jsonpath('service', 'search-preview', '{.spec.selector}'))['rollouts-pod-template-hash']).toBe(
			await jsonpath('rollout', 'search', '{.status.blueGreen.previewSelector}'),
		);

		const readyPods = async () =>
			words(await jsonpath('pods', '-l', `app=search,rollouts-pod-template-hash=${active}`, '{range .items[?(@.status.conditions[1].status=="True")]}{.metadata.name} {end}')).sort();
		const endpointPods = async () => words(await jsonpath('endpoints', 'search', '{.subsets[*].addresses[*].targetRef.name}')).sort();
		const slicePods = async () =>
			words(await jsonpath('endpointslices', '-l', 'kubernetes.io/service-name=search', '{.items[*].endpoints[?(@.conditions.ready==true)].targetRef.name}')).sort();
		await eventually('both active pods in the endpoints', async () => (await endpointPods()).length === 2);
		expect(await endpointPods()).toEqual(await readyPods());
		expect(await slicePods()).toEqual(await readyPods());
		expect(await kubectl('-n', 'llm', 'get', 'endpoints', 'search')).toMatch(/^search\s+\d+\.\d+\.\d+\.\d+:8000,\d+\.\d+\.\d+\.\d+:8000\s+\S+$/m);
	});

	it('kubectl delete pod terminates it gracefully and its ReplicaSet replaces it', async () => {
		// At speed 1 a pod terminates for 2 to 6 real seconds: long enough to see it Terminating.
		const { kubectl } = await serveSim({ speed: 1 });
		const pods = async () => words(await kubectl('-n', 'llm', 'get', 'pods', '-l', 'app=embed', '-o', 'jsonpath={.items[*].metadata.name}'));
		const [victim] = await pods();
		expect(await kubectl('-n', 'llm', 'delete', 'pod', victim, '--wait=false')).toBe(`pod "${victim}" deleted\n`);
		expect(await kubectl('-n', 'llm', 'get', 'pod', victim)).toMatch(new RegExp(`^${victim}\\s+\\d/1\\s+Terminating\\s`, 'm'));
		expect(await kubectl('-n', 'llm', 'wait', '--for=delete', `pod/${victim}`, '--timeout=30s')).toContain(`pod/${victim} condition met`);
		await eventually('a replacement pod', async () => {
			const now = await pods();
			return now.length === 1 && now[0] !== victim;
		});
		await expect(kubectl('-n', 'llm', 'get', 'pod', victim)).rejects.toThrow(`Error from server (NotFound): pods "${victim}" not found`);
	});

	it('kubectl create deployment runs a new workload; kubectl delete deployment removes its ReplicaSets and pods', async () => {
		const { kubectl } = await serveSim();
		expect(await kubectl('-n', 'llm', 'create', 'deployment', 'web', '--image=vllm/vllm-openai:v0.8.0', '--port=8000', '--replicas=2')).toBe('deployment.apps/web created\n');
		expect(await kubectl('-n', 'llm', 'rollout', 'status', 'deployment/web', '--timeout=60s')).toContain('deployment "web" successfully rolled out');
		expect(lines(await kubectl('-n', 'llm', 'get', 'deployment', 'web'))[1]).toMatch(/^web\s+2\/2\s+2\s+2\s+\S+$/);
		await eventually('the Service endpoints', async () => words(await kubectl('-n', 'llm', 'get', 'endpoints', 'web', '-o', 'jsonpath={.subsets[*].addresses[*].ip}')).length === 2);
		await expect(kubectl('-n', 'llm', 'create', 'deployment', 'web', '--image=x')).rejects.toThrow('error: failed to create deployment: deployments.apps "web" already exists');
		await expect(kubectl('-n', 'nowhere', 'create', 'deployment', 'web', '--image=x')).rejects.toThrow('error: failed to create deployment: namespaces "nowhere" not found');

		expect(await kubectl('-n', 'llm', 'delete', 'deployment', 'web')).toBe('deployment.apps "web" deleted\n');
		expect(await kubectl('-n', 'llm', 'get', 'replicasets', '-l', 'app=web', '-o', 'name')).toBe('');
		await eventually('its pods to be gone', async () => (await kubectl('-n', 'llm', 'get', 'pods', '-l', 'app=web', '-o', 'name')) === '');
		await expect(kubectl('-n', 'llm', 'get', 'service', 'web')).rejects.toThrow('services "web" not found');
	});

	it('kubectl apply -f creates, then leaves alone, then changes a workload (the server validates fields)', async () => {
		const { kubectl } = await serveSim();
		const file = join(mkdtempSync(join(tmpdir(), 'rolltop-apply-')), 'rerank.yaml');
		const manifest = (replicas: number) =>
			`apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: rerank, namespace: llm}\nspec:\n  replicas: ${replicas}\n  selector: {matchLabels: {app: rerank}}\n  template:\n    metadata: {labels: {app: rerank}}\n    spec: {containers: [{name: vllm, image: 'vllm/vllm-openai:v0.8.0'}]}\n`;
		writeFileSync(file, manifest(1));
		expect(await kubectl('apply', '-f', file)).toBe('deployment.apps/rerank created\n');
		expect(await kubectl('apply', '-f', file)).toBe('deployment.apps/rerank unchanged\n');
		writeFileSync(file, manifest(2));
		expect(await kubectl('apply', '-f', file)).toBe('deployment.apps/rerank configured\n');
		expect(await kubectl('-n', 'llm', 'rollout', 'status', 'deployment/rerank', '--timeout=60s')).toContain('successfully rolled out');
		expect(await kubectl('-n', 'llm', 'get', 'deployment', 'rerank', '-o', 'jsonpath={.status.readyReplicas}')).toBe('2');
	});
});
