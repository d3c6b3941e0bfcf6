// The Argo Rollouts analysis controller over the simulator's AnalysisRuns: each second, every
// metric that is due takes a measurement (its PromQL answered from the model), then the metric and
// run phases follow Argo's rules (domain/analysis-phase.ts).
import { ERROR_RETRY_INTERVAL_MS, formatVector, intervalMs, isCompleted, isDryRun, type AnalysisSpec, type Measurement, type Metric, type MetricResult } from '../../domain/analysis';
import { evaluateResult } from '../../domain/analysis-condition';
import { assessRun, isTerminating, recordMeasurement } from '../../domain/analysis-phase';
import { analysisSpecProblem } from '../../domain/analysis-validate';
import { goDurationMs } from '../../domain/duration';
import type { AnalysisRun } from '../../domain/k8s';
import type { ReplicaSample } from '../../domain/metrics';
import { answerQuery, type ReplicaSeries } from './analysis-query';
import { substituteArgs } from './analysis-runs';
import type { SimContext } from './context';
import { rfc3339 } from '../../domain/format';

/** What Prometheus would label each replica with (pod labels mapped as kubernetes_sd does). */
function replicaSeries(ctx: SimContext, samples: ReplicaSample[]): ReplicaSeries[] {
	const series: ReplicaSeries[] = [];
	for (const sample of samples) {
		const pod = ctx.pods.get(`${sample.namespace}/${sample.pod}`);
		if (!pod) continue;
		const labels: Record<string, string> = { namespace: pod.namespace, pod: pod.name, model_name: pod.workload.model };
		for (const [key, value] of Object.entries(pod.template.metadata?.labels ?? {})) labels[key.replace(/[^\w]/g, '_')] = value;
		if (pod.hashLabel) labels[pod.hashLabel.replace(/[^\w]/g, '_')] = pod.hash;
		series.push({ labels, values: sample.values });
	}
	return series;
}

function due(metric: Metric, result: MetricResult | undefined, startedAt: number, now: number): boolean {
	const last = result?.measurements?.at(-1);
	if (!last) return now >= startedAt + (metric.initialDelay ? (goDurationMs(metric.initialDelay) ?? 0) : 0);
	const finished = Date.parse(last.finishedAt ?? '') || now;
	if (last.phase === 'Error') return now >= finished + ERROR_RETRY_INTERVAL_MS;
	const interval = intervalMs(metric);
	return interval !== undefined && now >= finished + interval;
}

function measure(metric: Metric, spec: AnalysisSpec, series: ReplicaSeries[], at: string): Measurement {
	const query = metric.provider?.prometheus?.query;
	const base = { startedAt: at, finishedAt: at };
	if (query === undefined) return { ...base, phase: 'Error', message: 'the simulator runs only the prometheus provider with a query' };
	const resolved = substituteArgs(query, spec.args);
	const metadata = { ResolvedPrometheusQuery: resolved };
	let values: number[];
	try {
		values = answerQuery(resolved, series);
	} catch (error) {
		return { ...base, phase: 'Error', message: (error as Error).message, metadata };
	}
	const value = formatVector(values);
	try {
		return { ...base, phase: evaluateResult(values, metric), value, metadata };
	} catch (error) {
		return { ...base, phase: 'Error', message: (error as Error).message, value, metadata };
	}
}

function reconcileRun(ctx: SimContext, run: AnalysisRun, series: () => ReplicaSeries[]): void {
	const status = run.status ?? {};
	if (isCompleted(status.phase)) return;
	const now = rfc3339(ctx.now);
	const problem = analysisSpecProblem(run.spec);
	if (problem) {
		ctx.store.put({ ...run, status: { ...status, phase: 'Error', message: `Analysis spec invalid: ${problem}`, startedAt: status.startedAt ?? now, completedAt: now } });
		return;
	}
	const spec = run.spec as AnalysisSpec;
	const startedAt = status.startedAt ?? now;
	let results: MetricResult[] = spec.metrics.map(
		(m) => status.metricResults?.find((r) => r.name === m.name) ?? { name: m.name, phase: 'Pending', ...(isDryRun(spec, m.name) ? { dryRun: true } : {}) },
	);
	if (!isTerminating(spec, results)) {
		results = results.map((result, i) => {
			const metric = spec.metrics[i];
			if (isCompleted(result.phase) || !due(metric, result, Date.parse(startedAt), ctx.now)) return result;
			return recordMeasurement(spec, { ...result, phase: 'Running' }, measure(metric, spec, series(), now));
		});
	}
	const assessed = assessRun(spec, results);
	const next = {
		...status,
		phase: assessed.phase,
		startedAt,
		metricResults: assessed.results,
		runSummary: assessed.runSummary,
		...(assessed.dryRunSummary ? { dryRunSummary: assessed.dryRunSummary } : {}),
		...(isCompleted(assessed.phase) ? { completedAt: now } : {}),
	};
	if (assessed.message) next.message = assessed.message;
	else delete next.message;
	if (JSON.stringify(next) !== JSON.stringify(status)) ctx.store.put({ ...run, status: next });
}

/** Runs every AnalysisRun that is not finished; builds the replicas' series only when one needs them. */
export function reconcileAnalysisRuns(ctx: SimContext, samples: ReplicaSample[]): void {
	let series: ReplicaSeries[] | undefined;
	const lazySeries = () => (series ??= replicaSeries(ctx, samples));
	for (const obj of ctx.store.list('AnalysisRun')) reconcileRun(ctx, obj as AnalysisRun, lazySeries);
}
