// The lists the operator moves through, in display order: shared by the present builders (what is
// drawn) and the key handlers (what moving the selection means), so the two never disagree.
import type { KubeEvent, Pod } from '../domain/k8s';
import type { MetricId } from '../domain/metrics';
import type { Workload } from '../domain/replica-set';
import type { StoreSnapshot } from './store';
import type { ActionLogEntry } from './action-log';
import { eventTime, selectEvents, selectPods, selectWorkloads, workloadKey } from './selectors';
import type { ReplicaSortKey } from './ui-state';
import { selectNodes, type NodeEntry } from './node-selectors';

function matches(filter: string, ...fields: Array<string | undefined>): boolean {
	if (!filter) return true;
	const needle = filter.toLowerCase();
	return fields.some((field) => field?.toLowerCase().includes(needle));
}

export function visibleWorkloads(snapshot: StoreSnapshot): Workload[] {
	const { filter, focus } = snapshot.ui;
	const all = selectWorkloads(snapshot.cluster);
	return focus === 'workloads' || focus === 'rollout' || focus === 'analysis' ? all.filter((w) => matches(filter, w.metadata.name, w.metadata.namespace)) : all;
}

export function selectedWorkload(snapshot: StoreSnapshot): Workload | undefined {
	const list = visibleWorkloads(snapshot);
	return list.find((w) => workloadKey(w) === snapshot.ui.workloadKey) ?? list[0];
}

const SORT_METRIC: Partial<Record<ReplicaSortKey, MetricId>> = { gpuUtil: 'gpuUtil', p99: 'p99', rps: 'rps', errorRate: 'errorRate' };

export function restartsOf(pod: Pod): number {
	return (pod.status?.containerStatuses ?? []).reduce((sum, c) => sum + c.restartCount, 0);
}

/** Pods of the selected workload, filtered (when the replicas pane has focus) and sorted. */
export function visibleReplicas(snapshot: StoreSnapshot, roleOf: (pod: Pod) => string): Pod[] {
	const workload = selectedWorkload(snapshot);
	if (!workload) return [];
	const { filter, focus, replicaSort } = snapshot.ui;
	const pods = selectPods(snapshot.cluster, workload).filter(
		(pod) => focus !== 'replicas' || matches(filter, pod.metadata.name, pod.spec.nodeName, roleOf(pod)),
	);
	const metric = SORT_METRIC[replicaSort];
	if (metric) {
		const value = (pod: Pod) => snapshot.metrics.latest(pod.metadata.namespace ?? '', pod.metadata.name)?.values[metric] ?? -1;
		return pods.sort((a, b) => value(b) - value(a));
	}
	if (replicaSort === 'role') return pods.sort((a, b) => roleOf(a).localeCompare(roleOf(b)) || a.metadata.name.localeCompare(b.metadata.name));
	if (replicaSort === 'restarts') return pods.sort((a, b) => restartsOf(b) - restartsOf(a));
	return pods;
}

/** Nodes, filtered by name, status, GPU model or taint when the Nodes pane has focus. */
export function visibleNodes(snapshot: StoreSnapshot): NodeEntry[] {
	const { filter, focus } = snapshot.ui;
	const all = selectNodes(snapshot.cluster);
	return focus === 'nodes' ? all.filter((n) => matches(filter, n.capacity.name, n.capacity.statusText, n.capacity.gpuProduct, ...n.capacity.taints)) : all;
}

export function selectedNode(snapshot: StoreSnapshot): NodeEntry | undefined {
	const list = visibleNodes(snapshot);
	return list.find((n) => n.capacity.name === snapshot.ui.nodeKey) ?? list[0];
}

/** One row of the events pane: a Kubernetes event or an entry of the console's action log. */
export type EventEntry = { key: string; at: number } & ({ event: KubeEvent } | { log: ActionLogEntry });

/** Events of the selected workload and the action log, newest first, filtered when the pane has focus. */
export function visibleEventEntries(snapshot: StoreSnapshot): EventEntry[] {
	const { filter, focus } = snapshot.ui;
	const events = selectEvents(snapshot.cluster, selectedWorkload(snapshot)).filter(
		(e) => focus !== 'events' || matches(filter, e.reason, e.message, e.involvedObject.name),
	);
	const log = snapshot.log.filter((entry) => focus !== 'events' || matches(filter, entry.summary, entry.message));
	return [
		...log.map((entry, i) => ({ key: `log/${snapshot.log.length - i}`, at: entry.at, log: entry })),
		...events.map((event) => ({ key: `event/${event.metadata.namespace}/${event.metadata.name}`, at: eventTime(event), event })),
	].sort((a, b) => b.at - a.at);
}
