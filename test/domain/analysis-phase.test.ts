// Metric and run phases, limits and defaults as ANALYSIS.md §a states them.
import { describe, expect, it } from 'vitest';
import { formatSampleValue, formatVector, metricLimits, type AnalysisSpec, type Measurement, type Metric, type MetricResult } from '../../source/domain/analysis';
import { assessMetric, assessRun, recordMeasurement } from '../../source/domain/analysis-phase';

const done = (phase: Measurement['phase']): Measurement => ({ phase, startedAt: '2026-01-01T00:00:00Z', finishedAt: '2026-01-01T00:00:00Z' });

/** A result after the given measurements, counted by recordMeasurement itself. */
function after(phases: Array<Measurement['phase']>, spec: AnalysisSpec = { metrics: [{ name: 'm' }] }): MetricResult {
	return phases.reduce<MetricResult>((r, p) => recordMeasurement(spec, r, { ...done(p), ...(p === 'Error' ? { message: 'boom' } : {}) }), { name: 'm', phase: 'Running' });
}

describe('limits and their defaults', () => {
	it.each<[Metric, ReturnType<typeof metricLimits>]>([
		[{ name: 'm' }, { failureLimit: 0, inconclusiveLimit: 0, consecutiveErrorLimit: 4, consecutiveSuccessLimit: 0, count: 1 }],
		[{ name: 'm', interval: '30s' }, { failureLimit: 0, inconclusiveLimit: 0, consecutiveErrorLimit: 4, consecutiveSuccessLimit: 0 }],
		[{ name: 'm', interval: '30s', count: '5', failureLimit: -1 }, { failureLimit: -1, inconclusiveLimit: 0, consecutiveErrorLimit: 4, consecutiveSuccessLimit: 0, count: 5 }],
		[{ name: 'm', count: 0, consecutiveErrorLimit: 2 }, { failureLimit: 0, inconclusiveLimit: 0, consecutiveErrorLimit: 2, consecutiveSuccessLimit: 0, count: 1 }],
	])('%j', (metric, limits) => expect(metricLimits(metric)).toEqual(limits));
});

describe('metric phase (assessMetricStatus)', () => {
	const metric: Metric = { name: 'm', interval: '10s', count: 3 };
	it.each<[string, Metric, MetricResult, boolean, string]>([
		['no measurements yet', metric, { name: 'm', phase: 'Pending' }, false, 'Pending'],
		['no measurements, terminating', metric, { name: 'm', phase: 'Pending' }, true, 'Successful'],
		['last measurement still running', metric, { name: 'm', phase: 'Running', measurements: [{ phase: 'Running' }] }, false, 'Running'],
		['one Failed measurement breaks the default failureLimit 0', metric, after(['Failed']), false, 'Failed'],
		['failureLimit 1 tolerates one', { ...metric, failureLimit: 1 }, after(['Failed']), false, 'Running'],
		['failureLimit -1 disables it', { ...metric, failureLimit: -1 }, after(['Failed', 'Failed', 'Failed']), false, 'Successful'],
		['one Inconclusive breaks the default inconclusiveLimit 0', metric, after(['Inconclusive']), false, 'Inconclusive'],
		['inconclusive overrides failed', metric, after(['Failed', 'Inconclusive']), false, 'Inconclusive'],
		['four errors in a row are still within the default 4', metric, after(['Error', 'Error', 'Error', 'Error']), false, 'Running'],
		['the fifth error in a row fails the limit', metric, after(['Error', 'Error', 'Error', 'Error', 'Error']), false, 'Error'],
		['a success resets consecutive errors', metric, after(['Error', 'Error', 'Error', 'Error', 'Successful', 'Error']), false, 'Running'],
		['errors override failures', { ...metric, failureLimit: 5 , consecutiveErrorLimit: 0 }, after(['Failed', 'Error']), false, 'Error'],
		['count reached', metric, after(['Successful', 'Successful', 'Successful']), false, 'Successful'],
		['no interval: one measurement', { name: 'm' }, after(['Successful']), false, 'Successful'],
		['interval without count runs on', { name: 'm', interval: '10s' }, after(['Successful', 'Successful']), false, 'Running'],
		['… and ends Successful when the run terminates', { name: 'm', interval: '10s' }, after(['Successful']), true, 'Successful'],
		['consecutiveSuccessLimit reached', { ...metric, count: 10, consecutiveSuccessLimit: 2 }, after(['Successful', 'Successful']), false, 'Successful'],
		['count reached without the consecutive successes', { ...metric, count: 2, failureLimit: 3, consecutiveSuccessLimit: 2 }, after(['Successful', 'Failed']), false, 'Inconclusive'],
		['… with failureLimit -1', { ...metric, count: 2, failureLimit: -1, consecutiveSuccessLimit: 2 }, after(['Successful', 'Failed']), false, 'Failed'],
		['a completed phase is kept', metric, { ...after(['Successful']), phase: 'Failed' }, false, 'Failed'],
	])('%s', (_, m, result, terminating, phase) => expect(assessMetric(m, result, terminating)).toBe(phase));
});

