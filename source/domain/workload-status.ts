// One status shape for Rollouts and Deployments, so rows, the rollout pane, key availability and
// the initial selection all read the same computed status.
import { deploymentStatus, type DeploymentStatus } from './deployment';
import type { ReplicaSet } from './k8s';
import type { Workload } from './replica-set';
import { rolloutStatus, type RolloutStatus } from './rollout';
import type { Phase } from './status';

export type WorkloadStatus = (RolloutStatus | DeploymentStatus) & { kind: Workload['kind'] };

export function workloadStatus(workload: Workload, replicaSets: ReplicaSet[], now: number): WorkloadStatus {
	return workload.kind === 'Rollout'
		? { ...rolloutStatus(workload, replicaSets, now), kind: 'Rollout' }
		: { ...deploymentStatus(workload, now, replicaSets), kind: 'Deployment' };
}

/**
 * How urgently a phase wants the operator's eyes, most urgent first: a degraded release, then one
 * paused waiting for a promotion, then one in progress, then the quiet ones.
 */
const ATTENTION: readonly Phase[] = ['Degraded', 'Paused', 'Progressing', 'Healthy', 'ScaledDown'];

export function attentionRank(phase: Phase): number {
	return ATTENTION.indexOf(phase);
}

/** The index of the item that most needs attention; the first of equals wins (display order). */
export function mostUrgent<T>(items: readonly T[], phaseOf: (item: T) => Phase): number {
	let best = -1;
	let bestRank = Infinity;
	items.forEach((item, i) => {
		const rank = attentionRank(phaseOf(item));
		if (rank < bestRank) [best, bestRank] = [i, rank];
	});
	return best;
}
