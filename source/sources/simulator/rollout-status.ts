// The Rollout status fields the Argo controller writes after each reconcile: counts, conditions,
// phase and message (following argo-rollouts' conditions and rolloututil packages).
import type { Condition, Rollout } from '../../domain/k8s';
import { ROLLOUT_HASH_LABEL, ROLLOUT_REVISION_ANNOTATION } from '../../domain/replica-set';
import { calculateRolloutPhase } from '../../domain/rollout-phase';
import { DEFAULT_PROGRESS_DEADLINE_SECONDS } from '../../domain/status';
import type { SimContext } from './context';
import { involvedOf } from './events';
import { setCondition } from './owner-sync';
import { putIfStatusChanged, type PodCounts } from './replicasets';
import { INVALID_SPEC } from './rollout-references';

export type RolloutStatus = NonNullable<Rollout['status']>;

export interface RolloutCounts {
	/** All non-terminating pods. */
	total: PodCounts;
	/** Pods of the current template. */
	updated: PodCounts;
	/** What counts as available (blue-green: the active side only). */
	available: number;
}

function selectorString(ro: Rollout, hash?: string): string {
	const labels = { ...ro.spec.selector?.matchLabels, ...(hash ? { [ROLLOUT_HASH_LABEL]: hash } : {}) };
	return Object.entries(labels)
		.map(([k, v]) => `${k}=${v}`)
		.join(',');
}

function progressed(prev: RolloutStatus, next: RolloutStatus): boolean {
	const oldStale = (prev.replicas ?? 0) - (prev.updatedReplicas ?? 0);
	const newStale = (next.replicas ?? 0) - (next.updatedReplicas ?? 0);
	return (
		next.updatedReplicas !== prev.updatedReplicas ||
		newStale < oldStale ||
		(next.readyReplicas ?? 0) > (prev.readyReplicas ?? 0) ||
		(next.availableReplicas ?? 0) > (prev.availableReplicas ?? 0) ||
		next.stableRS !== prev.stableRS ||
		next.currentStepIndex !== prev.currentStepIndex ||
		next.blueGreen?.activeSelector !== prev.blueGreen?.activeSelector ||
		next.blueGreen?.previewSelector !== prev.blueGreen?.previewSelector
	);
}

function isHealthy(ro: Rollout, status: RolloutStatus, replicas: number): boolean {
	let completed = status.stableRS === status.currentPodHash;
	if (ro.spec.strategy?.blueGreen) completed &&= status.blueGreen?.activeSelector === status.currentPodHash;
	if (ro.spec.strategy?.canary) {
		const steps = ro.spec.strategy.canary.steps?.length ?? 0;
		completed &&= (steps === 0 || status.currentStepIndex === steps) && status.replicas === replicas;
	}
	return completed && status.updatedReplicas === replicas && status.availableReplicas === replicas;
}

function progressingCondition(
	ctx: SimContext,
	ro: Rollout,
	prev: RolloutStatus,
	next: RolloutStatus,
	conditions: Condition[],
	newRSName: string,
	revision: number,
	replicas: number,
	abortMessage?: string,
): Condition[] {
	const now = ctx.now;
	const current = conditions.find((c) => c.type === 'Progressing');
	const paused = ro.spec.paused === true || (next.pauseConditions?.length ?? 0) > 0;
	if (next.abort && next.stableRS !== next.currentPodHash) {
		// The first message stays: conditions are replaced only when their status or reason changes.
		return setCondition(conditions, now, 'Progressing', 'False', 'RolloutAborted', abortMessage ?? `Rollout aborted update to revision ${revision}`);
	}
	if (paused) return setCondition(conditions, now, 'Progressing', 'Unknown', 'RolloutPaused', 'Rollout is paused');
	if (isHealthy(ro, next, replicas)) {
		return setCondition(conditions, now, 'Progressing', 'True', 'NewReplicaSetAvailable', `ReplicaSet "${newRSName}" has successfully progressed.`);
	}
	if (current?.reason === 'RolloutAborted') return setCondition(conditions, now, 'Progressing', 'True', 'RolloutRetry', 'Retrying Rollout after abort', true);
	if (current?.reason === 'RolloutPaused') return setCondition(conditions, now, 'Progressing', 'True', 'RolloutResumed', 'Rollout is resumed', true);
	if (progressed(prev, next) || !current || current.reason === 'NewReplicaSetAvailable') {
		return setCondition(conditions, now, 'Progressing', 'True', 'ReplicaSetUpdated', `ReplicaSet "${newRSName}" is progressing.`, true);
	}
	const deadline = ((ro.spec.progressDeadlineSeconds as number | undefined) ?? DEFAULT_PROGRESS_DEADLINE_SECONDS) * 1000;
	const since = Date.parse(current.lastUpdateTime ?? current.lastTransitionTime ?? '') || now;
	if (current.status === 'True' && now - since > deadline) {
		const message = `ReplicaSet "${newRSName}" has timed out progressing.`;
		ctx.events.warning(involvedOf(ro), 'RolloutTimedOut', message, { component: 'rollouts-controller' });
		return setCondition(conditions, now, 'Progressing', 'False', 'ProgressDeadlineExceeded', message);
	}
	return conditions;
}

