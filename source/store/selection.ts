// Selections are kept by identity, so rows that appear later above them do not move them. The first
// workload selection goes to the one that most needs attention (a degraded or paused release before
// quiet ones); when the selected row is gone, the first visible row becomes the selection.
import { podRole } from '../domain/pod';
import { mostUrgent, workloadStatus } from '../domain/workload-status';
import type { Workload } from '../domain/replica-set';
import type { Pod } from '../domain/k8s';
import { podKey } from '../domain/metrics';
import { selectedWorkload, visibleReplicas, visibleWorkloads } from './lists';
import { selectReplicaSets, workloadKey } from './selectors';
import type { StoreSnapshot } from './store';
import type { UiState } from './ui-state';

const keyOfPod = (pod: Pod): string => podKey(pod.metadata.namespace ?? '', pod.metadata.name);

/** The role resolver of the selected workload's pods (canary, stable, …). */
export function selectedRoleOf(snapshot: StoreSnapshot): (pod: Pod) => string {
	const workload = selectedWorkload(snapshot);
	const replicaSets = workload ? selectReplicaSets(snapshot.cluster, workload) : [];
	return (pod) => (workload ? podRole(pod, workload, replicaSets) : '');
}

/** The workload to select when the operator has not chosen one yet. */
function initialWorkload(snapshot: StoreSnapshot, workloads: Workload[]): Workload {
	const { cluster } = snapshot;
	return workloads[mostUrgent(workloads, (w) => workloadStatus(w, selectReplicaSets(cluster, w), cluster.now).phase)];
}

/** The UI change that pins the shown selection, or null when it is pinned already. */
export function pinSelection(snapshot: StoreSnapshot): Partial<UiState> | null {
	const { ui } = snapshot;
	const change: Partial<UiState> = {};
	const workloads = visibleWorkloads(snapshot);
	if (workloads.length > 0 && !workloads.some((w) => workloadKey(w) === ui.workloadKey)) {
		change.workloadKey = workloadKey(ui.workloadKey === undefined ? initialWorkload(snapshot, workloads) : workloads[0]);
	}
	if (ui.focus === 'replicas') {
		const pinned = { ...snapshot, ui: { ...ui, ...change } };
		const replicas = visibleReplicas(pinned, selectedRoleOf(pinned));
		if (replicas.length > 0 && !replicas.some((p) => keyOfPod(p) === ui.replicaKey)) change.replicaKey = keyOfPod(replicas[0]);
	}
	return Object.keys(change).length ? change : null;
}
