// Writes a real API server accepts, done with the real kubectl: deleting a node (its pods go, their
// ReplicaSets replace them elsewhere), `kubectl run` (a bare pod the simulator runs), a ReplicaSet
// created from a manifest, and creating and deleting Namespaces and Services.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanUp } from '../helpers/api-server-session';
import { eventually, requireKubectl, serveSim, streamKubectl } from '../helpers/sim-serve-kubectl';

const hasKubectl = requireKubectl();

afterEach(cleanUp);

/** `name node` per pod of the namespace. */
async function podsByNode(kubectl: (...args: string[]) => Promise<string>): Promise<string[][]> {
	const out = await kubectl('-n', 'llm', 'get', 'pods', '-o', 'custom-columns=NAME:.metadata.name,NODE:.spec.nodeName,DELETING:.metadata.deletionTimestamp', '--no-headers');
	return out.trim().split('\n').filter(Boolean).map((line) => line.split(/\s+/));
}

describe.runIf(hasKubectl)('writes sim serve accepts', () => {
	it('kubectl delete node: the node and its pods go, the ReplicaSets replace them on the other node', async () => {
		const { kubectl } = await serveSim();
		await eventually('pods on both nodes', async () => new Set((await podsByNode(kubectl)).map(([, node]) => node).filter((n) => n !== '<none>')).size === 2);
		const [victim, survivor] = (await kubectl('get', 'nodes', '-o', 'name')).trim().split('\n').map((n) => n.replace('node/', ''));
		const before = await podsByNode(kubectl);
		const doomed = before.filter(([, node]) => node === victim).map(([name]) => name);
		expect(doomed.length).toBeGreaterThan(0);

		expect(await kubectl('delete', 'node', victim)).toBe(`node "${victim}" deleted\n`);
		expect((await kubectl('get', 'nodes', '-o', 'name')).trim()).toBe(`node/${survivor}`);
		const after = await podsByNode(kubectl);
		expect(after.map(([name]) => name)).not.toEqual(expect.arrayContaining([doomed[0]]));
		// As many live pods as the ReplicaSets want (the canary may still be scaling), all on the surviving node.
		await eventually('replacements scheduled on the surviving node', async () => {
			const wanted = (await kubectl('-n', 'llm', 'get', 'replicasets', '-o', 'jsonpath={.items[*].spec.replicas}')).split(' ').reduce((sum, n) => sum + Number(n), 0);
			const pods = (await podsByNode(kubectl)).filter(([, , deleting]) => deleting === '<none>');
			return pods.length === wanted && pods.every(([, node]) => node === survivor);
		});
	});

	it('kubectl run: a bare pod is scheduled and runs; deleted gracefully it is gone and nothing replaces it', async () => {
		const { kubectl, kubeconfig } = await serveSim();
		expect(await kubectl('-n', 'llm', 'run', 'probe', '--image=busybox:1.36')).toBe('pod/probe created\n');
		const state = () => kubectl('-n', 'llm', 'get', 'pod', 'probe', '-o', 'jsonpath={.status.phase} {.status.conditions[?(@.type=="Ready")].status}');
		await eventually('probe Running and Ready', async () => (await state()) === 'Running True');
		const pod = JSON.parse(await kubectl('-n', 'llm', 'get', 'pod', 'probe', '-o', 'json'));
		expect(pod.metadata.ownerReferences).toBeUndefined();
		expect(pod.metadata.labels).toEqual({ run: 'probe' });
		expect(pod.spec.nodeName).toMatch(/\S/);
		expect(pod.spec.containers[0]).toEqual(expect.objectContaining({ name: 'probe', image: 'busybox:1.36', imagePullPolicy: 'IfNotPresent' }));
		expect(pod.status).toEqual(expect.objectContaining({ qosClass: 'BestEffort', podIP: expect.stringMatching(/^10\./) }));
		expect(pod.status.containerStatuses[0]).toEqual(expect.objectContaining({ ready: true, started: true, state: { running: { startedAt: expect.any(String) } } }));
		const reasons = (await kubectl('-n', 'llm', 'get', 'events', '--field-selector', 'involvedObject.name=probe', '-o', 'jsonpath={.items[*].reason}')).split(' ');
		expect(reasons.sort()).toEqual(['Created', 'Pulled', 'Pulling', 'Scheduled', 'Started']);
		await expect(kubectl('-n', 'llm', 'run', 'probe', '--image=busybox:1.36')).rejects.toThrow('Error from server (AlreadyExists): pods "probe" already exists');

		const watch = streamKubectl(kubeconfig, '-n', 'llm', 'get', 'pod', 'probe', '-w', '--output-watch-events', '--no-headers');
		await eventually('the watch listing probe', async () => watch.output().includes('probe'));
		// kubectl waits until the pod is gone: Terminating (watched) first, then deleted, and not replaced.
		expect(await kubectl('-n', 'llm', 'delete', 'pod', 'probe')).toBe('pod "probe" deleted\n');
		await expect(kubectl('-n', 'llm', 'get', 'pod', 'probe')).rejects.toThrow('pods "probe" not found');
		await eventually('the DELETED event', async () => /^DELETED\s+probe\s/m.test(watch.output()));
		expect(watch.output()).toMatch(/^MODIFIED\s+probe\s+0\/1\s+Terminating\s/m);
		expect(await kubectl('-n', 'llm', 'get', 'pods', '-l', 'run=probe', '-o', 'name')).toBe('');
	});

	it('kubectl run: a bare pod no node fits gets the scheduler\'s FailedScheduling; one on a deleted node is not replaced', async () => {
		const { kubectl } = await serveSim();
		const overrides = JSON.stringify({ spec: { containers: [{ name: 'huge', image: 'vllm/vllm-openai:v0.8.0', resources: { limits: { 'nvidia.com/gpu': '16' } } }] } });
		expect(await kubectl('-n', 'llm', 'run', 'huge', '--image=vllm/vllm-openai:v0.8.0', `--overrides=${overrides}`)).toBe('pod/huge created\n');
		const message = '0/2 nodes are available: 2 Insufficient nvidia.com/gpu. preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod.';
		const failed = () => kubectl('-n', 'llm', 'get', 'events', '--field-selector', 'involvedObject.name=huge,reason=FailedScheduling', '-o', 'jsonpath={.items[*].message}');
		await eventually('a FailedScheduling event', async () => (await failed()) === message);
		expect(await kubectl('-n', 'llm', 'get', 'pod', 'huge', '-o', 'jsonpath={.status.phase} {.status.conditions[0].reason}: {.status.conditions[0].message}')).toBe(`Pending Unschedulable: ${message}`);

		await kubectl('-n', 'llm', 'run', 'probe', '--image=busybox:1.36');
		const nodeOf = () => kubectl('-n', 'llm', 'get', 'pod', 'probe', '-o', 'jsonpath={.spec.nodeName}');
		await eventually('probe scheduled', async () => (await nodeOf()) !== '');
		expect(await kubectl('delete', 'node', await nodeOf())).toMatch(/^node ".+" deleted\n$/);
		await expect(kubectl('-n', 'llm', 'get', 'pod', 'probe')).rejects.toThrow('pods "probe" not found');
		// Another pod scheduled and started after it: ticks enough for any controller to have replaced probe.
		await kubectl('-n', 'llm', 'run', 'marker', '--image=busybox:1.36');
		await eventually('marker Running', async () => (await kubectl('-n', 'llm', 'get', 'pod', 'marker', '-o', 'jsonpath={.status.phase}')) === 'Running');
		expect(await kubectl('-n', 'llm', 'get', 'pods', '-l', 'run=probe', '-o', 'name')).toBe('');
	});

	it('kubectl create -f of a ReplicaSet without an owner: its pods run, kubectl scale rs scales it, deleting it removes them', async () => {
		const { kubectl } = await serveSim();
		const file = join(mkdtempSync(join(tmpdir(), 'rolltop-rs-')), 'echo.yaml');
		writeFileSync(
			file,
			'apiVersion: apps/v1\nkind: ReplicaSet\nmetadata: {name: echo, namespace: llm}\nspec:\n  replicas: 2\n  selector: {matchLabels: {app: echo}}\n  template:\n    metadata: {labels: {app: echo}}\n    spec: {containers: [{name: echo, image: \'busybox:1.36\'}]}\n',
		);
		expect(await kubectl('create', '-f', file)).toBe('replicaset.apps/echo created\n');
		const ready = () => kubectl('-n', 'llm', 'get', 'rs', 'echo', '-o', 'jsonpath={.spec.replicas} {.status.replicas} {.status.readyReplicas}');
		await eventually('2 ready replicas', async () => (await ready()) === '2 2 2');
		const owners = await kubectl('-n', 'llm', 'get', 'pods', '-l', 'app=echo', '-o', 'jsonpath={.items[*].metadata.ownerReferences[0].name}');
		expect(owners).toBe('echo echo');
		expect(await kubectl('-n', 'llm', 'get', 'events', '--field-selector', 'involvedObject.name=echo', '-o', 'jsonpath={.items[*].reason}')).toBe('SuccessfulCreate SuccessfulCreate');
		await expect(kubectl('create', '-f', file)).rejects.toThrow('Error from server (AlreadyExists): error when creating "' + file + '": replicasets.apps "echo" already exists');

		expect(await kubectl('-n', 'llm', 'scale', 'rs', 'echo', '--replicas=3')).toBe('replicaset.apps/echo scaled\n');
		await eventually('3 ready replicas', async () => (await ready()) === '3 3 3');
		expect(await kubectl('-n', 'llm', 'scale', 'rs', 'echo', '--replicas=1')).toBe('replicaset.apps/echo scaled\n');
		await eventually('1 replica left', async () => (await kubectl('-n', 'llm', 'get', 'pods', '-l', 'app=echo', '-o', 'name')).trim().split('\n').length === 1);

		expect(await kubectl('-n', 'llm', 'delete', 'rs', 'echo')).toBe('replicaset.apps "echo" deleted\n');
		await eventually('its pods gone', async () => (await kubectl('-n', 'llm', 'get', 'pods', '-l', 'app=echo', '-o', 'name')) === '');
		// Not one of the cluster's workloads: nothing else appeared for it.
		expect(await kubectl('-n', 'llm', 'get', 'deployments,rollouts,services', '-o', 'name')).not.toContain('echo');
	});

	it('kubectl create/delete namespace and service; deleting a namespace deletes what is in it', async () => {
		const { kubectl } = await serveSim();
		expect(await kubectl('create', 'namespace', 'team-a')).toBe('namespace/team-a created\n');
		expect(await kubectl('get', 'namespace', 'team-a', '-o', 'jsonpath={.status.phase}')).toBe('Active');
		expect(await kubectl('-n', 'team-a', 'create', 'service', 'clusterip', 'web', '--tcp=80:8000')).toBe('service/web created\n');
		const service = JSON.parse(await kubectl('-n', 'team-a', 'get', 'service', 'web', '-o', 'json'));
		expect(service.spec).toEqual(expect.objectContaining({ type: 'ClusterIP', selector: { app: 'web' }, ports: [expect.objectContaining({ port: 80, targetPort: 8000, protocol: 'TCP' })] }));
		expect(service.spec.clusterIP).toMatch(/^10\.96\.\d+\.\d+$/);
		expect(await kubectl('-n', 'team-a', 'get', 'endpoints', 'web', '-o', 'name')).toBe('endpoints/web\n');
		expect(await kubectl('-n', 'team-a', 'delete', 'service', 'web')).toBe('service "web" deleted\n');
		await expect(kubectl('-n', 'team-a', 'get', 'service', 'web')).rejects.toThrow('services "web" not found');

		// A deployment in the new namespace does not take the namespace over: it stays when the deployment goes.
		await kubectl('-n', 'team-a', 'create', 'deployment', 'tiny', '--image=vllm/vllm-openai:v0.8.0');
		await kubectl('-n', 'team-a', 'delete', 'deployment', 'tiny');
		expect(await kubectl('get', 'namespace', 'team-a', '-o', 'name')).toBe('namespace/team-a\n');
		expect(await kubectl('delete', 'namespace', 'team-a')).toBe('namespace "team-a" deleted\n');
		await expect(kubectl('get', 'namespace', 'team-a')).rejects.toThrow('namespaces "team-a" not found');

		// A workload's Service deleted stays deleted while the workload lives on (an annotation is a write the addons sync after).
		expect(await kubectl('-n', 'llm', 'delete', 'service', 'embed')).toBe('service "embed" deleted\n');
		await kubectl('-n', 'llm', 'annotate', 'deployment', 'embed', 'team=search');
		await expect(kubectl('-n', 'llm', 'get', 'service', 'embed')).rejects.toThrow('services "embed" not found');
		await expect(kubectl('-n', 'llm', 'get', 'endpoints', 'embed')).rejects.toThrow('endpoints "embed" not found');

		// The scenario's namespace with its workloads: everything in it goes with it.
		expect(await kubectl('delete', 'namespace', 'llm')).toBe('namespace "llm" deleted\n');
		await expect(kubectl('get', 'namespace', 'llm')).rejects.toThrow('namespaces "llm" not found');
		expect(await kubectl('get', 'deployments,rollouts,replicasets,pods,services', '-A', '-o', 'name')).toBe('');
		await expect(kubectl('delete', 'namespace', 'default')).rejects.toThrow('Error from server (Forbidden): namespaces "default" is forbidden: this namespace may not be deleted');
	});

	it('kubectl delete namespace: Terminating while its pods terminate gracefully, creating in it refused, then gone', async () => {
		// At speed 1 a pod terminates for 2 to 6 real seconds: the namespace stays Terminating that long.
		const { kubectl, kubeconfig, sim } = await serveSim({ speed: 1 });
		const watch = streamKubectl(kubeconfig, 'get', 'namespace', 'llm', '-w', '--output-watch-events', '--no-headers');
		await eventually('the watch listing llm', async () => /^ADDED\s+llm\s+Active\s/m.test(watch.output()));
		const running = (await kubectl('-n', 'llm', 'get', 'pods', '-o', 'name')).trim().split('\n');
		expect(running.length).toBeGreaterThan(0);

		expect(await kubectl('delete', 'namespace', 'llm', '--wait=false')).toBe('namespace "llm" deleted\n');
		const ns = JSON.parse(await kubectl('get', 'namespace', 'llm', '-o', 'json'));
		expect(ns.status.phase).toBe('Terminating');
		expect(ns.metadata.deletionTimestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
		expect(ns.spec.finalizers).toEqual(['kubernetes']);

		const why = 'is forbidden: unable to create new content in namespace llm because it is being terminated';
		await expect(kubectl('-n', 'llm', 'run', 'probe', '--image=busybox:1.36')).rejects.toThrow(`Error from server (Forbidden): pods "probe" ${why}`);
		await expect(kubectl('-n', 'llm', 'create', 'deployment', 'web', '--image=busybox:1.36')).rejects.toThrow(`error: failed to create deployment: deployments.apps "web" ${why}`);
		const answer = await fetch(`${sim.server.url}/api/v1/namespaces/llm/services`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { ports: [{ port: 80 }] } }),
		});
		expect(answer.status).toBe(403);
		expect(await answer.json()).toEqual({
			kind: 'Status',
			apiVersion: 'v1',
			metadata: {},
			status: 'Failure',
			message: `services "web" ${why}`,
			reason: 'Forbidden',
			details: { name: 'web', kind: 'services', causes: [{ reason: 'NamespaceTerminating', message: 'namespace llm is being terminated', field: 'metadata.namespace' }] },
			code: 403,
		});
		await expect(kubectl('delete', 'namespace', 'llm', '--wait=false')).rejects.toThrow(
			'Error from server (Conflict): Operation cannot be fulfilled on namespaces "llm": The system is ensuring all content is removed from this namespace.  Upon completion, this namespace will automatically be purged by the system.',
		);

		// The namespace controller deletes the workloads at once; their pods terminate gracefully, not forced.
		await eventually('the content remaining reported', async () => /^Some resources are remaining: pods\. has \d+ resource instances$/.test(await kubectl('get', 'namespace', 'llm', '-o', 'jsonpath={.status.conditions[?(@.type=="NamespaceContentRemaining")].message}')));
		expect(await kubectl('-n', 'llm', 'get', 'deployments,rollouts,replicasets,services', '-o', 'name')).toBe('');
		const terminating = await kubectl('-n', 'llm', 'get', 'pods', '-o', 'jsonpath={range .items[*]}{.metadata.name} {.metadata.deletionTimestamp}{"\\n"}{end}');
		for (const line of terminating.trim().split('\n')) expect(line).toMatch(/^\S+ \d{4}-\S+Z$/);

		expect(await kubectl('wait', '--for=delete', 'namespace/llm', '--timeout=30s')).toContain('namespace/llm condition met');
		await expect(kubectl('get', 'namespace', 'llm')).rejects.toThrow('namespaces "llm" not found');
		expect(await kubectl('get', 'pods,events', '-n', 'llm', '-o', 'name')).toBe('');
		await eventually('the DELETED event', async () => /^DELETED\s+llm\s/m.test(watch.output()));
		const events = watch.output().split('\n').filter(Boolean).map((row) => row.split(/\s+/).slice(0, 3).join(' '));
		// Never Active again once Terminating; the last event is the deletion.
		expect(events[0]).toBe('ADDED llm Active');
		expect(new Set(events.slice(1, -1))).toEqual(new Set(['MODIFIED llm Terminating']));
		expect(events.at(-1)).toBe('DELETED llm Terminating');
	});
});
