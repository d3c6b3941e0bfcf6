// The Kubernetes Deployment controller's rolling update (maxSurge / maxUnavailable), pause,
// and the status conditions `kubectl rollout status` reads.
import type { Condition, Deployment, ReplicaSet } from '../../domain/k8s';
import { DEPLOYMENT_REVISION_ANNOTATION, revisionOf, templateHashOf } from '../../domain/replica-set';
import { DEFAULT_PROGRESS_DEADLINE_SECONDS } from '../../domain/status';
import type { SimContext } from './context';
import { involvedOf } from './events';
import { setCondition, sumCounts, syncNewReplicaSet } from './owner-sync';
import { podCounts, putIfStatusChanged, revisionOfReplicaSet, scaleReplicaSet } from './replicasets';
import { cachedPodTemplateHash } from './template-hash';

/** An absolute number or a percentage of `replicas` (surge rounds up, unavailability down). */
export function resolveIntOrPercent(value: number | string | undefined, replicas: number, roundUp: boolean): number {
	if (value === undefined) value = '25%';
	if (typeof value === 'number') return value;
	const percent = /^(\d+)%$/.exec(value);
	if (!percent) return Number(value) || 0;
	const exact = (Number(percent[1]) * replicas) / 100;
	return roundUp ? Math.ceil(exact) : Math.floor(exact);
}

function rollingUpdate(ctx: SimContext, d: Deployment, newRS: ReplicaSet, old: ReplicaSet[]): ReplicaSet {
	const replicas = d.spec.replicas ?? 1;
	const rolling = d.spec.strategy?.rollingUpdate;
	const maxSurge = resolveIntOrPercent(rolling?.maxSurge, replicas, true);
	let maxUnavailable = resolveIntOrPercent(rolling?.maxUnavailable, replicas, false);
	if (maxSurge === 0 && maxUnavailable === 0) maxUnavailable = 1;
	const specTotal = (list: ReplicaSet[]) => list.reduce((n, rs) => n + (rs.spec.replicas ?? 0), 0);

	const current = newRS.spec.replicas ?? 0;
	if (current > replicas) newRS = scaleReplicaSet(ctx, d, newRS, replicas);
	else if (current < replicas) {
		const room = replicas + maxSurge - specTotal([newRS, ...old]);
		if (room > 0) newRS = scaleReplicaSet(ctx, d, newRS, Math.min(replicas, current + room));
	}

	// Old pods that are not available go first: they serve nothing.
	const newCounts = podCounts(ctx, newRS);
	const newUnavailable = Math.max(0, (newRS.spec.replicas ?? 0) - newCounts.ready);
	let budget = specTotal([newRS, ...old]) - (replicas - maxUnavailable) - newUnavailable;
	for (const rs of [...old].sort((a, b) => revisionOfReplicaSet(a, d) - revisionOfReplicaSet(b, d))) {
		const size = rs.spec.replicas ?? 0;
		if (size === 0) continue;
		const unhealthy = Math.max(0, size - podCounts(ctx, rs).ready);
		const cut = Math.min(size, Math.max(unhealthy, budget));
		if (cut <= 0) continue;
		scaleReplicaSet(ctx, d, rs, size - cut);
		budget -= cut;
	}
	return newRS;
}

