// The verbs a real API server offers on every resource, done with the real kubectl: labelling,
// annotating, patching and replacing Namespaces and Services (the user's edits stay; Argo's
// selector hash and the endpoints controller's objects are reconciled), deleting events and
// endpoints, creating HPAs the simulator runs, Argo objects and nodes, deletecollection,
// server-side dry runs, and the verb lists `kubectl api-resources -o wide` prints.
import { afterEach, describe, expect, it } from 'vitest';
import { UNSUPPORTED_METRIC_MESSAGE } from '../../source/sources/simulator/autoscaler';
import { cleanUp } from '../helpers/api-server-session';
import { embedRpsHpa, eventually, manifest, requireKubectl, serveSim } from '../helpers/sim-serve-kubectl';

const hasKubectl = requireKubectl();

afterEach(cleanUp);

const words = (text: string) => text.split(/\s+/).filter(Boolean);

describe.runIf(hasKubectl)('verbs sim serve accepts as a real API server does', () => {
	it('kubectl api-resources -o wide lists the verbs a real server lists', async () => {
		const { kubectl } = await serveSim();
		const rows = (await kubectl('api-resources', '-o', 'wide', '--no-headers')).trim().split('\n');
		// kubectl prints the verbs comma-separated in the VERBS column.
		const verbsOf = (name: string) => words(rows.find((row) => words(row)[0] === name) ?? '').find((word) => word.split(',').includes('get'));
		const all = 'create,delete,deletecollection,get,list,patch,update,watch';
		for (const name of ['pods', 'services', 'endpoints', 'events', 'nodes', 'deployments', 'horizontalpodautoscalers', 'rollouts', 'analysisruns', 'analysistemplates', 'endpointslices', 'scaledobjects']) {
			expect([name, verbsOf(name)]).toEqual([name, all]);
		}
		expect(verbsOf('namespaces')).toBe('create,delete,get,list,patch,update,watch');
	});

	it('label, annotate, patch and replace Namespaces and Services: the user edits stay', async () => {
		const { kubectl } = await serveSim();
		expect(await kubectl('label', 'ns', 'llm', 'team=search')).toBe('namespace/llm labeled\n');
		expect(await kubectl('-n', 'llm', 'annotate', 'svc', 'embed', 'owner=alice')).toBe('service/embed annotated\n');
		const ports = [{ name: 'http', port: 80, targetPort: 8000, protocol: 'TCP' }];
		expect(await kubectl('-n', 'llm', 'patch', 'svc', 'embed', '--type', 'merge', '-p', JSON.stringify({ spec: { ports } }))).toBe('service/embed patched\n');

		// The simulator moves on (a write, then a new pod Ready) and leaves the edits alone.
		await kubectl('-n', 'llm', 'scale', 'deployment', 'embed', '--replicas=2');
		await eventually('two ready embed pods', async () => (await kubectl('-n', 'llm', 'get', 'deployment', 'embed', '-o', 'jsonpath={.status.readyReplicas}')) === '2');
		expect(await kubectl('get', 'ns', 'llm', '-o', 'jsonpath={.metadata.labels.team}')).toBe('search');
		const service = JSON.parse(await kubectl('-n', 'llm', 'get', 'svc', 'embed', '-o', 'json'));
		expect(service.metadata.annotations.owner).toBe('alice');
		expect(service.spec.ports).toEqual(ports);
		// The endpoints follow the edited Service (port 80 → the pods' 8000).
		expect(await kubectl('-n', 'llm', 'get', 'endpoints', 'embed', '-o', 'jsonpath={.subsets[0].ports[0].port}')).toBe('8000');

		// kubectl replace with the allocated address left out keeps it; changing it is refused as on a real server.
		const { clusterIP, clusterIPs: _ips, ...spec } = service.spec;
		const edited = { ...service, metadata: { ...service.metadata, labels: { ...service.metadata.labels, tier: 'backend' } }, spec };
		expect(await kubectl('replace', '-f', manifest(edited))).toBe('service/embed replaced\n');
		expect(await kubectl('-n', 'llm', 'get', 'svc', 'embed', '-o', 'jsonpath={.metadata.labels.tier} {.spec.clusterIP}')).toBe(`backend ${clusterIP}`);
		await expect(kubectl('-n', 'llm', 'patch', 'svc', 'embed', '--type', 'merge', '-p', '{"spec":{"clusterIP":"10.96.0.99","clusterIPs":["10.96.0.99"]}}')).rejects.toThrow(
			`The Service "embed" is invalid: spec.clusterIPs[0]: Invalid value: []string{"10.96.0.99"}: may not change once set`,
		);
		// A stale resourceVersion is a conflict, as for any kind.
		await expect(kubectl('replace', '-f', manifest(service))).rejects.toThrow('the object has been modified');
	});

	it("Argo's selector hash on a blue-green Service is reconciled; the user's other edits stay", async () => {
		const { kubectl } = await serveSim({ blueGreen: true });
		await eventually('the active selector', async () => (await kubectl('-n', 'llm', 'get', 'rollout', 'search', '-o', 'jsonpath={.status.blueGreen.activeSelector}')) !== '');
		const active = await kubectl('-n', 'llm', 'get', 'rollout', 'search', '-o', 'jsonpath={.status.blueGreen.activeSelector}');
		await kubectl('-n', 'llm', 'patch', 'svc', 'search', '--type', 'merge', '-p', '{"metadata":{"labels":{"tier":"web"}},"spec":{"selector":{"rollouts-pod-template-hash":"bogus"}}}');
		await eventually('the active hash back in the selector', async () => (await kubectl('-n', 'llm', 'get', 'svc', 'search', '-o', 'jsonpath={.spec.selector.rollouts-pod-template-hash}')) === active);
		expect(await kubectl('-n', 'llm', 'get', 'svc', 'search', '-o', 'jsonpath={.metadata.labels.tier}')).toBe('web');
	});

	it('patch and update --dry-run=server validate and answer without storing', async () => {
		const { kubectl } = await serveSim();
		const replicas = () => kubectl('-n', 'llm', 'get', 'deployment', 'embed', '-o', 'jsonpath={.spec.replicas}');
		// Settled first, so the simulator has no reason to write the deployment meanwhile.
		await eventually('embed ready', async () => (await kubectl('-n', 'llm', 'get', 'deployment', 'embed', '-o', 'jsonpath={.status.readyReplicas}')) === '1');
		const before = await kubectl('-n', 'llm', 'get', 'deployment', 'embed', '-o', 'jsonpath={.metadata.resourceVersion}');
		expect(await kubectl('-n', 'llm', 'patch', 'deployment', 'embed', '-p', '{"spec":{"replicas":3}}', '--dry-run=server', '-o', 'jsonpath={.spec.replicas}')).toBe('3');
		expect(await kubectl('label', 'ns', 'llm', 'team=x', '--dry-run=server')).toBe('namespace/llm labeled (server dry run)\n');
		await expect(kubectl('-n', 'llm', 'patch', 'deployment', 'embed', '-p', '{"spec":{"replicas":-1}}', '--dry-run=server')).rejects.toThrow('spec.replicas: Invalid value: -1: must be greater than or equal to 0');
		const deployment = JSON.parse(await kubectl('-n', 'llm', 'get', 'deployment', 'embed', '-o', 'json'));
		const file = manifest({ ...deployment, spec: { ...deployment.spec, replicas: 4 } });
		expect(await kubectl('replace', '-f', file, '--dry-run=server')).toBe('deployment.apps/embed replaced (server dry run)\n');
		expect(await replicas()).toBe('1');
		expect(await kubectl('get', 'ns', 'llm', '-o', 'jsonpath={.metadata.labels.team}')).toBe('');
		// Nothing was stored: the resourceVersion is the one from before the dry runs.
		expect(deployment.metadata.resourceVersion).toBe(before);
	});

	it('delete events --all; a deleted Endpoints comes back with a new uid; edits to EndpointSlices are reconciled away', async () => {
		const { kubectl } = await serveSim();
		await eventually('events', async () => words(await kubectl('-n', 'llm', 'get', 'events', '-o', 'name')).length > 3);
		const events = words(await kubectl('-n', 'llm', 'get', 'events', '-o', 'name'));
		const deleted = (await kubectl('-n', 'llm', 'delete', 'events', '--all')).trim().split('\n');
		expect(deleted.length).toBeGreaterThanOrEqual(events.length);
		expect(deleted[0]).toMatch(/^event "[^"]+" deleted$/);
		const left = words(await kubectl('-n', 'llm', 'get', 'events', '-o', 'name'));
		expect(left.filter((name) => events.includes(name))).toEqual([]);

		await eventually('the embed pod in its endpoints', async () => (await kubectl('-n', 'llm', 'get', 'endpoints', 'embed', '-o', 'jsonpath={.subsets[0].addresses[0].ip}')) !== '');
		const uid = await kubectl('-n', 'llm', 'get', 'endpoints', 'embed', '-o', 'jsonpath={.metadata.uid}');
		expect(await kubectl('-n', 'llm', 'delete', 'endpoints', 'embed')).toBe('endpoints "embed" deleted\n');
		const again = await kubectl('-n', 'llm', 'get', 'endpoints', 'embed', '-o', 'jsonpath={.metadata.uid} {.subsets[0].addresses[*].ip}');
		expect(again).toMatch(/^\S+ \d+\.\d+\.\d+\.\d+/);
		expect(again.split(' ')[0]).not.toBe(uid);

		const slice = (await kubectl('-n', 'llm', 'get', 'endpointslices', '-l', 'kubernetes.io/service-name=embed', '-o', 'name')).trim();
		expect(await kubectl('-n', 'llm', 'label', slice, 'hacked=yes')).toBe(`${slice} labeled\n`);
		expect(await kubectl('-n', 'llm', 'annotate', slice, 'note=mine')).toBe(`${slice} annotated\n`);
		expect(await kubectl('-n', 'llm', 'get', slice, '-o', 'jsonpath={.metadata.labels.hacked}|{.metadata.annotations.note}')).toBe('|mine');
	});

	it('deletecollection deletes what the selectors pick, each as a single DELETE does, and answers the list', async () => {
		const { kubectl } = await serveSim();
		const embedPods = async () => words(await kubectl('-n', 'llm', 'get', 'pods', '-l', 'app=embed', '-o', 'jsonpath={.items[*].metadata.name}'));
		await eventually('the embed pod', async () => (await embedPods()).length === 1);
		const [pod] = await embedPods();
		const podList = JSON.parse(await kubectl('delete', '--raw', '/api/v1/namespaces/llm/pods?labelSelector=app%3Dembed'));
		expect(podList).toMatchObject({ kind: 'PodList', apiVersion: 'v1' });
		expect(podList.items.map((p: { metadata: { name: string } }) => p.metadata.name)).toEqual([pod]);
		// Gracefully, as `kubectl delete pod`: Terminating first, and the ReplicaSet replaces it.
		expect(podList.items[0].metadata.deletionTimestamp).toBeDefined();
		await eventually('a replacement pod', async () => (await embedPods()).some((name) => name !== pod));

		const deployments = JSON.parse(await kubectl('delete', '--raw', '/apis/apps/v1/namespaces/llm/deployments?fieldSelector=metadata.name%3Dembed'));
		expect(deployments.kind).toBe('DeploymentList');
		expect(deployments.items.map((d: { metadata: { name: string } }) => d.metadata.name)).toEqual(['embed']);
		// Cascading: the Deployment's ReplicaSets go with it; the Rollout's stay.
		expect(await kubectl('-n', 'llm', 'get', 'replicasets', '-l', 'app=embed', '-o', 'name')).toBe('');
		expect(await kubectl('-n', 'llm', 'get', 'replicasets', '-l', 'app=chat', '-o', 'name')).not.toBe('');
		await expect(kubectl('delete', '--raw', '/api/v1/namespaces')).rejects.toThrow('the server does not allow this method on the requested resource');
	});

	it('kubectl create -f an HPA: the simulator scales its target and writes its status; deleting it leaves the replicas', async () => {
		const { kubectl } = await serveSim();
		const hpa = embedRpsHpa({ minReplicas: 1 });
		expect(await kubectl('create', '-f', manifest(hpa))).toBe('horizontalpodautoscaler.autoscaling/embed created\n');
		// About 2 requests a second on one replica against a target of 1 per replica: it scales up.
		const replicas = async () => Number(await kubectl('-n', 'llm', 'get', 'deployment', 'embed', '-o', 'jsonpath={.spec.replicas}'));
		await eventually('the HPA scaling the deployment', async () => (await replicas()) > 1);
		await eventually('the HPA status written', async () => {
			const status = JSON.parse(await kubectl('-n', 'llm', 'get', 'hpa', 'embed', '-o', 'json')).status;
			return status.desiredReplicas > 1 && status.conditions?.map((c: { type: string }) => c.type).join() === 'AbleToScale,ScalingActive,ScalingLimited';
		});

		expect(await kubectl('-n', 'llm', 'delete', 'hpa', 'embed')).toBe('horizontalpodautoscaler.autoscaling "embed" deleted\n');
		const scaled = await replicas();
		await eventually('every replica ready', async () => (await kubectl('-n', 'llm', 'get', 'deployment', 'embed', '-o', 'jsonpath={.status.readyReplicas}')) === String(scaled));
		expect(await replicas()).toBe(scaled);

		// Without metrics the API server defaults one CPU metric at 80 %; the simulator says it does not compute that one.
		const cpu = { ...hpa, metadata: { name: 'chat', namespace: 'llm' }, spec: { scaleTargetRef: { apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', name: 'chat' }, maxReplicas: 4 } };
		expect(await kubectl('create', '-f', manifest(cpu))).toBe('horizontalpodautoscaler.autoscaling/chat created\n');
		expect(JSON.parse(await kubectl('-n', 'llm', 'get', 'hpa', 'chat', '-o', 'jsonpath={.spec}'))).toMatchObject({
			minReplicas: 1,
			metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }],
		});
		const active = async () => (JSON.parse(await kubectl('-n', 'llm', 'get', 'hpa', 'chat', '-o', 'json')).status.conditions ?? []).find((c: { type: string }) => c.type === 'ScalingActive');
		await eventually('the ScalingActive condition', async () => (await active()) !== undefined);
		expect(await active()).toMatchObject({ status: 'False', reason: 'FailedGetResourceMetric', message: `the HPA was unable to compute the replica count: ${UNSUPPORTED_METRIC_MESSAGE}` });

		const invalid = { ...hpa, metadata: { name: 'bad', namespace: 'llm' }, spec: { ...hpa.spec, minReplicas: undefined, maxReplicas: 0 } };
		await expect(kubectl('create', '-f', manifest(invalid))).rejects.toThrow('spec.maxReplicas: Invalid value: 0: must be greater than 0');
	});

	it('AnalysisTemplates and AnalysisRuns are created and deleted; a created run is run by the analysis controller', async () => {
		const { kubectl } = await serveSim();
		const metric = {
			name: 'gpu-util',
			count: 1,
			successCondition: 'result[0] >= 0',
			provider: { prometheus: { address: 'http://prometheus.monitoring:9090', query: 'avg(DCGM_FI_DEV_GPU_UTIL{namespace="llm"})' } },
		};
		const template = { apiVersion: 'argoproj.io/v1alpha1', kind: 'AnalysisTemplate', metadata: { name: 'gpu', namespace: 'llm' }, spec: { metrics: [metric] } };
		expect(await kubectl('create', '-f', manifest(template))).toBe('analysistemplate.argoproj.io/gpu created\n');
		expect(await kubectl('-n', 'llm', 'delete', 'analysistemplate', 'gpu')).toBe('analysistemplate.argoproj.io "gpu" deleted\n');
		await expect(kubectl('-n', 'llm', 'get', 'analysistemplate', 'gpu')).rejects.toThrow('analysistemplates.argoproj.io "gpu" not found');

		const run = { apiVersion: 'argoproj.io/v1alpha1', kind: 'AnalysisRun', metadata: { name: 'probe', namespace: 'llm' }, spec: { metrics: [metric] } };
		expect(await kubectl('create', '-f', manifest(run))).toBe('analysisrun.argoproj.io/probe created\n');
		await eventually('the run measured and finished', async () => (await kubectl('-n', 'llm', 'get', 'analysisrun', 'probe', '-o', 'jsonpath={.status.phase}')) === 'Successful');
		expect(await kubectl('-n', 'llm', 'get', 'analysisrun', 'probe', '-o', 'jsonpath={.status.metricResults[0].measurements[0].phase}')).toBe('Successful');
		expect(await kubectl('-n', 'llm', 'delete', 'analysisrun', 'probe')).toBe('analysisrun.argoproj.io "probe" deleted\n');
	});

	it('kubectl create node: stored tainted not-ready with no kubelet behind it, nothing scheduled there, and deleted again', async () => {
		const { kubectl } = await serveSim();
		const node = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'gpu-extra', labels: { 'nvidia.com/gpu.product': 'NVIDIA-H100-80GB-HBM3' } } };
		expect(await kubectl('create', '-f', manifest(node))).toBe('node/gpu-extra created\n');
		expect(await kubectl('get', 'node', 'gpu-extra', '--no-headers')).toMatch(/^gpu-extra\s+Unknown\s/);
		expect(await kubectl('get', 'node', 'gpu-extra', '-o', 'jsonpath={.spec.taints[*].key}')).toBe('node.kubernetes.io/not-ready');
		// More replicas than the two simulated nodes hold: the pending ones name the new node's taint.
		await kubectl('-n', 'llm', 'scale', 'deployment', 'embed', '--replicas=20');
		// (not-ready, or unreachable should the grace period be over by then)
		const counted = /0\/3 nodes are available: 1 node\(s\) had untolerated taint \{node\.kubernetes\.io\/(not-ready|unreachable): \}, 2 Insufficient nvidia\.com\/gpu\./;
		await eventually('a FailedScheduling event counting the new node', async () =>
			counted.test(await kubectl('-n', 'llm', 'get', 'events', '--field-selector', 'reason=FailedScheduling', '-o', 'jsonpath={.items[*].message}')),
		);
		// After the grace period the node controller gives up on it: Unknown conditions, unreachable taints.
		await eventually('the node marked unreachable', async () => (await kubectl('get', 'node', 'gpu-extra', '-o', 'jsonpath={.status.conditions[?(@.type=="Ready")].message}')) === 'Kubelet never posted node status.');
		expect(await kubectl('get', 'node', 'gpu-extra', '--no-headers')).toMatch(/^gpu-extra\s+NotReady\s/);
		expect(await kubectl('get', 'node', 'gpu-extra', '-o', 'jsonpath={.spec.taints[*].key}')).toBe('node.kubernetes.io/unreachable node.kubernetes.io/unreachable');
		expect(await kubectl('get', 'pods', '-A', '--field-selector', 'spec.nodeName=gpu-extra', '-o', 'name')).toBe('');
		expect(await kubectl('delete', 'node', 'gpu-extra')).toBe('node "gpu-extra" deleted\n');
	});
});
