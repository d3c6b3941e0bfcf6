// One status shape for Rollouts and Deployments, cached per object version, so rows, the rollout
// pane and key availability all read the same computed status.
import { deploymentStatus, type DeploymentStatus } from '../domain/deployment';
import type { ReplicaSet } from '../domain/k8s';
import type { Workload } from '../domain/replica-set';
import { rolloutStatus, type RolloutStatus } from '../domain/rollout';
import type { ColorToken } from '../theme/theme';
import type { Phase } from '../domain/status';

export type WorkloadStatus = (RolloutStatus | DeploymentStatus) & { kind: Workload['kind'] };

export function workloadStatus(workload: Workload, replicaSets: ReplicaSet[], now: number): WorkloadStatus {
	return workload.kind === 'Rollout'
		? { ...rolloutStatus(workload, replicaSets, now), kind: 'Rollout' }
		: { ...deploymentStatus(workload, now, replicaSets), kind: 'Deployment' };
}

export const PHASE_TONES: Record<Phase, ColorToken> = {
	Healthy: 'ok',
	Progressing: 'accent',
	Paused: 'warn',
	Degraded: 'error',
	ScaledDown: 'muted',
};
