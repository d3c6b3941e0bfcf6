// A Deployment's status as `kubectl rollout status` judges it, mapped onto the console's phases.
import type { Deployment, ReplicaSet } from './k8s';
import { formatAge, parseTime } from './format';
import { DEPLOYMENT_REVISION_ANNOTATION, replicaSetInfos, revisionOf, type ReplicaSetInfo } from './replica-set';
import { health, replicaCounts, type ReplicaCounts, type WorkloadHealth } from './status';

export type DeploymentStrategy = 'rolling' | 'recreate';

export interface DeploymentStatus extends WorkloadHealth {
	strategy: DeploymentStrategy;
	paused: boolean;
	replicas: ReplicaCounts;
	revision?: number;
	images: string[];
	replicaSets: ReplicaSetInfo[];
	age?: string;
}

/**
 * kubectl's DeploymentStatusViewer, in its order: unobserved spec, progress deadline, updated <
 * desired, old replicas pending termination, available < updated. A paused Deployment never
 * finishes, so it reads as Paused rather than waiting forever.
 */
export function deploymentPhase(d: Deployment): WorkloadHealth {
	const status = d.status ?? {};
	if ((d.metadata.generation ?? 0) > (status.observedGeneration ?? 0)) {
		return health('Progressing', 'Waiting for deployment spec update to be observed...');
	}
	const progressing = status.conditions?.find((c) => c.type === 'Progressing');
	if (progressing?.reason === 'ProgressDeadlineExceeded') {
		return health('Degraded', `deployment "${d.metadata.name}" exceeded its progress deadline`);
	}
	if (d.spec.paused) return health('Paused', 'deployment is paused');
	const desired = d.spec.replicas ?? 1;
	const updated = status.updatedReplicas ?? 0;
	const current = status.replicas ?? 0;
	const available = status.availableReplicas ?? 0;
	if (updated < desired) {
		return health('Progressing', `Waiting for rollout to finish: ${updated} out of ${desired} new replicas have been updated...`);
	}
	if (current > updated) {
		return health('Progressing', `Waiting for rollout to finish: ${current - updated} old replicas are pending termination...`);
	}
	if (available < updated) {
		return health('Progressing', `Waiting for rollout to finish: ${available} of ${updated} updated replicas are available...`);
	}
	return health('Healthy', 'successfully rolled out');
}

/** `replicaSets` may hold any ReplicaSets; only those the Deployment owns are listed. */
export function deploymentStatus(d: Deployment, now: number, replicaSets: ReplicaSet[] = []): DeploymentStatus {
	const status = d.status ?? {};
	const revision = revisionOf(d, DEPLOYMENT_REVISION_ANNOTATION);
	const created = parseTime(d.metadata.creationTimestamp);
	return {
		...deploymentPhase(d),
		strategy: d.spec.strategy?.type === 'Recreate' ? 'recreate' : 'rolling',
		paused: Boolean(d.spec.paused),
		replicas: replicaCounts(d.spec.replicas, status),
		...(revision > 0 ? { revision } : {}),
		images: (d.spec.template?.spec?.containers ?? []).flatMap((c) => (c.image ? [c.image] : [])),
		replicaSets: replicaSetInfos(d, replicaSets),
		...(created !== undefined ? { age: formatAge(now - created) } : {}),
	};
}
