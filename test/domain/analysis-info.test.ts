// What the console shows about AnalysisRuns found in a cluster: displayed as reported, never
// re-judged; a run whose spec cannot be read shows as Error with the reason.
import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { analysisRunInfo, compactAnalysis, newestFirst, rolloutRunStatuses, runsOfRollout } from '../../source/domain/analysis-info';
import type { AnalysisRun, KubeObject, Rollout } from '../../source/domain/k8s';
import { NOW } from './fixtures';

const objects = parseAllDocuments(readFileSync(new URL('../../fixtures/k8s/analysis-runs.yaml', import.meta.url), 'utf8')).map((d) => d.toJS() as KubeObject);
const ro = objects.find((o): o is Rollout => o.kind === 'Rollout') as Rollout;
const runs = objects.filter((o): o is AnalysisRun => o.kind === 'AnalysisRun');
const infos = newestFirst(runsOfRollout(ro, runs).map(analysisRunInfo));

describe('AnalysisRuns of a Rollout', () => {
	it('lists only the runs the Rollout owns, newest first, with kind, glyph and the plugin’s INFO counters', () => {
		expect(infos.map((i) => [i.kind, `${i.glyph} ${i.phase}`, NOW - (i.createdAt ?? 0), i.counts])).toEqual([
			['PrePromotion', '⚠ Error', 240_000, ''],
			['Step 1', '✔ Successful', 300_000, '✔ 1,✖ 1'],
			['Background', '? Inconclusive', 600_000, '✔ 4,✖ 4,? 1,⚠ 1'],
		]);
	});

	it('a spec that cannot be read is an Error phase naming the field, not a crash', () => {
		expect(infos[0].message).toBe('invalid AnalysisRun: metrics[0].successCondition does not parse: Unexpected end of expression: result[0] <');
		expect(infos[0].metrics).toEqual([]);
	});

	it('per metric: last values with their age, conditions, limits with Argo’s defaults, dry run, message', () => {
		const background = infos[2].metrics[0];
		expect(background).toMatchObject({
			name: 'error-rate',
			phase: 'Inconclusive',
			successCondition: 'result[0] < 0.01',
			failureCondition: 'result[0] > 0.05',
			limits: { failureLimit: 5, inconclusiveLimit: 1, consecutiveErrorLimit: 4, consecutiveSuccessLimit: 0 },
			interval: '30s',
			failed: 4,
		});
		expect(background.limits.count).toBeUndefined();
		expect(background.measurements.map((m) => [m.value, NOW - (m.at ?? 0)])).toEqual([
			['[0.004]', 120_000],
			['[0.031]', 30_000],
		]);
		const [p95, gpu] = infos[1].metrics;
		expect(p95).toMatchObject({ dryRun: false, limits: { count: 1, failureLimit: 0 } });
		expect(gpu).toMatchObject({ dryRun: true, phase: 'Failed', message: 'Metric assessed Failed due to failed (1) > failureLimit (0)' });
	});

	it('the workloads column: the newest revision’s worst run names its metric', () => {
		expect(compactAnalysis(infos)).toBe('⚠ Error');
		expect(compactAnalysis(infos.slice(1))).toBe('? error-rate');
		expect(compactAnalysis(infos.slice(1, 2))).toBe('✔ 1/1');
		const running = { ...infos[1], phase: 'Running', metrics: [infos[1].metrics[0], { ...infos[1].metrics[0], name: 'p99', phase: 'Running' }] };
		expect(compactAnalysis([running])).toBe('◌ 1/2');
	});

	it('the Rollout’s own pointers to its runs', () => {
		expect(rolloutRunStatuses(ro)).toEqual([
			{ label: 'step', name: 'ranker-5d8f7c9b4-4-1', status: 'Successful' },
			{
				label: 'background',
				name: 'ranker-5d8f7c9b4-4',
				status: 'Inconclusive',
				message: 'Metric "error-rate" assessed Inconclusive due to inconclusive (2) > inconclusiveLimit (1)',
			},
		]);
	});
});

describe('malformed AnalysisRuns from a cluster', () => {
	it.each<[string, unknown]>([
		['no spec', undefined],
		['metrics not a list', { metrics: 'p99' }],
		['a metric without a name', { metrics: [{ provider: { prometheus: { query: 'up' } } }] }],
		['a limit that is not a number', { metrics: [{ name: 'm', failureLimit: 'x', provider: { prometheus: {} } }] }],
	])('%s: Error phase with the reason', (_, spec) => {
		const run = { kind: 'AnalysisRun', metadata: { name: 'bad' }, spec, status: { phase: 'Running', metricResults: { not: 'a list' } } } as unknown as AnalysisRun;
		const info = analysisRunInfo(run);
		expect(info.phase).toBe('Error');
		expect(info.message).toMatch(/^invalid AnalysisRun: /);
		expect(info.counts).toBe('');
	});
});
