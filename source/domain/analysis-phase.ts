// How the Argo Rollouts analysis controller judges metrics and runs (analysis/analysis.go:
// assessMetricStatus, assessMetricFailureInconclusiveOrError, assessRunStatus), and how one
// measurement moves a metric's counters. Pure: the simulator runs it, the display trusts the
// phases a cluster reports and never re-judges them.
import {
	historyLimit,
	isCompleted,
	isDryRun,
	metricLimits,
	type AnalysisPhase,
	type AnalysisSpec,
	type Measurement,
	type Metric,
	type MetricResult,
	type RunSummary,
} from './analysis';

/** Worst last (utils/analysis/helpers.go). */
const PHASE_ORDER: readonly AnalysisPhase[] = ['Successful', 'Running', 'Pending', 'Inconclusive', 'Error', 'Failed'];

export function worsePhase(a: AnalysisPhase, b: AnalysisPhase): AnalysisPhase {
	return PHASE_ORDER.indexOf(b) > PHASE_ORDER.indexOf(a) ? b : a;
}

/** The limit a metric's counters broke, if any; later checks override earlier ones. */
export function limitBreach(metric: Metric, result: MetricResult): { phase: AnalysisPhase; reason: string } | undefined {
	const limits = metricLimits(metric);
	const failed = result.failed ?? 0;
	const inconclusive = result.inconclusive ?? 0;
	const consecutiveError = result.consecutiveError ?? 0;
	let breach: { phase: AnalysisPhase; reason: string } | undefined;
	if (limits.failureLimit >= 0 && failed > limits.failureLimit) {
		breach = { phase: 'Failed', reason: `failed (${failed}) > failureLimit (${limits.failureLimit})` };
	}
	if (inconclusive > limits.inconclusiveLimit) {
		breach = { phase: 'Inconclusive', reason: `inconclusive (${inconclusive}) > inconclusiveLimit (${limits.inconclusiveLimit})` };
	}
	if (consecutiveError > limits.consecutiveErrorLimit) {
		breach = { phase: 'Error', reason: `consecutiveErrors (${consecutiveError}) > consecutiveErrorLimit (${limits.consecutiveErrorLimit})` };
	}
	return breach;
}

/** A metric's phase after its latest measurement. */
export function assessMetric(metric: Metric, result: MetricResult, terminating: boolean): AnalysisPhase {
	if (isCompleted(result.phase)) return result.phase;
	const measurements = result.measurements ?? [];
	if (measurements.length === 0) return terminating ? 'Successful' : 'Pending';
	const last = measurements[measurements.length - 1];
	if (!isCompleted(last.phase)) return 'Running';
	const breach = limitBreach(metric, result);
	if (breach) return breach.phase;
	const limits = metricLimits(metric);
	if (limits.consecutiveSuccessLimit > 0 && (result.consecutiveSuccess ?? 0) >= limits.consecutiveSuccessLimit) return 'Successful';
	if (limits.count !== undefined && (result.count ?? 0) >= limits.count) {
		if (limits.consecutiveSuccessLimit > 0) return limits.failureLimit >= 0 ? 'Inconclusive' : 'Failed';
		return 'Successful';
	}
	return terminating ? 'Successful' : 'Running';
}

/** A run stops measuring once terminated or once a counted metric has gone bad. */
export function isTerminating(spec: AnalysisSpec, results: MetricResult[]): boolean {
	if (spec.terminate) return true;
	return results.some((r) => !isDryRun(spec, r.name) && (r.phase === 'Failed' || r.phase === 'Error' || r.phase === 'Inconclusive'));
}

export interface RunAssessment {
	phase: AnalysisPhase;
	message?: string;
	results: MetricResult[];
	runSummary: RunSummary;
	dryRunSummary?: RunSummary;
}

function summarise(results: MetricResult[]): RunSummary {
	const count = (phase: AnalysisPhase) => results.filter((r) => r.phase === phase).length;
	return { count: results.length, successful: count('Successful'), failed: count('Failed'), inconclusive: count('Inconclusive'), error: count('Error') };
}

/** assessRunStatus: every metric's phase, then the run's (worst non-dry-run phase once all are done). */
export function assessRun(spec: AnalysisSpec, previous: MetricResult[]): RunAssessment {
	const terminating = isTerminating(spec, previous);
	let everythingCompleted = true;
	let worst: AnalysisPhase = 'Successful';
	let message: string | undefined;
	const results: MetricResult[] = [];
	for (const metric of spec.metrics) {
		const prior = previous.find((r) => r.name === metric.name);
		if (!prior) {
			everythingCompleted = false;
			continue;
		}
		const dryRun = isDryRun(spec, metric.name);
		const phase = assessMetric(metric, prior, terminating);
		const result: MetricResult = { ...prior, phase };
		if (isCompleted(phase)) {
			const breach = limitBreach(metric, result);
			if (breach && !dryRun) {
				const text = `Metric "${metric.name}" assessed ${phase} due to ${breach.reason}${prior.message ? `: "Error Message: ${prior.message}"` : ''}`;
				if (worsePhase(worst, phase) !== worst) message = text;
			} else if (breach) result.message = `Metric assessed ${phase} due to ${breach.reason}`;
			if (!dryRun) worst = worsePhase(worst, phase);
		} else everythingCompleted = false;
		results.push(result);
	}
	const counted = results.filter((r) => !isDryRun(spec, r.name));
	const dry = results.filter((r) => isDryRun(spec, r.name));
	const summaries = { runSummary: summarise(counted), ...(dry.length ? { dryRunSummary: summarise(dry) } : {}) };
	if (terminating && worst === 'Successful' && spec.terminate) return { phase: 'Successful', message: 'Run Terminated', results, ...summaries };
	if (!everythingCompleted) return { phase: 'Running', results, ...summaries };
	return { phase: worst, ...(message ? { message } : {}), results, ...summaries };
}

/** A finished measurement added to a metric's result: counters, last message and trimmed history. */
export function recordMeasurement(spec: AnalysisSpec, result: MetricResult, measurement: Measurement): MetricResult {
	const next: MetricResult = { ...result, measurements: [...(result.measurements ?? []), measurement] };
	const bump = (field: 'successful' | 'failed' | 'inconclusive' | 'error') => (next[field] = (next[field] ?? 0) + 1);
	switch (measurement.phase) {
		case 'Successful':
			bump('successful');
			next.consecutiveSuccess = (next.consecutiveSuccess ?? 0) + 1;
			break;
		case 'Failed':
			bump('failed');
			next.consecutiveSuccess = 0;
			break;
		case 'Inconclusive':
			bump('inconclusive');
			next.consecutiveSuccess = 0;
			break;
		case 'Error':
			bump('error');
			next.consecutiveError = (next.consecutiveError ?? 0) + 1;
			break;
	}
	if (measurement.phase !== 'Error') {
		next.count = (next.count ?? 0) + 1;
		next.consecutiveError = 0;
	}
	next.message = measurement.message;
	if (!next.message) delete next.message;
	const limit = historyLimit(spec, result.name);
	if ((next.measurements?.length ?? 0) > limit) next.measurements = next.measurements?.slice(-limit);
	return next;
}