function conditions(ctx: SimContext, d: Deployment, status: NonNullable<Deployment['status']>, newRS: ReplicaSet | undefined, created: boolean): Condition[] {
	const replicas = d.spec.replicas ?? 1;
	const prev = d.status ?? {};
	const maxUnavailable = resolveIntOrPercent(d.spec.strategy?.rollingUpdate?.maxUnavailable, replicas, false);
	let list = d.status?.conditions ?? [];
	list =
		(status.availableReplicas ?? 0) >= replicas - maxUnavailable
			? setCondition(list, ctx.now, 'Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.')
			: setCondition(list, ctx.now, 'Available', 'False', 'MinimumReplicasUnavailable', 'Deployment does not have minimum availability.');
	const name = newRS?.metadata.name ?? d.metadata.name;
	const current = list.find((c) => c.type === 'Progressing');
	if (d.spec.paused) return setCondition(list, ctx.now, 'Progressing', 'Unknown', 'DeploymentPaused', 'Deployment is paused');
	if (current?.reason === 'DeploymentPaused') return setCondition(list, ctx.now, 'Progressing', 'Unknown', 'DeploymentResumed', 'Deployment is resumed');
	const complete =
		(status.updatedReplicas ?? 0) === replicas && (status.availableReplicas ?? 0) === replicas && (status.replicas ?? 0) === replicas;
	if (complete) return setCondition(list, ctx.now, 'Progressing', 'True', 'NewReplicaSetAvailable', `ReplicaSet "${name}" has successfully progressed.`);
	if (created) return setCondition(list, ctx.now, 'Progressing', 'True', 'NewReplicaSetCreated', `Created new replica set "${name}"`, true);
	const progressed =
		status.updatedReplicas !== prev.updatedReplicas ||
		(status.readyReplicas ?? 0) > (prev.readyReplicas ?? 0) ||
		(status.availableReplicas ?? 0) > (prev.availableReplicas ?? 0) ||
		(status.replicas ?? 0) - (status.updatedReplicas ?? 0) < (prev.replicas ?? 0) - (prev.updatedReplicas ?? 0);
	if (progressed || !current || current.reason === 'NewReplicaSetAvailable' || current.reason === 'DeploymentResumed') {
		return setCondition(list, ctx.now, 'Progressing', 'True', 'ReplicaSetUpdated', `ReplicaSet "${name}" is progressing.`, true);
	}
	const deadline = (d.spec.progressDeadlineSeconds ?? DEFAULT_PROGRESS_DEADLINE_SECONDS) * 1000;
	const since = Date.parse(current.lastUpdateTime ?? '') || ctx.now;
	if (current.status === 'True' && ctx.now - since > deadline) {
		const message = `ReplicaSet "${name}" has timed out progressing.`;
		ctx.events.warning(involvedOf(d), 'ProgressDeadlineExceeded', message, { component: 'deployment-controller' });
		return setCondition(list, ctx.now, 'Progressing', 'False', 'ProgressDeadlineExceeded', message);
	}
	return list;
}

export function reconcileDeployment(ctx: SimContext, d: Deployment, existing: ReplicaSet[]): void {
	const replicas = d.spec.replicas ?? 1;
	let newRS: ReplicaSet | undefined;
	let all = existing;
	let created = false;
	let revision = revisionOf(d, DEPLOYMENT_REVISION_ANNOTATION);
	if (d.spec.paused) {
		// A paused Deployment creates no ReplicaSet for a changed template; it only keeps sizes.
		const hash = cachedPodTemplateHash(d.spec.template);
		newRS = existing.find((rs) => templateHashOf(rs, d) === hash);
	} else {
		const synced = syncNewReplicaSet(ctx, d, existing);
		created = !existing.some((rs) => templateHashOf(rs, d) === synced.hash);
		all = synced.all;
		revision = synced.revision;
		const old = all.filter((rs) => rs !== synced.newRS);
		newRS = d.spec.strategy?.type === 'Recreate' && sumCounts(ctx, old).replicas > 0 ? synced.newRS : rollingUpdate(ctx, d, synced.newRS, old);
		if (d.spec.strategy?.type === 'Recreate') for (const rs of old) scaleReplicaSet(ctx, d, rs, 0);
	}
	const total = sumCounts(ctx, all);
	const updated = podCounts(ctx, newRS);
	const status: NonNullable<Deployment['status']> = { observedGeneration: d.metadata.generation ?? 1 };
	// As the API serialises it: zero counts are omitted.
	if (total.replicas) status.replicas = total.replicas;
	if (updated.replicas) status.updatedReplicas = updated.replicas;
	if (total.ready) status.readyReplicas = total.ready;
	if (total.ready) status.availableReplicas = total.ready;
	if (replicas - total.ready > 0) status.unavailableReplicas = Math.max(0, Math.max(replicas, total.replicas) - total.ready);
	status.conditions = conditions(ctx, d, status, newRS, created);
	const annotations = { ...d.metadata.annotations, [DEPLOYMENT_REVISION_ANNOTATION]: String(revision) };
	putIfStatusChanged(ctx, d, { ...d, metadata: { ...d.metadata, annotations }, status });
}
