// Nodes and their pods, derived from the cluster state and cached by the Node and Pod versions.
import type { Node, Pod } from '../domain/k8s';
import { nodeCapacity, pendingForGpus, type NodeCapacity } from '../domain/node-capacity';
import { objectsOf, type ClusterState } from './cluster-state';
import { cached } from './selectors';

const podsByNode = cached(['Pod'], (state) => {
	const index = new Map<string, Pod[]>();
	for (const pod of objectsOf(state, 'Pod')) {
		const name = pod.spec?.nodeName;
		if (!name) continue;
		const list = index.get(name);
		if (list) list.push(pod);
		else index.set(name, [pod]);
	}
	return index;
});

export interface NodeEntry {
	node: Node;
	capacity: NodeCapacity;
}

/** Every node with what it holds, by name. Ages use the clock of the last Node or Pod change. */
export const selectNodes = cached(['Node', 'Pod'], (state): NodeEntry[] => {
	const pods = podsByNode(state);
	return objectsOf(state, 'Node')
		.map((node) => ({ node, capacity: nodeCapacity(node, pods.get(node.metadata.name) ?? [], state.now) }))
		.sort((a, b) => a.capacity.name.localeCompare(b.capacity.name));
});

export function selectPodsOnNode(state: ClusterState, name: string): Pod[] {
	return [...(podsByNode(state).get(name) ?? [])].sort((a, b) => (a.metadata.namespace ?? '').localeCompare(b.metadata.namespace ?? '') || a.metadata.name.localeCompare(b.metadata.name));
}

/** Pods in the console's scope waiting for a node with GPUs. */
export const selectGpuPendingPods = cached(['Pod'], (state) => objectsOf(state, 'Pod').filter(pendingForGpus));
