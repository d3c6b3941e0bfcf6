// A Rollout's phase and message, exactly as the Argo Rollouts plugin derives them
// (utils/rollout/rolloututil.go: GetRolloutPhase, CalculateRolloutPhase).
import type { Rollout } from './k8s';
import { isFullyPromoted } from './rollout-steps';
import { health, type Phase, type WorkloadHealth } from './status';
import { parseTime } from './format';

const CONTROLLER_PHASES: readonly Phase[] = ['Healthy', 'Progressing', 'Paused', 'Degraded'];
const DEGRADED_REASONS = ['RolloutAborted', 'ProgressDeadlineExceeded'];
const COMPLETED_ANALYSIS = ['Successful', 'Failed', 'Error', 'Inconclusive'];

/** v0.10+ rollouts carry a numeric observedGeneration; anything else counts as observed. */
function isGenerationObserved(ro: Rollout): boolean {
	const observed = ro.status?.observedGeneration;
	const text = observed === undefined ? '' : String(observed);
	if (!/^[-+]?\d+$/.test(text)) return true;
	return Number(text) >= (ro.metadata.generation ?? 0);
}

/** The user cleared the pause conditions but the controller has not reacted yet. */
export function isUnpausing(ro: Rollout): boolean {
	return Boolean(ro.status?.controllerPause) && (ro.status?.pauseConditions ?? []).length === 0;
}

export function rolloutPhase(ro: Rollout): WorkloadHealth {
	if (!isGenerationObserved(ro)) return health('Progressing', 'waiting for rollout spec update to be observed');
	if (isUnpausing(ro)) return health('Progressing', 'waiting for rollout to unpause');
	const phase = ro.status?.phase;
	// Controllers from 1.0 on compute phase and message themselves; the plugin shows theirs.
	if (phase) {
		const known = CONTROLLER_PHASES.find((p) => p === phase);
		return health(known ?? 'Progressing', ro.status?.message ?? '');
	}
	return calculateRolloutPhase(ro);
}

function waitingForPostPromotionAnalysis(ro: Rollout): boolean {
	if (!ro.spec.strategy?.blueGreen?.postPromotionAnalysis) return false;
	const run = ro.status?.blueGreen?.postPromotionAnalysisRunStatus as { status?: string } | undefined;
	return !run || !COMPLETED_ANALYSIS.includes(run.status ?? '');
}

/** Client-side phase for controllers that do not publish status.phase (v0.10 and below). */
export function calculateRolloutPhase(ro: Rollout): WorkloadHealth {
	const status = ro.status ?? {};
	for (const cond of status.conditions ?? []) {
		if (cond.type === 'InvalidSpec') return health('Degraded', `InvalidSpec: ${cond.message ?? ''}`);
		if (cond.reason && DEGRADED_REASONS.includes(cond.reason)) return health('Degraded', `${cond.reason}: ${cond.message ?? ''}`);
	}
	if (ro.spec.paused) return health('Paused', 'manually paused');
	const pause = (status.pauseConditions ?? [])[0];
	if (pause) return health('Paused', pause.reason);
	const restartAt = parseTime(ro.spec.restartAt);
	if (restartAt !== undefined && restartAt !== parseTime(status.restartedAt)) return health('Progressing', 'rollout is restarting');
	const updated = status.updatedReplicas ?? 0;
	if (updated < (ro.spec.replicas ?? 1)) return health('Progressing', 'more replicas need to be updated');
	if ((status.availableReplicas ?? 0) < updated) return health('Progressing', 'updated replicas are still becoming available');
	if (ro.spec.strategy?.blueGreen) {
		const active = status.blueGreen?.activeSelector;
		if (!active || active !== status.currentPodHash) return health('Progressing', 'active service cutover pending');
		if (!status.stableRS || !isFullyPromoted(ro)) {
			return health(
				'Progressing',
				waitingForPostPromotionAnalysis(ro) ? 'waiting for analysis to complete' : 'waiting for post-promotion verification to complete',
			);
		}
	} else if (ro.spec.strategy?.canary) {
		// Only basic canary: blue-green and traffic-routed canaries keep old replicas around on purpose.
		if (!ro.spec.strategy.canary.trafficRouting && (status.replicas ?? 0) > updated) {
			return health('Progressing', 'old replicas are pending termination');
		}
		if (!status.stableRS || !isFullyPromoted(ro)) return health('Progressing', 'waiting for all steps to complete');
	}
	return health('Healthy', '');
}
