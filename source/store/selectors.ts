// Derived views of the cluster state, cached by the per-kind versions so a frame costs O(visible);
// objects by owner come from the cluster state's own index, kept up to date as events arrive.
import type { AnalysisRun, KubeEvent, Kind, Pod, ReplicaSet, Rollout } from '../domain/k8s';
import { analysisRunInfo, compactAnalysis, runsOfRollout } from '../domain/analysis-info';
import type { Workload } from '../domain/replica-set';
import { controllerOf, keyOf } from '../domain/k8s';
import { isUnscheduled, pendingReplicas, type PendingReplicas } from '../domain/scheduling';
import { getObject, objectsOf, ownedObjects, type ClusterState } from './cluster-state';


export function cached<T>(kinds: Kind[], compute: (state: ClusterState) => T): (state: ClusterState) => T {
	let lastState: ClusterState | undefined;
	let lastVersions = '';
	let value: T;
	return (state) => {
		const versions = kinds.map((kind) => state.versions.get(kind)).join(',');
		if (state !== lastState || versions !== lastVersions) {
			value = compute(state);
			lastState = state;
			lastVersions = versions;
		}
		return value;
	};
}

function byNamespaceAndName(a: { metadata: { namespace?: string; name: string } }, b: typeof a): number {
	return (a.metadata.namespace ?? '').localeCompare(b.metadata.namespace ?? '') || a.metadata.name.localeCompare(b.metadata.name);
}

/** Rollouts and Deployments, except Deployments that a Rollout manages through workloadRef. */
export const selectWorkloads = cached(['Rollout', 'Deployment'], (state): Workload[] => {
	const rollouts = objectsOf(state, 'Rollout');
	const referenced = new Set(
		rollouts.map((ro) => {
			const ref = (ro.spec as { workloadRef?: { name?: string } }).workloadRef;
			return ref?.name ? `${ro.metadata.namespace}/${ref.name}` : '';
		}),
	);
	const deployments = objectsOf(state, 'Deployment').filter((d) => !referenced.has(`${d.metadata.namespace}/${d.metadata.name}`));
	return [...rollouts, ...deployments].sort(byNamespaceAndName);
});

/** The AnalysisRuns a Rollout owns (by uid when both carry one, as the plugin lists them). */
export function selectAnalysisRuns(state: ClusterState, rollout: Rollout): AnalysisRun[] {
	return runsOfRollout(rollout, ownedObjects(state, 'AnalysisRun', 'Rollout', rollout.metadata.namespace, rollout.metadata.name));
}

/** The workloads list's compact analysis column per Rollout key, rebuilt only when runs or Rollouts change. */
export const selectAnalysisColumn = cached(['AnalysisRun', 'Rollout'], (state): Map<string, string> => {
	const column = new Map<string, string>();
	for (const ro of objectsOf(state, 'Rollout')) {
		const runs = selectAnalysisRuns(state, ro);
		if (runs.length) column.set(keyOf(ro), compactAnalysis(runs.map(analysisRunInfo)));
	}
	return column;
});

export function selectReplicaSets(state: ClusterState, workload: Workload): ReplicaSet[] {
	return ownedObjects(state, 'ReplicaSet', workload.kind, workload.metadata.namespace, workload.metadata.name);
}

export function selectPods(state: ClusterState, workload: Workload): Pod[] {
	return selectReplicaSets(state, workload)
		.flatMap((rs) => ownedObjects(state, 'Pod', 'ReplicaSet', rs.metadata.namespace, rs.metadata.name))
		.sort(byNamespaceAndName);
}

const eventsByObject = cached(['Event'], (state) => {
	const index = new Map<string, KubeEvent[]>();
	const all = objectsOf(state, 'Event').sort((a, b) => eventTime(b) - eventTime(a));
	for (const event of all) {
		const involved = event.involvedObject;
		const key = `${involved.kind}/${involved.namespace ?? event.metadata.namespace ?? ''}/${involved.name}`;
		const list = index.get(key);
		if (list) list.push(event);
		else index.set(key, [event]);
	}
	return { index, all };
});

export function eventTime(event: KubeEvent): number {
	const stamp = event.lastTimestamp ?? event.eventTime ?? event.firstTimestamp ?? event.metadata.creationTimestamp;
	return stamp ? Date.parse(stamp) : 0;
}

/** Events about the workload, its ReplicaSets and their pods, newest first; all events without one. */
export function selectEvents(state: ClusterState, workload: Workload | undefined): KubeEvent[] {
	const { index, all } = eventsByObject(state);
	if (!workload) return all;
	const keys = [keyOf(workload), ...selectReplicaSets(state, workload).map(keyOf), ...selectPods(state, workload).map(keyOf)];
	return keys.flatMap((key) => index.get(key) ?? []).sort((a, b) => eventTime(b) - eventTime(a));
}

/** Unscheduled pods by their workload's key, recomputed only when pods, events or owners change. */
const pendingIndex = cached(['Pod', 'Event', 'ReplicaSet', 'Rollout', 'Deployment'], (state) => {
	const { index } = eventsByObject(state);
	const byWorkload = new Map<string, Pod[]>();
	for (const pod of objectsOf(state, 'Pod')) {
		if (!isUnscheduled(pod)) continue;
		const workload = selectWorkloadOfPod(state, pod.metadata.namespace ?? '', pod.metadata.name);
		if (!workload) continue;
		const key = keyOf(workload);
		byWorkload.set(key, [...(byWorkload.get(key) ?? []), pod]);
	}
	return new Map([...byWorkload].map(([key, pods]) => [key, pendingReplicas(pods, (pod) => index.get(keyOf(pod)) ?? [], eventTime)]));
});

/** The workload's replicas the scheduler has not placed, and its reason from FailedScheduling events. */
export function selectPendingReplicas(state: ClusterState, workload: Workload): PendingReplicas {
	return pendingIndex(state).get(keyOf(workload)) ?? { count: 0 };
}

export function workloadKey(workload: Workload): string {
	return keyOf(workload);
}

/** The Rollout or Deployment a pod belongs to (pod → ReplicaSet → owner). */
export function selectWorkloadOfPod(state: ClusterState, namespace: string, pod: string): Workload | undefined {
	const podObject = getObject(state, 'Pod', namespace, pod);
	const rsName = podObject && controllerOf(podObject)?.name;
	const rs = rsName ? getObject(state, 'ReplicaSet', namespace, rsName) : undefined;
	const owner = rs && controllerOf(rs);
	if (!owner || (owner.kind !== 'Rollout' && owner.kind !== 'Deployment')) return undefined;
	return getObject(state, owner.kind, namespace, owner.name);
}

/** Events about one pod, oldest first (as `kubectl describe` lists them). */
export function selectPodEvents(state: ClusterState, namespace: string, name: string): KubeEvent[] {
	return [...(eventsByObject(state).index.get(`Pod/${namespace}/${name}`) ?? [])].reverse();
}
