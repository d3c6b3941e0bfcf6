// How the Argo Rollouts controller uses analysis (rollout/analysis.go): it creates the runs a
// Rollout asks for, records them in its status, aborts on a Failed or Error run and pauses on an
// Inconclusive one (InconclusiveAnalysisRun); runs it no longer needs are terminated.
import type { RolloutAnalysisRunStatus } from '../../domain/analysis';
import type { AnalysisRun, CanaryStep, Rollout } from '../../domain/k8s';
import { STEP_INDEX_LABEL } from '../../domain/analysis-info';
import { createRun, terminateRun, type AnalysisRef, type RunType } from './analysis-runs';
import type { SimContext } from './context';
import { involvedOf } from './events';
import type { RolloutStatus } from './rollout-status';
import { ROLLOUT_HASH_LABEL } from '../../domain/replica-set';
import { rfc3339 } from '../../domain/format';

export const INCONCLUSIVE_PAUSE = 'InconclusiveAnalysisRun';
const SOURCE = { component: 'rollouts-controller' };

const KIND_TEXT: Record<RunType, string> = {
	Background: 'Background',
	Step: 'Step-based',
	PrePromotion: 'Blue/green pre-promotion',
	PostPromotion: 'Blue/green post-promotion',
};

export type Verdict = 'running' | 'successful' | 'inconclusive' | { abort: string };

function pointerOf(run: AnalysisRun): RolloutAnalysisRunStatus {
	return { name: run.metadata.name, status: run.status?.phase ?? '', ...(run.status?.message ? { message: run.status.message } : {}) };
}

/** A pointer with its run's current phase (after an abort the runs still finish). */
export function refreshPointer(ctx: SimContext, ro: Rollout, pointer: RolloutAnalysisRunStatus | undefined): RolloutAnalysisRunStatus | undefined {
	const run = runNamed(ctx, ro, pointer?.name);
	return run ? pointerOf(run) : pointer;
}

function runNamed(ctx: SimContext, ro: Rollout, name: string | undefined): AnalysisRun | undefined {
	return name ? (ctx.store.get({ kind: 'AnalysisRun', namespace: ro.metadata.namespace, name }) as AnalysisRun | undefined) : undefined;
}

/**
 * The run the pointer names when it is still the right one (same ReplicaSet, same step, not
 * cancelled); otherwise the old one is terminated and a new one created.
 */
export function ensureRun(
	ctx: SimContext,
	ro: Rollout,
	pointer: RolloutAnalysisRunStatus | undefined,
	ref: AnalysisRef,
	type: RunType,
	at: { hash: string; revision: number; step?: number },
): { run: AnalysisRun; pointer: RolloutAnalysisRunStatus } {
	let run = runNamed(ctx, ro, pointer?.name);
	const labels = run?.metadata.labels ?? {};
	const same = run && labels[ROLLOUT_HASH_LABEL] === at.hash && (type !== 'Step' || labels[STEP_INDEX_LABEL] === String(at.step)) && !run.spec?.terminate;
	if (!same) {
		if (run) terminateRun(ctx, ro.metadata.namespace, run.metadata.name);
		run = createRun(ctx, ro, ref, type, at.hash, at.revision, at.step);
		ctx.events.normal(involvedOf(ro), 'AnalysisRunRunning', `${type === 'Step' ? 'Step ' : ''}Analysis Run '${run.metadata.name}' Status New: '${run.status?.phase}' Previous: ''`, SOURCE);
	}
	return { run: run as AnalysisRun, pointer: pointerOf(run as AnalysisRun) };
}

/** What a run's phase means for the rollout, with Argo's abort message. */
export function verdictOf(run: AnalysisRun, type: RunType, revision: number): Verdict {
	switch (run.status?.phase) {
		case 'Successful':
			return 'successful';
		case 'Inconclusive':
			return 'inconclusive';
		case 'Failed':
		case 'Error':
			return { abort: `Rollout aborted update to revision ${revision}: ${KIND_TEXT[type]} analysis phase error/failed: ${run.status.message ?? ''}` };
		default:
			return 'running';
	}
}

