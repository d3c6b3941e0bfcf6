// What the console wants from its sources, derived from state: permission answers for the selected
// workload's actions and logs, the history of the charted metric. The sources' services answer these
// demands and the answers come back into the store; the UI never calls a source.
import type { HistoryDemand } from '../domain/metrics';
import { ACTION_KINDS, logsPermission, NODE_PATCH_PERMISSION, permissionFor, type PermissionQuestion } from '../domain/permission';
import { selectedWorkload } from './lists';
import { selectPods, workloadKey } from './selectors';
import type { StoreSnapshot } from './store';

/** The questions whose answers decide which of the selected workload's keys (actions, logs) are allowed. */
export function selectPermissionQuestions(snapshot: StoreSnapshot): PermissionQuestion[] {
	// In the Nodes view the keys that act are cordon and uncordon.
	if (snapshot.ui.view === 'nodes') return [NODE_PATCH_PERMISSION];
	const workload = selectedWorkload(snapshot);
	if (!workload) return [];
	const questions = new Map<string, PermissionQuestion>();
	for (const kind of ACTION_KINDS) {
		const question = permissionFor(kind, workload);
		questions.set(question.key, question);
	}
	const logs = logsPermission(workload.metadata.namespace);
	questions.set(logs.key, logs);
	return [...questions.values()];
}

/** The chart's history the console wants: the charted metric for the selected workload's replicas. */
export function selectHistoryDemand(snapshot: StoreSnapshot): HistoryDemand | undefined {
	const workload = selectedWorkload(snapshot);
	if (!workload) return undefined;
	const metric = snapshot.ui.chartMetric;
	const pods = () => selectPods(snapshot.cluster, workload).map((p) => ({ namespace: p.metadata.namespace ?? '', pod: p.metadata.name }));
	return { key: `${workloadKey(workload)}|${metric}`, pods, metric, now: snapshot.cluster.now };
}

export { selectLogDemand } from './log-demand';
