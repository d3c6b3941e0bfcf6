// The Argo Rollouts canary strategy: step by step (setWeight, pause, pause with duration),
// with traffic-routed weights, abort/retry, full promotion and fast rollback to stable.
import { pauseSeconds } from '../../domain/duration';
import { rfc3339 } from '../../domain/format';
import { refOf, type CanaryStep, type ReplicaSet, type Rollout } from '../../domain/k8s';
import { templateHashOf, type Workload } from '../../domain/replica-set';
import { stepsSetWeight } from '../../domain/rollout-steps';
import type { SimContext } from './context';
import { involvedOf } from './events';
import { scaleDownDeadline, sumCounts, syncNewReplicaSet, withScaleDownDeadline } from './owner-sync';
import { podCounts, scaleReplicaSet } from './replicasets';
import { reconcileRestart } from './rollout-restart';
import { reconcileCanaryAnalysis, refreshPointer, terminatePointed, type CanaryAnalysis } from './rollout-analysis';
import { persistRolloutStatus, type RolloutStatus } from './rollout-status';
import { fnv1a } from './random';

const SOURCE = { component: 'rollouts-controller' };
const DEFAULT_SCALE_DOWN_DELAY_S = 30;
const CANARY_PAUSE = 'CanaryPauseStep';

export function stepString(step: CanaryStep): string {
	if (step.setWeight !== undefined) return `setWeight: ${step.setWeight}`;
	if (step.pause) return step.pause.duration !== undefined ? `pause: ${step.pause.duration}` : 'pause';
	if (step.analysis) return 'analysis';
	if (step.experiment) return 'experiment';
	return 'invalid';
}

function stepHash(steps: CanaryStep[]): string {
	return fnv1a(JSON.stringify(steps)).toString(16).padStart(8, '0');
}

function clearPause(status: RolloutStatus): void {
	delete status.pauseConditions;
	delete status.controllerPause;
}

/** Scales ReplicaSets that are neither current nor stable to zero once their deadline has passed. */
export function scaleDownOthers(ctx: SimContext, owner: Workload, others: ReplicaSet[]): void {
	for (const stale of others) {
		// Re-read: this reconcile may already have annotated it (e.g. a promotion's scale-down deadline).
		const rs = (ctx.store.get(refOf(stale)) as ReplicaSet | undefined) ?? stale;
		if ((rs.spec.replicas ?? 0) === 0) continue;
		const deadline = scaleDownDeadline(rs);
		if (deadline !== undefined && deadline > ctx.now) continue;
		scaleReplicaSet(ctx, owner, withScaleDownDeadline(ctx, rs, undefined), 0);
	}
}

