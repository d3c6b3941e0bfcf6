// What the console shows about an AnalysisRun, taken as the cluster reports it (phases are
// displayed, never re-judged): its kind from the labels, the plugin's glyphs and INFO counters, a
// compact summary for the workloads list, and each metric's values, condition and limits.
import {
	intervalMs,
	isDryRun,
	metricLimits,
	type AnalysisRunStatus,
	type AnalysisSpec,
	type Measurement,
	type Metric,
	type MetricLimits,
	type MetricResult,
	type RolloutAnalysisRunStatus,
} from './analysis';
import type { AnalysisRun, Rollout } from './k8s';
import { parseTime } from './format';
import { revisionOf, ROLLOUT_REVISION_ANNOTATION } from './replica-set';
import { analysisSpecProblem } from './analysis-validate';

/** The plugin's AnalysisRun glyphs (info/analysisrun_info.go); a blank for an empty phase. */
export const ANALYSIS_GLYPHS: Record<string, string> = {
	Successful: '✔',
	Failed: '✖',
	Error: '⚠',
	Inconclusive: '?',
	Running: '◌',
	Pending: '◷',
};

export function analysisGlyph(phase: string | undefined): string {
	return ANALYSIS_GLYPHS[phase ?? ''] ?? ' ';
}

export const ROLLOUT_TYPE_LABEL = 'rollout-type';
export const STEP_INDEX_LABEL = 'step-index';

/** Background / Step i / PrePromotion / PostPromotion, from the labels the rollout controller sets. */
export function analysisKind(run: AnalysisRun): string {
	const labels = run.metadata.labels ?? {};
	const type = labels[ROLLOUT_TYPE_LABEL];
	if (type === 'Step') return labels[STEP_INDEX_LABEL] !== undefined ? `Step ${labels[STEP_INDEX_LABEL]}` : 'Step';
	return type ?? 'Run';
}

/** Plugin INFO: `✔ S,✖ F,? I,⚠ E`, measurement counters summed over all metrics (dry-run included). */
export function analysisCounts(status: AnalysisRunStatus | undefined): string {
	const sum = (field: 'successful' | 'failed' | 'inconclusive' | 'error') =>
		(Array.isArray(status?.metricResults) ? status.metricResults : []).reduce((n, r) => n + (Number(r?.[field]) || 0), 0);
	const parts: Array<[string, number]> = [
		['✔', sum('successful')],
		['✖', sum('failed')],
		['?', sum('inconclusive')],
		['⚠', sum('error')],
	];
	return parts
		.filter(([, n]) => n > 0)
		.map(([glyph, n]) => `${glyph} ${n}`)
		.join(',');
}

export interface MeasurementInfo {
	phase: string;
	value?: string;
	message?: string;
	/** When it finished (or started, while running), ms since the epoch. */
	at?: number;
}

export interface MetricInfo {
	name: string;
	phase: string;
	dryRun: boolean;
	successCondition?: string;
	failureCondition?: string;
	limits: MetricLimits;
	/** Whether each limit was written in the spec or is Argo's default. */
	interval?: string;
	count: number;
	successful: number;
	failed: number;
	inconclusive: number;
	error: number;
	consecutiveError: number;
	/** Newest last. */
	measurements: MeasurementInfo[];
	message?: string;
	query?: string;
}

export interface AnalysisRunInfo {
	name: string;
	namespace?: string;
	kind: string;
	revision?: number;
	phase: string;
	glyph: string;
	message?: string;
	createdAt?: number;
	counts: string;
	metrics: MetricInfo[];
}

function measurementInfo(m: Measurement): MeasurementInfo {
	const at = parseTime(m.finishedAt ?? m.startedAt);
	return { phase: m.phase, ...(m.value !== undefined ? { value: m.value } : {}), ...(m.message ? { message: m.message } : {}), ...(at !== undefined ? { at } : {}) };
}

function metricInfo(spec: AnalysisSpec, metric: Metric, result: MetricResult | undefined): MetricInfo {
	return {
		name: metric.name,
		phase: result?.phase ?? 'Pending',
		dryRun: result?.dryRun ?? isDryRun(spec, metric.name),
		...(metric.successCondition ? { successCondition: metric.successCondition } : {}),
		...(metric.failureCondition ? { failureCondition: metric.failureCondition } : {}),
		limits: metricLimits(metric),
		...(metric.interval && intervalMs(metric) !== undefined ? { interval: metric.interval } : {}),
		count: result?.count ?? 0,
		successful: result?.successful ?? 0,
		failed: result?.failed ?? 0,
		inconclusive: result?.inconclusive ?? 0,
		error: result?.error ?? 0,
		consecutiveError: result?.consecutiveError ?? 0,
		measurements: listOf(result?.measurements).map(measurementInfo),
		...(result?.message ? { message: result.message } : {}),
		...(metric.provider?.prometheus?.query ? { query: metric.provider.prometheus.query } : {}),
	};
}

