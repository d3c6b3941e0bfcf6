// Argo Rollout actions → the exact PATCHes `kubectl argo rollouts` sends (DESIGN §5).
import type { Action, PatchRequest, PlanResult } from './action';
import { refOf, type ReplicaSet, type Rollout } from './k8s';
import { describeTarget, mainPatch, plan, planScale, refuse, undoDetail } from './action-common';
import { rfc3339 } from './format';
import { canarySteps, currentStepIndex, isFullyPromoted, nextStepIndex, setWeightAt, strategyOf } from './rollout-steps';
import { PROMOTE_RESUMES } from './rollout-waiting';
import { undoTarget } from './undo';

const UNPAUSE = { paused: false };

/** Status first; on 404 (no status subresource, v0.9 CRDs) the combined body goes to the main object. */
function statusPatch(ro: Rollout, status: Record<string, unknown>, spec?: Record<string, unknown>): PatchRequest {
	return {
		target: refOf(ro),
		subresource: 'status',
		patchType: 'merge',
		body: { status },
		fallbackBody: spec ? { spec, status } : { status },
	};
}

function isInconclusive(ro: Rollout): boolean {
	return (
		Boolean(ro.spec.strategy?.canary) &&
		ro.status?.canary?.currentStepAnalysisRunStatus?.status === 'Inconclusive' &&
		(ro.status?.pauseConditions ?? []).length > 0 &&
		Boolean(ro.status?.controllerPause)
	);
}

/** What promote will do, in the words of the confirmation line. */
function promoteSummary(ro: Rollout): string {
	const index = currentStepIndex(ro);
	const next = nextStepIndex(ro);
	if (strategyOf(ro) === 'canary' && index !== undefined && next !== undefined) {
		const count = canarySteps(ro).length;
		return `${describeTarget(ro)}: step ${index}/${count} → ${next}/${count} (setWeight ${setWeightAt(ro, next)})`;
	}
	if (strategyOf(ro) === 'blueGreen' && (ro.status?.pauseConditions ?? []).length > 0) {
		const preview = ro.status?.blueGreen?.previewSelector ?? ro.status?.currentPodHash;
		return `${describeTarget(ro)}: switch active service to preview${preview ? ` ${preview}` : ''}`;
	}
	return `${describeTarget(ro)}: resume (clear spec.paused)`;
}

/** plugin promote.getPatches, default branch: clear pauses, or step on when none is set. */
function planPromote(action: Action, ro: Rollout): PlanResult {
	const status = ro.status ?? {};
	const paused = Boolean(ro.spec.paused);
	const hasPauseConditions = (status.pauseConditions ?? []).length > 0;
	if (status.abort) return refuse('aborted: retry or undo it first');
	if (!paused && !hasPauseConditions && isFullyPromoted(ro)) return refuse('nothing to promote: already fully promoted');
	const next = nextStepIndex(ro);
	let statusBody: Record<string, unknown> | undefined;
	if (isInconclusive(ro) && next !== undefined) {
		statusBody = { pauseConditions: null, controllerPause: false, currentStepIndex: next };
	} else if (hasPauseConditions) {
		statusBody = { pauseConditions: null };
	} else if (strategyOf(ro) === 'canary' && next !== undefined) {
		statusBody = { pauseConditions: null, currentStepIndex: next };
	}
	if (!statusBody && !paused) return refuse('nothing to promote: not paused (promote full skips the rest)');
	const requests: PatchRequest[] = [];
	if (statusBody) requests.push(statusPatch(ro, statusBody, UNPAUSE));
	if (paused) requests.push(mainPatch(ro, 'merge', { spec: UNPAUSE }));
	return plan(action, requests, `promote ${promoteSummary(ro)}`, false);
}

function planPromoteFull(action: Action, ro: Rollout): PlanResult {
	if (isFullyPromoted(ro)) return refuse('already fully promoted');
	const paused = Boolean(ro.spec.paused);
	const requests = [statusPatch(ro, { promoteFull: true }, paused ? UNPAUSE : undefined)];
	if (paused) requests.push(mainPatch(ro, 'merge', { spec: UNPAUSE }));
	const summary = `fully promote ${describeTarget(ro)}: skip remaining steps, pauses and analysis → 100% ${ro.status?.currentPodHash ?? 'new revision'}`;
	return plan(action, requests, summary, true);
}

function planUndo(action: Action, ro: Rollout, replicaSets: ReplicaSet[]): PlanResult {
	// The plugin patches the referenced workload instead; rolltop only rolls back inline templates.
	if (ro.spec.workloadRef) return refuse('undo of a Rollout with workloadRef: roll back the referenced workload instead');
	const target = undoTarget(ro, replicaSets, action.toRevision);
	if (!target.ok) return refuse(target.reason);
	const request = mainPatch(ro, 'json', [{ op: 'replace', path: '/spec/template', value: target.template }]);
	const summary = `undo ${describeTarget(ro)}: roll back to revision ${target.revision}${undoDetail(ro.spec.template, target.template)}`;
	return plan(action, [request], summary, true);
}

export function planRolloutAction(action: Action, ro: Rollout, replicaSets: ReplicaSet[], now: number): PlanResult {
	const status = ro.status ?? {};
	const paused = Boolean(ro.spec.paused) || (status.pauseConditions ?? []).length > 0;
	switch (action.kind) {
		case 'promote':
			return planPromote(action, ro);
		case 'promoteFull':
			return planPromoteFull(action, ro);
		case 'pause':
			if (ro.spec.paused) return refuse('already paused');
			return plan(action, [mainPatch(ro, 'merge', { spec: { paused: true } })], `pause ${describeTarget(ro)} (spec.paused=true)`, false);
		case 'resume':
			return paused ? refuse('paused', PROMOTE_RESUMES) : refuse('not paused');
		case 'abort':
			if (status.abort) return refuse('already aborted');
			if (isFullyPromoted(ro)) return refuse('nothing to abort: already fully promoted');
			return plan(action, [statusPatch(ro, { abort: true })], `abort ${describeTarget(ro)}: all traffic back to stable${status.stableRS ? ` ${status.stableRS}` : ''}`, true);
		case 'retry':
			if (!status.abort) return refuse('not aborted: retry only applies to an aborted rollout');
			return plan(action, [statusPatch(ro, { abort: false })], `retry ${describeTarget(ro)}: restart the update from the first step`, false);
		case 'undo':
			return planUndo(action, ro, replicaSets);
		case 'restart': {
			if (ro.spec.paused) return refuse('paused: promote/resume it before restarting');
			const restartAt = rfc3339(now);
			return plan(action, [mainPatch(ro, 'merge', { spec: { restartAt } })], `restart ${describeTarget(ro)}: restartAt=${restartAt}`, true);
		}
		case 'scale':
			return planScale(action, ro);
	}
}
