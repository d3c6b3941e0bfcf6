// rolltop's verdict, Flagger's counting: every failed check adds one, cumulative (not consecutive),
// reset by a new revision; FAIL at the threshold; too few samples or requests is never a pass.
import { describe, expect, it } from 'vitest';
import type { ReplicaSample } from '../../source/domain/metrics';
import { countRefresh, judgeCheck, judgeRefresh, sideStats, verdictState, type CheckOutcome, type VerdictCount } from '../../source/domain/verdict';
import { DEFAULT_VERDICT, readVerdictSpec, verdictSpecFor, VERDICT_ANNOTATION, type VerdictCheck } from '../../source/domain/verdict-spec';

const NOW = 1_000_000;
const sample = (values: ReplicaSample['values'], at = NOW): ReplicaSample => ({ namespace: 'ns', pod: `p${Math.random()}`, at, values });
const side = (...values: Array<ReplicaSample['values']>) => sideStats(values.map((v) => sample(v)), NOW);

describe('one check on one refresh', () => {
	const p99: VerdictCheck = { metric: 'p99', tolerance: 0.2 };
	const errors: VerdictCheck = { metric: 'errorRate', max: 1 };
	const gpu: VerdictCheck = { metric: 'gpuUtil', min: 10, max: 90 };
	it.each([
		['canary within the relative limit', p99, [{ p99: 1150, rps: 5 }], [{ p99: 1000, rps: 5 }], 'pass'],
		['canary exactly at the limit', p99, [{ p99: 1200, rps: 5 }], [{ p99: 1000, rps: 5 }], 'pass'],
		['canary over stable × 1.2', p99, [{ p99: 1300, rps: 5 }], [{ p99: 1000, rps: 5 }], 'fail'],
		['stable is the mean of its replicas', p99, [{ p99: 1300, rps: 5 }], [{ p99: 800, rps: 5 }, { p99: 1400, rps: 5 }], 'pass'],
		['absolute max exceeded, whatever stable does', errors, [{ errorRate: 1.5, rps: 5 }], [{ errorRate: 3, rps: 5 }], 'fail'],
		['absolute max needs no stable replica', errors, [{ errorRate: 0.5, rps: 5 }], [], 'pass'],
		['below the range minimum', gpu, [{ gpuUtil: 5, rps: 5 }], [], 'fail'],
		['no canary sample', p99, [], [{ p99: 1000, rps: 5 }], 'nodata'],
		['no stable sample for a relative check', p99, [{ p99: 3000, rps: 5 }], [], 'nodata'],
		['too few canary requests, even when far over the limit', p99, [{ p99: 9000, rps: 0.2 }], [{ p99: 1000, rps: 5 }], 'nodata'],
		['too few stable requests', p99, [{ p99: 1000, rps: 5 }], [{ p99: 1000, rps: 0.1 }], 'nodata'],
	] as const)('%s → %s', (_, check, canary, stable, expected) => {
		expect(judgeCheck(check, side(...canary), side(...stable), 0.5).status).toBe(expected);
	});

	it('stale samples do not count as data', () => {
		const stale = sideStats([sample({ p99: 5000, rps: 5 }, NOW - 60_000)], NOW);
		expect(judgeCheck(p99, stale, side({ p99: 1000, rps: 5 }), 0.5)).toMatchObject({ status: 'nodata', missing: 'no canary samples' });
	});
});

describe('counting failed checks over refreshes', () => {
	const outcomes = (...statuses: Array<CheckOutcome['status']>): CheckOutcome[] =>
		statuses.map((status) => ({ check: { metric: 'p99', tolerance: 0.2 }, status }));
	type Step = [revision: string, at: number, statuses: Array<CheckOutcome['status']>, failed: number, state: string];
	const run = (steps: Step[], threshold = 3) => {
		let count: VerdictCount | undefined;
		return steps.map(([revision, at, statuses]) => {
			count = countRefresh(count, revision, at, threshold, outcomes(...statuses));
			return [count.failedChecks, verdictState(count)];
		});
	};
	it.each<[string, Step[]]>([
		['each failed check adds one; FAIL at the threshold', [
			['a', 1, ['fail', 'pass'], 1, 'failing'],
			['a', 2, ['fail', 'fail'], 3, 'fail'],
		]],
		['cumulative, not consecutive: passes in between do not reset', [
			['a', 1, ['fail'], 1, 'failing'],
			['a', 2, ['pass'], 1, 'pass'],
			['a', 3, ['fail'], 2, 'failing'],
			['a', 4, ['pass'], 2, 'pass'],
			['a', 5, ['fail'], 3, 'fail'],
			['a', 6, ['pass'], 3, 'fail'],
		]],
		['a new revision starts again from zero', [
			['a', 1, ['fail', 'fail'], 2, 'failing'],
			['b', 2, ['pass'], 0, 'pass'],
			['b', 3, ['fail'], 1, 'failing'],
		]],
		['not enough data never passes and never counts', [
			['a', 1, ['nodata'], 0, 'nodata'],
			['a', 2, ['pass', 'nodata'], 0, 'nodata'],
			['a', 3, ['pass', 'pass'], 0, 'pass'],
		]],
		['the same refresh (no newer sample) is counted once', [
			['a', 5, ['fail'], 1, 'failing'],
			['a', 5, ['fail'], 1, 'failing'],
			['a', 4, ['fail'], 1, 'failing'],
			['a', 6, ['fail'], 2, 'failing'],
		]],
	])('%s', (_, steps) => {
		expect(run(steps)).toEqual(steps.map(([, , , failed, state]) => [failed, state]));
	});

	it('judges every configured check: the default spec checks p99, error rate and TTFT', () => {
		const canary = side({ p99: 13_000, errorRate: 0.1, ttft: 120, rps: 8 });
		const stable = side({ p99: 6_600, errorRate: 0.1, ttft: 110, rps: 8 });
		expect(judgeRefresh(DEFAULT_VERDICT, canary, stable).map((o) => [o.check.metric, o.status])).toEqual([
			['p99', 'fail'],
			['errorRate', 'pass'],
			['ttft', 'pass'],
		]);
	});
});

describe('verdict specs', () => {
	it('an annotation overrides the configured spec; a malformed one is reported and the config used', () => {
		const config = { defaults: DEFAULT_VERDICT, workloads: {} };
		const annotated = verdictSpecFor(config, 'ns/a', { [VERDICT_ANNOTATION]: '{"threshold":2,"checks":{"itl":{"tolerance":"10%"}}}' });
		expect(annotated.spec).toEqual({ threshold: 2, minRequestRate: DEFAULT_VERDICT.minRequestRate, checks: [{ metric: 'itl', tolerance: 0.1 }] });
		const broken = verdictSpecFor(config, 'ns/a', { [VERDICT_ANNOTATION]: '{"checks":{"p99":{"max":"fast"}}}' });
		expect(broken).toEqual({ spec: DEFAULT_VERDICT, problem: `annotation ${VERDICT_ANNOTATION}: checks.p99.max: expected a number` });
	});

	it('rejects unknown fields by name', () => {
		expect(readVerdictSpec({ treshold: 3 }, DEFAULT_VERDICT)).toEqual({ ok: false, problem: 'treshold: unknown field (expected one of threshold, minRequestRate, checks)' });
	});
});