/** Fills in counts, conditions and phase, and writes the Rollout if anything changed. */
export function persistRolloutStatus(
	ctx: SimContext,
	ro: Rollout,
	next: RolloutStatus,
	counts: RolloutCounts,
	newRSName: string,
	revision: number,
	abortMessage?: string,
): void {
	const prev = ro.status ?? {};
	const replicas = ro.spec.replicas ?? 1;
	next.replicas = counts.total.replicas;
	next.HPAReplicas = counts.total.replicas;
	next.updatedReplicas = counts.updated.replicas;
	next.readyReplicas = counts.total.ready;
	next.availableReplicas = counts.available;
	next.observedGeneration = String(ro.metadata.generation ?? 1);
	next.selector = selectorString(ro, ro.spec.strategy?.blueGreen ? next.blueGreen?.activeSelector : undefined);
	// A valid reconcile clears an earlier InvalidSpec.
	let conditions = (next.conditions ?? []).filter((c) => c.type !== INVALID_SPEC);
	conditions = progressingCondition(ctx, ro, prev, next, conditions, newRSName, revision, replicas, abortMessage);
	conditions =
		counts.available >= replicas
			? setCondition(conditions, ctx.now, 'Available', 'True', 'AvailableReason', 'Rollout has minimum availability')
			: setCondition(conditions, ctx.now, 'Available', 'False', 'AvailableReason', 'Rollout does not have minimum availability');
	const paused = ro.spec.paused === true || (next.pauseConditions?.length ?? 0) > 0;
	if (paused) conditions = setCondition(conditions, ctx.now, 'Paused', 'True', 'RolloutPaused', 'Rollout is paused');
	else if (conditions.some((c) => c.type === 'Paused')) {
		conditions = setCondition(conditions, ctx.now, 'Paused', 'False', 'RolloutResumed', 'Rollout is resumed');
	}
	const completed = next.stableRS === next.currentPodHash;
	conditions = completed
		? setCondition(conditions, ctx.now, 'Completed', 'True', 'RolloutCompleted', 'Rollout completed update to revision ' + revision + ` (${next.currentPodHash}): Rollout is healthy`)
		: setCondition(conditions, ctx.now, 'Completed', 'False', 'RolloutNotCompleted', `Rollout not completed, started update to revision ${revision} (${next.currentPodHash})`);
	conditions = isHealthy(ro, next, replicas)
		? setCondition(conditions, ctx.now, 'Healthy', 'True', 'RolloutHealthy', 'Rollout is healthy')
		: setCondition(conditions, ctx.now, 'Healthy', 'False', 'RolloutHealthy', 'Rollout is not healthy');
	next.conditions = conditions;
	// The controller publishes the phase the plugin would otherwise calculate from these fields.
	const { phase, message } = calculateRolloutPhase({ ...ro, status: next });
	next.phase = phase;
	next.message = message || undefined;
	if (!next.message) delete next.message;
	const annotations = { ...ro.metadata.annotations, [ROLLOUT_REVISION_ANNOTATION]: String(revision) };
	putIfStatusChanged(ctx, ro, { ...ro, metadata: { ...ro.metadata, annotations }, status: next });
}
