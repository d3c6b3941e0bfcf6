// The Argo Rollouts blue-green strategy: the new version comes up as the preview stack, waits
// (BlueGreenPause) for promotion when auto-promotion is off, then takes over the active service;
// the old stack is scaled down after scaleDownDelaySeconds.
import { rfc3339 } from '../../domain/format';
import type { ReplicaSet, Rollout } from '../../domain/k8s';
import { templateHashOf } from '../../domain/replica-set';
import type { SimContext } from './context';
import { involvedOf } from './events';
import { sumCounts, syncNewReplicaSet, withScaleDownDeadline } from './owner-sync';
import { podCounts, scaleReplicaSet } from './replicasets';
import { scaleDownOthers } from './rollout-canary';
import type { AnalysisRef } from './analysis-runs';
import { ensureRun, pauseInconclusive, verdictOf, type Verdict } from './rollout-analysis';
import { reconcileRestart } from './rollout-restart';
import { persistRolloutStatus, type RolloutStatus } from './rollout-status';

const SOURCE = { component: 'rollouts-controller' };
const BLUE_GREEN_PAUSE = 'BlueGreenPause';
const ABORT_SCALE_DOWN_DELAY_S = 30;

export function reconcileBlueGreen(ctx: SimContext, ro: Rollout, existing: ReplicaSet[]): void {
	const strategy = ro.spec.strategy?.blueGreen ?? {};
	const replicas = ro.spec.replicas ?? 1;
	const status: RolloutStatus = structuredClone(ro.status ?? {});
	const synced = syncNewReplicaSet(ctx, ro, existing);
	const { hash, revision } = synced;
	const involved = involvedOf(ro);
	const blueGreen = { ...status.blueGreen };
	blueGreen.activeSelector ??= hash;
	status.stableRS ??= hash;

	if (status.currentPodHash !== hash) {
		const templateChanged = status.currentPodHash !== undefined;
		status.currentPodHash = hash;
		delete status.pauseConditions;
		delete status.controllerPause;
		delete status.abort;
		delete status.abortedAt;
		delete status.promoteFull;
		delete blueGreen.prePromotionAnalysisRunStatus;
		delete blueGreen.postPromotionAnalysisRunStatus;
		if (templateChanged && hash !== blueGreen.activeSelector) {
			ctx.events.normal(involved, 'RolloutUpdated', `Rollout updated to revision ${revision}`, SOURCE);
		}
	}

	// Post-promotion analysis: the new stack is active but becomes stable only when it succeeds;
	// a Failed or Error run switches the active service back to the old stable stack.
	let abortMessage: string | undefined;
	const react = (verdict: Verdict): boolean => {
		if (typeof verdict === 'object') abortMessage = verdict.abort;
		else if (verdict === 'inconclusive') pauseInconclusive(ctx, ro, status);
		return verdict === 'successful';
	};
	const post = strategy.postPromotionAnalysis as AnalysisRef | undefined;
	if (post && !status.abort && hash === blueGreen.activeSelector && status.stableRS !== hash) {
		const { run, pointer } = ensureRun(ctx, ro, blueGreen.postPromotionAnalysisRunStatus, post, 'PostPromotion', { hash, revision });
		blueGreen.postPromotionAnalysisRunStatus = pointer;
		if (react(verdictOf(run, 'PostPromotion', revision))) {
			const oldStable = synced.all.find((rs) => templateHashOf(rs, ro) === status.stableRS);
			if (oldStable) withScaleDownDeadline(ctx, oldStable, ctx.now + (strategy.scaleDownDelaySeconds ?? 30) * 1000);
			status.stableRS = hash;
			ctx.events.normal(involved, 'RolloutCompleted', `Rollout completed update to revision ${revision} (${hash}): Completed blue-green update`, SOURCE);
		} else if (abortMessage) {
			status.abort = true;
			blueGreen.activeSelector = status.stableRS;
		}
	}

	const isActive = hash === blueGreen.activeSelector;
	const aborted = status.abort === true && !isActive;
	if (aborted && !status.abortedAt) {
		status.abortedAt = rfc3339(ctx.now);
		delete status.pauseConditions;
		delete status.controllerPause;
		ctx.events.warning(involved, 'RolloutAborted', abortMessage ?? `Rollout aborted update to revision ${revision}`, SOURCE);
	} else if (!aborted && status.abortedAt) {
		delete status.abortedAt;
		ctx.events.normal(involved, 'RolloutRetry', 'Retrying Rollout after abort', SOURCE);
	}

	const activeRS = synced.all.find((rs) => templateHashOf(rs, ro) === blueGreen.activeSelector);
	let newRS = synced.newRS;
	if (!aborted) newRS = scaleReplicaSet(ctx, ro, newRS, replicas);
	else if (ctx.now - Date.parse(status.abortedAt as string) >= ABORT_SCALE_DOWN_DELAY_S * 1000) newRS = scaleReplicaSet(ctx, ro, newRS, 0);
	if (activeRS && !isActive) scaleReplicaSet(ctx, ro, withScaleDownDeadline(ctx, activeRS, undefined), replicas);
	blueGreen.previewSelector = aborted ? blueGreen.activeSelector : hash;

	const previewReady = podCounts(ctx, newRS).ready >= replicas;
	if (!aborted && !isActive && previewReady && !ro.spec.paused) {
		// Pre-promotion analysis starts once the preview is saturated and gates the switch.
		const pre = strategy.prePromotionAnalysis as AnalysisRef | undefined;
		let analysed = true;
		if (pre) {
			const { run, pointer } = ensureRun(ctx, ro, blueGreen.prePromotionAnalysisRunStatus, pre, 'PrePromotion', { hash, revision });
			blueGreen.prePromotionAnalysisRunStatus = pointer;
			analysed = react(verdictOf(run, 'PrePromotion', revision));
			if (abortMessage) status.abort = true;
		}
		// Auto-promotion with autoPromotionSeconds also pauses first, for that long.
		const autoAfter = strategy.autoPromotionEnabled !== false ? strategy.autoPromotionSeconds : undefined;
		let promote = status.promoteFull === true || (strategy.autoPromotionEnabled !== false && !autoAfter);
		if (!promote) {
			const condition = status.pauseConditions?.find((c) => c.reason === BLUE_GREEN_PAUSE);
			if (!condition && !status.controllerPause) {
				status.pauseConditions = [{ reason: BLUE_GREEN_PAUSE, startTime: rfc3339(ctx.now) }];
				status.controllerPause = true;
				ctx.events.normal(involved, 'RolloutPaused', `Rollout is paused (${BLUE_GREEN_PAUSE})`, SOURCE);
			} else if (!condition) promote = true;
			else if (autoAfter && ctx.now >= Date.parse(condition.startTime ?? '') + autoAfter * 1000) promote = true;
		}
		if (promote && analysed && !status.abort) {
			const delay = (strategy.scaleDownDelaySeconds ?? 30) * 1000;
			if (activeRS && !post) withScaleDownDeadline(ctx, activeRS, ctx.now + delay);
			ctx.events.normal(
				involved,
				'SwitchService',
				`Switched selector for service '${strategy.activeService}' from '${blueGreen.activeSelector}' to '${hash}'`,
				SOURCE,
			);
			blueGreen.activeSelector = hash;
			delete status.pauseConditions;
			delete status.controllerPause;
			delete status.promoteFull;
			if (!post) {
				status.stableRS = hash;
				ctx.events.normal(involved, 'RolloutCompleted', `Rollout completed update to revision ${revision} (${hash}): Completed blue-green update`, SOURCE);
			}
		}
	}

	// The stable stack stays up while post-promotion analysis decides (it may switch back to it).
	const others = synced.all.filter((rs) => rs !== synced.newRS && templateHashOf(rs, ro) !== blueGreen.activeSelector && templateHashOf(rs, ro) !== status.stableRS);
	scaleDownOthers(ctx, ro, others);
	status.blueGreen = blueGreen;
	status.canary = {};
	reconcileRestart(ctx, ro, status, synced.all);
	const active = synced.all.find((rs) => templateHashOf(rs, ro) === blueGreen.activeSelector);
	const total = sumCounts(ctx, synced.all);
	persistRolloutStatus(ctx, ro, status, { total, updated: podCounts(ctx, newRS), available: podCounts(ctx, active).ready }, newRS.metadata.name, revision, abortMessage);
}
