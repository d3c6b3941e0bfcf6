// What a Rollout is waiting for right now, so the rollout pane can say it and the operator knows
// whether it waits for someone to act (promote) or for time (a timed pause, an analysis) to move it on.
import type { Remedy } from './action';
import type { Rollout } from './k8s';
import { pauseSeconds } from './duration';
import { formatAge, parseTime } from './format';
import { currentStep } from './rollout-steps';

export type WaitingFor =
	/** A timed pause: a canary `pause: {duration}` step or blue-green autoPromotionSeconds. */
	| { kind: 'pause'; reason: string; remainingMs?: number }
	/** Needs an operator: `pause: {}`, BlueGreenPause without auto-promotion, spec.paused, inconclusive analysis. */
	| { kind: 'manual'; reason: string }
	| { kind: 'analysis'; name: string; phase?: string }
	| { kind: 'experiment'; name: string }
	| { kind: 'aborted'; message?: string };

const COMPLETED_ANALYSIS = ['Successful', 'Failed', 'Error', 'Inconclusive'];

/** Argo has no resume verb: promote clears both spec.paused and the pause conditions. */
export const PROMOTE_RESUMES: Remedy = { action: 'promote', verb: 'promote/resume' };

/** A wait in words, and the action that ends it when an operator has to act. */
export interface WaitingText {
	text: string;
	remedy?: Remedy;
}

interface RunStatus {
	name?: string;
	status?: string;
	message?: string;
}

function remaining(startTime: string | undefined, durationMs: number, now: number): number | undefined {
	const start = parseTime(startTime);
	return start === undefined ? undefined : Math.max(0, start + durationMs - now);
}

function timedPause(reason: string, startTime: string | undefined, durationMs: number, now: number): WaitingFor {
	const left = remaining(startTime, durationMs, now);
	return left === undefined ? { kind: 'pause', reason } : { kind: 'pause', reason, remainingMs: left };
}

function pauseWait(ro: Rollout, now: number): WaitingFor | undefined {
	const pause = (ro.status?.pauseConditions ?? [])[0];
	if (!pause) return undefined;
	if (pause.reason === 'CanaryPauseStep') {
		const duration = currentStep(ro)?.pause?.duration;
		return duration === undefined ? { kind: 'manual', reason: pause.reason } : timedPause(pause.reason, pause.startTime, pauseSeconds(duration) * 1000, now);
	}
	if (pause.reason === 'BlueGreenPause') {
		const blueGreen = ro.spec.strategy?.blueGreen;
		const seconds = blueGreen?.autoPromotionSeconds;
		if (blueGreen?.autoPromotionEnabled !== false && seconds !== undefined && seconds > 0) {
			return timedPause(pause.reason, pause.startTime, seconds * 1000, now);
		}
	}
	return { kind: 'manual', reason: pause.reason };
}

function runningAnalysis(ro: Rollout): WaitingFor | undefined {
	const candidates = [
		ro.status?.canary?.currentStepAnalysisRunStatus,
		ro.status?.blueGreen?.prePromotionAnalysisRunStatus,
		ro.status?.blueGreen?.postPromotionAnalysisRunStatus,
	] as Array<RunStatus | undefined>;
	const run = candidates.find((r) => r?.name && !COMPLETED_ANALYSIS.includes(r.status ?? ''));
	return run?.name ? { kind: 'analysis', name: run.name, ...(run.status ? { phase: run.status } : {}) } : undefined;
}

function runningExperiment(ro: Rollout): WaitingFor | undefined {
	const name = ro.status?.canary?.currentExperiment;
	return currentStep(ro)?.experiment && typeof name === 'string' && name ? { kind: 'experiment', name } : undefined;
}

/** Abort first (nothing moves until retried), then pauses, then running analysis or experiment. */
export function waitingFor(ro: Rollout, now: number): WaitingFor | undefined {
	if (ro.status?.abort) {
		const message = ro.status.conditions?.find((c) => c.reason === 'RolloutAborted')?.message;
		return message ? { kind: 'aborted', message } : { kind: 'aborted' };
	}
	if (ro.spec.paused) return { kind: 'manual', reason: 'manually paused' };
	return pauseWait(ro, now) ?? runningAnalysis(ro) ?? runningExperiment(ro);
}

/** One line for the rollout pane and the status bar. */
export function describeWaiting(wait: WaitingFor | undefined): WaitingText | undefined {
	if (!wait) return undefined;
	switch (wait.kind) {
		case 'pause':
			return { text: wait.remainingMs === undefined ? `paused (${wait.reason})` : `paused: ${formatAge(wait.remainingMs)} left` };
		case 'manual':
			return { text: `paused (${wait.reason})`, remedy: PROMOTE_RESUMES };
		case 'analysis':
			return { text: `analysis ${wait.name}${wait.phase ? ` ${wait.phase}` : ''}` };
		case 'experiment':
			return { text: `experiment ${wait.name} running` };
		case 'aborted':
			return { text: `aborted${wait.message ? `: ${wait.message}` : ''} — retry or undo` };
	}
}