describe('counters', () => {
	it('count excludes errors; measurements are trimmed to the last 10', () => {
		const result = after([...Array(11).fill('Successful'), 'Error']);
		expect(result).toMatchObject({ count: 11, successful: 11, error: 1, consecutiveError: 1, message: 'boom' });
		expect(result.measurements).toHaveLength(10);
	});
	it('measurementRetention keeps more', () => {
		const spec: AnalysisSpec = { metrics: [{ name: 'm' }], measurementRetention: [{ metricName: 'm', limit: 20 }] };
		expect(after(Array(15).fill('Successful'), spec).measurements).toHaveLength(15);
	});
});

describe('run phase (assessRunStatus)', () => {
	const spec: AnalysisSpec = { metrics: [{ name: 'p99', interval: '10s', count: 3 }, { name: 'errors', interval: '10s', count: 3 }] };
	const named = (name: string, r: MetricResult): MetricResult => ({ ...r, name });

	it('runs while a metric is not complete, then takes the worst phase with Argo’s message', () => {
		const failing = [named('p99', after(['Failed'])), named('errors', after(['Successful']))];
		const first = assessRun(spec, failing);
		expect(first.phase).toBe('Running');
		const second = assessRun(spec, first.results);
		expect(second.phase).toBe('Failed');
		expect(second.message).toBe('Metric "p99" assessed Failed due to failed (1) > failureLimit (0)');
		expect(second.runSummary).toEqual({ count: 2, successful: 1, failed: 1, inconclusive: 0, error: 0 });
	});

	it('an error metric carries the last measurement’s message', () => {
		const errored = after(Array(5).fill('Error'));
		const run = assessRun({ metrics: [{ name: 'm', interval: '10s' }] }, [errored]);
		expect(run.phase).toBe('Error');
		expect(run.message).toBe('Metric "m" assessed Error due to consecutiveErrors (5) > consecutiveErrorLimit (4): "Error Message: boom"');
	});

	it('dry-run metrics do not count; their own message says why', () => {
		const dry: AnalysisSpec = { ...spec, dryRun: [{ metricName: 'err.*' }] };
		const run = assessRun(dry, [named('p99', after(['Successful', 'Successful', 'Successful'])), named('errors', after(['Failed']))]);
		expect(run.phase).toBe('Successful');
		expect(run.results[1]).toMatchObject({ phase: 'Failed', message: 'Metric assessed Failed due to failed (1) > failureLimit (0)' });
		expect(run.dryRunSummary).toEqual({ count: 1, successful: 0, failed: 1, inconclusive: 0, error: 0 });
	});

	it('terminate gives Successful "Run Terminated"', () => {
		const run = assessRun({ ...spec, terminate: true }, [named('p99', after(['Successful'])), named('errors', after(['Successful']))]);
		expect(run).toMatchObject({ phase: 'Successful', message: 'Run Terminated' });
	});

	it('worst phase order: Failed beats Error beats Inconclusive', () => {
		const three: AnalysisSpec = { metrics: [{ name: 'a' }, { name: 'b' }, { name: 'c' }] };
		const run = assessRun(three, [named('a', after(['Inconclusive'])), named('b', after(Array(5).fill('Error'))), named('c', after(['Failed']))]);
		expect(run.phase).toBe('Failed');
	});
});

describe('Prometheus value formatting', () => {
	it.each([
		[0.97, '0.97'],
		[2, '2'],
		[1e-7, '0.0000001'],
		[1.5e21, '1500000000000000000000'],
		[NaN, 'NaN'],
		[Infinity, '+Inf'],
	])('%s → %s', (value, text) => expect(formatSampleValue(value)).toBe(text));
	it('vectors are bracketed and comma-joined', () => {
		expect(formatVector([0.97, 1])).toBe('[0.97,1]');
		expect(formatVector([])).toBe('[]');
	});
});
