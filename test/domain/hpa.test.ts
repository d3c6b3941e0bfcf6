// The HPA's replica rule and `kubectl get hpa` TARGETS, as tables.
import { describe, expect, it } from 'vitest';
import { decideReplicas, formatTargets, hpaProblem, metricRecommendation, type Recommendation } from '../../source/domain/hpa';
import type { HorizontalPodAutoscaler, HpaMetricSpec, HpaMetricStatus } from '../../source/domain/k8s';

describe('one metric: ceil(current × current value ÷ target), 10 % tolerance', () => {
	it.each([
		[4, 100, 50, 8],
		[4, 54, 50, 4], // ratio 1.08: within tolerance
		[4, 55, 50, 5], // 55 ÷ 50 is 1.1000000000000001 in float64, as in the upstream controller: outside
		[4, 56, 50, 5], // ratio 1.12 → 4.48 → 5
		[4, 45, 50, 4], // ratio 0.9: within tolerance
		[4, 44, 50, 4], // ratio 0.88 → 3.52 → 4 (ceil)
		[4, 20, 50, 2],
		[3, 0, 50, 0],
	])('%d replicas at %d vs target %d → %d', (current, value, target, desired) => {
		expect(metricRecommendation(current, { current: value, target })).toBe(desired);
	});
});

describe('a per-pod metric with pods that do not report (replica_calculator.go)', () => {
	it.each([
		['all report: ceil(ratio × reporting pods)', { values: [10, 10, 10, 10], unready: 0, missing: 0, target: 5 }, 4, 8],
		['scale-up: Pending pods count as 0, so no overshoot', { values: [16, 16], unready: 2, missing: 0, target: 8 }, 4, 4],
		['scale-up: Pending pods at 0 still leave a real need', { values: [24, 24], unready: 2, missing: 0, target: 8 }, 4, 6],
		['scale-down: missing pods count as the target', { values: [2, 2], unready: 0, missing: 2, target: 8 }, 4, 3],
		['a recomputed ratio that flips direction means no change', { values: [9, 9], unready: 0, missing: 6, target: 8 }, 8, 8],
		['scale-down with Pending pods: they are ignored', { values: [4, 4], unready: 2, missing: 0, target: 8 }, 4, 1],
	])('%s', (_, reading, current, desired) => {
		expect(metricRecommendation(current, reading)).toBe(desired);
	});
});

describe('a sync: max over metrics, scale-down stabilised over 300 s, limits', () => {
	const base = { minReplicas: 2, maxReplicas: 10, history: [] as Recommendation[], now: 1_000_000 };
	it.each([
		['the highest metric wins', { currentReplicas: 4, readings: [{ current: 25, target: 50 }, { current: 75, target: 50 }] }, 6, undefined],
		['scale-up is capped at max(2 × current, 4) per sync', { currentReplicas: 2, readings: [{ current: 500, target: 50 }] }, 4, 'ScaleUpLimit'],
		['clamped to max', { currentReplicas: 8, readings: [{ current: 100, target: 50 }] }, 10, 'TooManyReplicas'],
		['clamped to min', { currentReplicas: 3, readings: [{ current: 1, target: 50 }] }, 2, 'TooFewReplicas'],
		['no metrics: unchanged', { currentReplicas: 5, readings: [] }, 5, undefined],
	] as const)('%s', (_, input, desired, limited) => {
		const decision = decideReplicas({ ...base, ...input, readings: [...input.readings] });
		expect(decision.desired).toBe(desired);
		expect(decision.limited).toBe(limited);
	});

	it('holds a scale-down at the highest recommendation of the last 300 s, then follows it', () => {
		const history: Recommendation[] = [{ at: base.now - 200_000, replicas: 8 }];
		const held = decideReplicas({ ...base, history, currentReplicas: 8, readings: [{ current: 20, target: 50 }] });
		expect(held).toMatchObject({ desired: 8, proposed: 4, stabilized: true });
		const later = decideReplicas({ ...base, history: held.history, now: base.now + 101_000, currentReplicas: 8, readings: [{ current: 20, target: 50 }] });
		expect(later).toMatchObject({ desired: 4, stabilized: false });
	});
});

const hpa = (metrics: HpaMetricSpec[] | undefined, current?: HpaMetricStatus[]): HorizontalPodAutoscaler => ({
	kind: 'HorizontalPodAutoscaler',
	metadata: { name: 'chat', namespace: 'llm' },
	spec: { scaleTargetRef: { kind: 'Rollout', name: 'chat' }, minReplicas: 2, maxReplicas: 8, metrics },
	status: { currentMetrics: current },
});
const cpu = (target: number): HpaMetricSpec => ({ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: target } } });
const cpuNow = (value: number): HpaMetricStatus => ({ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: value } } });
const pods = (target: string): HpaMetricSpec => ({ type: 'Pods', pods: { metric: { name: 'rps' }, target: { type: 'AverageValue', averageValue: target } } });
const podsNow = (value: string): HpaMetricStatus => ({ type: 'Pods', pods: { metric: { name: 'rps' }, current: { averageValue: value } } });
const external = (target: string): HpaMetricSpec => ({ type: 'External', external: { metric: { name: 's0-prometheus' }, target: { type: 'AverageValue', averageValue: target } } });

describe('TARGETS as kubectl get hpa prints it', () => {
	it.each([
		['utilization', hpa([cpu(70)], [cpuNow(45)]), 'cpu: 45%/70%'],
		['no current value yet', hpa([cpu(70)]), 'cpu: <unknown>/70%'],
		['pods average value', hpa([pods('10')], [podsNow('12')]), '12/10'],
		['external average value', hpa([external('10')], [{ type: 'External', external: { metric: { name: 's0-prometheus' }, current: { averageValue: '3' } } }]), '3/10 (avg)'],
		['no metrics', hpa([]), '<none>'],
		['more than two', hpa([cpu(70), pods('10'), pods('5'), pods('1')], [cpuNow(45)]), 'cpu: 45%/70%, <unknown>/10 + 2 more...'],
	])('%s → %s', (_, object, text) => expect(formatTargets(object)).toBe(text));
});

describe('malformed HPAs from a cluster are named, never trusted', () => {
	it.each([
		[{ scaleTargetRef: { name: 'x' }, maxReplicas: 0 }, 'spec.maxReplicas must be a whole number ≥ 1'],
		[{ maxReplicas: 3 }, 'spec.scaleTargetRef.name is missing'],
		[{ scaleTargetRef: { name: 'x' }, maxReplicas: 3, minReplicas: 5 }, 'spec.minReplicas must be a whole number ≤ maxReplicas'],
		[{ scaleTargetRef: { name: 'x' }, maxReplicas: 3, metrics: 'cpu' }, 'spec.metrics must be a list'],
		[{ scaleTargetRef: { name: 'x' }, maxReplicas: 3 }, null],
	])('%j → %s', (spec, problem) => {
		expect(hpaProblem({ kind: 'HorizontalPodAutoscaler', metadata: { name: 'h' }, spec } as unknown as HorizontalPodAutoscaler)).toBe(problem);
	});
});
