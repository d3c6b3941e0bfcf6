// `spec.restartAt`: the Argo pod restarter replaces every pod created before that instant, one
// at a time, waiting for each replacement to become ready before evicting the next.
import type { ReplicaSet, Rollout } from '../../domain/k8s';
import type { PodRuntime, SimContext } from './context';
import { terminate } from './kubelet';
import type { RolloutStatus } from './rollout-status';

export function reconcileRestart(ctx: SimContext, ro: Rollout, status: RolloutStatus, all: ReplicaSet[]): void {
	const restartAt = ro.spec.restartAt;
	if (!restartAt || status.restartedAt === restartAt) return;
	const at = Date.parse(restartAt);
	if (Number.isNaN(at) || at > ctx.now) return;
	const pods: PodRuntime[] = [];
	for (const rs of all) for (const pod of ctx.podsOf(rs.metadata.namespace, rs.metadata.name)) if (pod.stage !== 'Terminating') pods.push(pod);
	const stale = pods.filter((p) => p.createdAt < at).sort((a, b) => a.createdAt - b.createdAt);
	if (!stale.length) {
		status.restartedAt = restartAt;
		return;
	}
	const replacementPending = pods.some((p) => p.createdAt >= at && p.stage !== 'Ready');
	if (!replacementPending) terminate(ctx, stale[0]);
}