export function reconcileCanary(ctx: SimContext, ro: Rollout, existing: ReplicaSet[]): void {
	const canary = ro.spec.strategy?.canary ?? {};
	const steps = canary.steps ?? [];
	const replicas = ro.spec.replicas ?? 1;
	const trafficRouted = canary.trafficRouting !== undefined;
	const status: RolloutStatus = structuredClone(ro.status ?? {});
	const synced = syncNewReplicaSet(ctx, ro, existing);
	const { hash, revision } = synced;
	const involved = involvedOf(ro);

	status.stableRS ??= hash;
	const currentStepHash = stepHash(steps);
	if (status.currentPodHash !== hash || status.currentStepHash !== currentStepHash) {
		const templateChanged = status.currentPodHash !== undefined && status.currentPodHash !== hash;
		status.currentPodHash = hash;
		status.currentStepHash = currentStepHash;
		status.currentStepIndex = 0;
		clearPause(status);
		delete status.abort;
		delete status.abortedAt;
		delete status.promoteFull;
		if (hash === status.stableRS) {
			status.currentStepIndex = steps.length;
			if (templateChanged) ctx.events.normal(involved, 'SkipSteps', 'Rollback to stable', SOURCE);
		} else if (templateChanged) {
			ctx.events.normal(involved, 'RolloutUpdated', `Rollout updated to revision ${revision}`, SOURCE);
		}
	}

	const isStable = hash === status.stableRS;
	let index = Math.max(0, Math.min(status.currentStepIndex ?? 0, steps.length));
	if (status.promoteFull && !isStable) {
		index = steps.length;
		clearPause(status);
	}
	// Analysis runs while the canary is under way; a Failed or Error run aborts it.
	const previousRuns = status.canary ?? {};
	let analysis: CanaryAnalysis = { stepDone: false, pointers: {} };
	if (!isStable && !status.abort && !status.promoteFull) analysis = reconcileCanaryAnalysis(ctx, ro, status, { hash, revision, index, steps });
	else {
		terminatePointed(ctx, ro, [previousRuns.currentStepAnalysisRunStatus, previousRuns.currentBackgroundAnalysisRunStatus]);
		if (status.abort && !isStable) {
			analysis.pointers = {
				currentStepAnalysisRunStatus: refreshPointer(ctx, ro, previousRuns.currentStepAnalysisRunStatus),
				currentBackgroundAnalysisRunStatus: refreshPointer(ctx, ro, previousRuns.currentBackgroundAnalysisRunStatus),
			};
		}
	}
	if (analysis.abort) status.abort = true;
	const aborted = status.abort === true && !isStable;
	if (aborted) {
		if (!status.abortedAt) {
			status.abortedAt = rfc3339(ctx.now);
			ctx.events.warning(involved, 'RolloutAborted', analysis.abort ?? `Rollout aborted update to revision ${revision}`, SOURCE);
		}
		index = 0;
		clearPause(status);
	} else if (status.abortedAt) {
		delete status.abortedAt;
		ctx.events.normal(involved, 'RolloutRetry', 'Retrying Rollout after abort', SOURCE);
	}

	// Replica counts: with traffic routing the stable side stays fully scaled while the canary grows.
	const stableRS = synced.all.find((rs) => templateHashOf(rs, ro) === status.stableRS);
	const setWeight = aborted ? 0 : stepsSetWeight(steps, index);
	const canaryTarget = isStable ? replicas : Math.min(replicas, Math.ceil((setWeight * replicas) / 100));
	let newRS = synced.newRS;
	if (aborted) {
		const since = Date.parse(status.abortedAt as string);
		if (ctx.now - since >= DEFAULT_SCALE_DOWN_DELAY_S * 1000) newRS = scaleReplicaSet(ctx, ro, newRS, 0);
	} else newRS = scaleReplicaSet(ctx, ro, newRS, canaryTarget);
	if (stableRS && !isStable) {
		const stableTarget = trafficRouted || aborted ? replicas : Math.max(0, replicas - canaryTarget);
		scaleReplicaSet(ctx, ro, withScaleDownDeadline(ctx, stableRS, undefined), stableTarget);
	}
	const others = synced.all.filter((rs) => rs !== synced.newRS && templateHashOf(rs, ro) !== status.stableRS);
	scaleDownOthers(ctx, ro, others);

	const canaryReady = podCounts(ctx, newRS).ready;
	const atDesired = !aborted && (newRS.spec.replicas ?? 0) === canaryTarget && canaryReady >= canaryTarget;

	// Steps advance one per reconcile, never while paused or aborted.
	if (!aborted && !isStable && !ro.spec.paused && index < steps.length) {
		const step = steps[index];
		let completed = false;
		if (step.setWeight !== undefined) completed = atDesired;
		else if (step.pause) {
			const condition = status.pauseConditions?.find((c) => c.reason === CANARY_PAUSE);
			const duration = step.pause.duration === undefined ? undefined : pauseSeconds(step.pause.duration);
			if (!condition) {
				if (!status.controllerPause) {
					status.pauseConditions = [...(status.pauseConditions ?? []), { reason: CANARY_PAUSE, startTime: rfc3339(ctx.now) }];
					status.controllerPause = true;
					ctx.events.normal(involved, 'RolloutPaused', `Rollout is paused (${CANARY_PAUSE})`, SOURCE);
				} else {
					completed = true;
					ctx.events.normal(involved, 'RolloutResumed', 'Rollout is resumed', SOURCE);
				}
			} else if (duration !== undefined && ctx.now >= Date.parse(condition.startTime ?? '') + duration * 1000) completed = true;
		} else if (step.analysis) completed = analysis.stepDone;
		else completed = true;
		if (completed) {
			index++;
			clearPause(status);
			ctx.events.normal(involved, 'RolloutStepCompleted', `Rollout step ${index}/${steps.length} completed (${stepString(step)})`, SOURCE);
		}
	}

	// All steps done and the canary fully available: it becomes the stable version.
	if (!aborted && !isStable && index >= steps.length && canaryReady >= replicas) {
		const delay = (canary.scaleDownDelaySeconds as number | undefined) ?? DEFAULT_SCALE_DOWN_DELAY_S;
		if (stableRS) withScaleDownDeadline(ctx, stableRS, ctx.now + delay * 1000);
		status.stableRS = hash;
		delete status.promoteFull;
		ctx.events.normal(
			involved,
			'RolloutCompleted',
			`Rollout completed update to revision ${revision} (${hash}): Completed all ${steps.length} canary steps`,
			SOURCE,
		);
	}

	const nowStable = status.stableRS === hash;
	if (nowStable) delete status.promoteFull;
	status.currentStepIndex = index;
	if (!steps.length) delete status.currentStepIndex;
	if (trafficRouted) {
		const weight = nowStable || aborted ? 0 : atDesired ? setWeight : stepsSetWeight(steps, index - 1);
		const canarySide = { podTemplateHash: hash, serviceName: canary.canaryService, weight };
		const stableSide = { podTemplateHash: status.stableRS, serviceName: canary.stableService, weight: 100 - weight };
		status.canary = { ...analysis.pointers, weights: { canary: canarySide, stable: stableSide } };
	} else status.canary = { ...analysis.pointers };
	status.blueGreen = {};

	reconcileRestart(ctx, ro, status, synced.all);
	const total = sumCounts(ctx, synced.all);
	const updated = podCounts(ctx, newRS);
	persistRolloutStatus(ctx, ro, status, { total, updated, available: total.ready }, newRS.metadata.name, revision, analysis.abort);
}