/** A list field as received: anything but an array (a malformed object) counts as empty. */
function listOf<T>(value: T[] | undefined): T[] {
	return Array.isArray(value) ? value : [];
}

const infos = new WeakMap<AnalysisRun, AnalysisRunInfo>();

/**
 * Everything shown about one run (times as timestamps: ages are the caller's, at its `now`); a run
 * whose spec cannot be read shows as Error with the reason. Cached per object: objects are replaced,
 * never mutated, when they change.
 */
export function analysisRunInfo(run: AnalysisRun): AnalysisRunInfo {
	let info = infos.get(run);
	if (!info) infos.set(run, (info = buildInfo(run)));
	return info;
}

function buildInfo(run: AnalysisRun): AnalysisRunInfo {
	const created = parseTime(run.metadata.creationTimestamp);
	const base = {
		name: run.metadata.name,
		namespace: run.metadata.namespace,
		kind: analysisKind(run),
		revision: revisionOf(run, ROLLOUT_REVISION_ANNOTATION),
		...(created !== undefined ? { createdAt: created } : {}),
		counts: analysisCounts(run.status),
	};
	const problem = analysisSpecProblem(run.spec);
	if (problem) return { ...base, phase: 'Error', glyph: analysisGlyph('Error'), message: `invalid AnalysisRun: ${problem}`, metrics: [] };
	const spec = run.spec as AnalysisSpec;
	const results = listOf(run.status?.metricResults);
	const phase = run.status?.phase || '';
	return {
		...base,
		phase,
		glyph: analysisGlyph(phase),
		...(run.status?.message ? { message: run.status.message } : {}),
		metrics: spec.metrics.map((m) => metricInfo(spec, m, results.find((r) => r.name === m.name))),
	};
}

/** Runs owned by the rollout (by uid when both have one, else by name), as the plugin lists them. */
export function runsOfRollout(ro: Rollout, runs: AnalysisRun[]): AnalysisRun[] {
	const uid = ro.metadata.uid;
	return runs.filter((run) =>
		(run.metadata.ownerReferences ?? []).some((ref) => ref.kind === 'Rollout' && (uid && ref.uid ? ref.uid === uid : ref.name === ro.metadata.name)),
	);
}

/**
 * Revision descending, then the newest run first (the plugin's tree lists the oldest first; a
 * pane with few lines shows the run that decides now), then name descending.
 */
export function newestFirst(infos: AnalysisRunInfo[]): AnalysisRunInfo[] {
	return [...infos].sort(
		(a, b) => (b.revision ?? 0) - (a.revision ?? 0) || (b.createdAt ?? 0) - (a.createdAt ?? 0) || (a.name < b.name ? 1 : a.name > b.name ? -1 : 0),
	);
}

/**
 * The workloads list's analysis column for the newest revision's runs: `✖ p99` (the failed or
 * errored metric), `? p99` (inconclusive), `◌ 2/3` (metrics completed while running), `✔ 3/3`.
 */
export function compactAnalysis(infos: AnalysisRunInfo[]): string {
	if (infos.length === 0) return '';
	const newest = Math.max(...infos.map((i) => i.revision ?? 0));
	const current = infos.filter((i) => (i.revision ?? 0) === newest);
	for (const phase of ['Failed', 'Error', 'Inconclusive']) {
		const run = current.find((i) => i.phase === phase);
		if (!run) continue;
		const metric = run.metrics.find((m) => m.phase === phase && !m.dryRun);
		return `${analysisGlyph(phase)} ${metric?.name ?? phase}`;
	}
	const metrics = current.flatMap((i) => i.metrics.filter((m) => !m.dryRun));
	const done = metrics.filter((m) => m.phase === 'Successful').length;
	const running = current.some((i) => i.phase === 'Running' || i.phase === 'Pending' || i.phase === '');
	return `${analysisGlyph(running ? 'Running' : 'Successful')} ${done}/${metrics.length}`;
}

/** The Rollout's own pointers to its current runs, labelled as the console shows them. */
export function rolloutRunStatuses(ro: Rollout): Array<{ label: string; name?: string; status?: string; message?: string }> {
	const canary = ro.status?.canary;
	const blueGreen = ro.status?.blueGreen;
	const entries: Array<[string, RolloutAnalysisRunStatus | undefined]> = [
		['step', canary?.currentStepAnalysisRunStatus],
		['background', canary?.currentBackgroundAnalysisRunStatus],
		['pre-promotion', blueGreen?.prePromotionAnalysisRunStatus],
		['post-promotion', blueGreen?.postPromotionAnalysisRunStatus],
	];
	return entries.filter(([, s]) => s?.name || s?.status).map(([label, s]) => ({ label, ...s }));
}
