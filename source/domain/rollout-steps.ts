// Canary step arithmetic shared by status and actions (Argo utils/replicaset/canary.go).
import type { CanaryStep, Rollout } from './k8s';

export type RolloutStrategy = 'canary' | 'blueGreen';

export function strategyOf(ro: Rollout): RolloutStrategy {
	return ro.spec.strategy?.canary || !ro.spec.strategy?.blueGreen ? 'canary' : 'blueGreen';
}

export function canarySteps(ro: Rollout): CanaryStep[] {
	return ro.spec.strategy?.canary?.steps ?? [];
}

/** status.currentStepIndex, 0 when unset (GetCurrentCanaryStep); undefined without steps. */
export function currentStepIndex(ro: Rollout): number | undefined {
	if (canarySteps(ro).length === 0) return undefined;
	return ro.status?.currentStepIndex ?? 0;
}

/** The step being executed; undefined without steps or once every step has run. */
export function currentStep(ro: Rollout): CanaryStep | undefined {
	const index = currentStepIndex(ro);
	return index === undefined ? undefined : canarySteps(ro)[index];
}

/**
 * The weight the canary should carry with the rollout at step `index` (GetCurrentSetWeight):
 * 0 when aborted, else as stepsSetWeight.
 */
export function setWeightAt(ro: Rollout, index: number | undefined): number {
	return ro.status?.abort ? 0 : stepsSetWeight(canarySteps(ro), index);
}

/** 100 past the last step, else the nearest setWeight at or before step `index` (0 before any). */
export function stepsSetWeight(steps: CanaryStep[], index: number | undefined): number {
	if (index === undefined || index >= steps.length) return 100;
	for (let i = index; i >= 0; i--) {
		const weight = steps[i].setWeight;
		if (weight !== undefined) return weight;
	}
	return 0;
}

/** The index a promote moves to: one past the current step, capped at the step count. */
export function nextStepIndex(ro: Rollout): number | undefined {
	const index = currentStepIndex(ro);
	if (index === undefined) return undefined;
	return Math.min(index + 1, canarySteps(ro).length);
}

/** Argo IsFullyPromoted: the desired pod template is the stable one. */
export function isFullyPromoted(ro: Rollout): boolean {
	return ro.status?.stableRS === ro.status?.currentPodHash;
}

/** "i/n" as the plugin displays it (i is the zero-based current index). */
export function formatStep(step: { index: number; count: number }): string {
	return `${step.index}/${step.count}`;
}