/** pauseCondition InconclusiveAnalysisRun and controllerPause, once. */
export function pauseInconclusive(ctx: SimContext, ro: Rollout, status: RolloutStatus): void {
	if (status.pauseConditions?.some((c) => c.reason === INCONCLUSIVE_PAUSE)) return;
	status.pauseConditions = [...(status.pauseConditions ?? []), { reason: INCONCLUSIVE_PAUSE, startTime: rfc3339(ctx.now) }];
	status.controllerPause = true;
	ctx.events.normal(involvedOf(ro), 'RolloutPaused', `Rollout is paused (${INCONCLUSIVE_PAUSE})`, SOURCE);
}

export function terminatePointed(ctx: SimContext, ro: Rollout, pointers: Array<RolloutAnalysisRunStatus | undefined>): void {
	for (const pointer of pointers) {
		const run = runNamed(ctx, ro, pointer?.name);
		if (run && (run.status?.phase === 'Running' || run.status?.phase === 'Pending')) terminateRun(ctx, ro.metadata.namespace, run.metadata.name);
	}
}

export interface CanaryAnalysis {
	abort?: string;
	/** The current analysis step's run succeeded. */
	stepDone: boolean;
	pointers: { currentStepAnalysisRunStatus?: RolloutAnalysisRunStatus; currentBackgroundAnalysisRunStatus?: RolloutAnalysisRunStatus };
}

function apply(ctx: SimContext, ro: Rollout, status: RolloutStatus, verdict: Verdict, result: CanaryAnalysis): void {
	if (typeof verdict === 'object') result.abort ??= verdict.abort;
	else if (verdict === 'inconclusive') pauseInconclusive(ctx, ro, status);
}

/** Step and background analysis of a canary at step `index` (not stable, not aborted). */
export function reconcileCanaryAnalysis(
	ctx: SimContext,
	ro: Rollout,
	status: RolloutStatus,
	at: { hash: string; revision: number; index: number; steps: CanaryStep[] },
): CanaryAnalysis {
	const result: CanaryAnalysis = { stepDone: false, pointers: {} };
	const previous = status.canary ?? {};
	const step = at.steps[at.index];
	if (step?.analysis && !ro.spec.paused) {
		const { run, pointer } = ensureRun(ctx, ro, previous.currentStepAnalysisRunStatus, step.analysis as AnalysisRef, 'Step', { ...at, step: at.index });
		result.pointers.currentStepAnalysisRunStatus = pointer;
		const verdict = verdictOf(run, 'Step', at.revision);
		result.stepDone = verdict === 'successful';
		apply(ctx, ro, status, verdict, result);
	} else terminatePointed(ctx, ro, [previous.currentStepAnalysisRunStatus]);

	const background = ro.spec.strategy?.canary?.analysis as AnalysisRef | undefined;
	if (background?.templates?.length && at.index >= (background.startingStep ?? 0)) {
		let pointer = previous.currentBackgroundAnalysisRunStatus;
		// promote cleared the InconclusiveAnalysisRun pause: the controller starts a new run.
		if (pointer?.status === 'Inconclusive' && status.controllerPause && !status.pauseConditions?.length) {
			delete status.controllerPause;
			terminateRun(ctx, ro.metadata.namespace, pointer.name);
		}
		const ensured = ensureRun(ctx, ro, pointer, background, 'Background', at);
		pointer = ensured.pointer;
		result.pointers.currentBackgroundAnalysisRunStatus = pointer;
		apply(ctx, ro, status, verdictOf(ensured.run, 'Background', at.revision), result);
	}
	if (result.abort) terminatePointed(ctx, ro, [result.pointers.currentStepAnalysisRunStatus, result.pointers.currentBackgroundAnalysisRunStatus]);
	return result;
}
