// Writes a real API server accepts, done with the real kubectl: deleting a node (its pods go, their
// ReplicaSets replace them elsewhere), `kubectl run` (a bare pod, stored Pending with the reason),
// and creating and deleting Namespaces and Services.
import { afterEach, describe, expect, it } from 'vitest';
import { UNOWNED_POD_MESSAGE } from '../../source/sources/simulator/api-writes';
import { cleanUp } from '../helpers/api-server-session';
import { eventually, requireKubectl, serveSim } from '../helpers/sim-serve-kubectl';

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

	it('kubectl run: a bare pod is stored Pending, unschedulable with the reason, and can be deleted', async () => {
		const { kubectl } = await serveSim();
		expect(await kubectl('-n', 'llm', 'run', 'probe', '--image=busybox:1.36')).toBe('pod/probe created\n');
		const pod = JSON.parse(await kubectl('-n', 'llm', 'get', 'pod', 'probe', '-o', 'json'));
		expect(pod.status.phase).toBe('Pending');
		expect(pod.status.conditions).toEqual([expect.objectContaining({ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: UNOWNED_POD_MESSAGE })]);
		expect(pod.spec.containers[0]).toEqual(expect.objectContaining({ name: 'probe', image: 'busybox:1.36', imagePullPolicy: 'IfNotPresent' }));
		expect(await kubectl('-n', 'llm', 'get', 'events', '--field-selector', 'involvedObject.name=probe', '-o', 'jsonpath={.items[*].reason}')).toBe('FailedScheduling');
		await expect(kubectl('-n', 'llm', 'run', 'probe', '--image=busybox:1.36')).rejects.toThrow('Error from server (AlreadyExists): pods "probe" already exists');
		expect(await kubectl('-n', 'llm', 'delete', 'pod', 'probe')).toBe('pod "probe" deleted\n');
		await expect(kubectl('-n', 'llm', 'get', 'pod', 'probe')).rejects.toThrow('pods "probe" not found');
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
});
