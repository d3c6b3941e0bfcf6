// Load-balancing policies in the simulator, on a workload with one replica at half speed: the
// effect shows in per-replica RPS and latency; `:lb` changes it while the simulator runs.
import { describe, expect, it } from 'vitest';
import { lbWeights, parseLbPolicy } from '../../source/domain/load-balancing';
import type { ReplicaSample } from '../../source/domain/metrics';
import { mean, samples, simulator } from './helpers';

const NS = 'llm-serving';
const NAME = 'mistral-7b-chat';

/** The slow replica and the others, averaged over 30 s after the split settled. */
function observe(sim: ReturnType<typeof simulator>): { slow: Record<string, number>; others: Record<string, number> } {
	const slowPod = samples(sim, NAME, NS).reduce((a, b) => ((a.values.gpuUtil ?? 0) / (a.values.rps || 1) > (b.values.gpuUtil ?? 0) / (b.values.rps || 1) ? a : b)).pod;
	const acc: { slow: ReplicaSample[]; others: ReplicaSample[] } = { slow: [], others: [] };
	for (let s = 0; s < 30; s++) {
		sim.advance(1000);
		for (const sample of samples(sim, NAME, NS)) (sample.pod === slowPod ? acc.slow : acc.others).push(sample);
	}
	const summary = (list: ReplicaSample[]) => ({ rps: mean(list.map((x) => x.values.rps)), p99: mean(list.map((x) => x.values.p99)), errorRate: mean(list.map((x) => x.values.errorRate)) });
	return { slow: summary(acc.slow), others: summary(acc.others) };
}

describe('load balancing', () => {
	it.each([
		['round-robin', [1, 1, 1]],
		['least-request', [6, 12, 12]],
		['weighted', [12, 12, 24]],
	] as const)('%s weights', (policy, weights) => {
		expect(lbWeights(policy, [{ actual: 6, nominal: 12 }, { actual: 12, nominal: 12 }, { actual: 12, nominal: 24 }])).toEqual(weights);
	});

	it('an unknown policy is one clear line', () => {
		expect(parseLbPolicy('random')).toEqual({ error: "unknown load-balancing policy 'random' (expected round-robin, least-request, weighted)" });
		expect(parseLbPolicy('Least-Request')).toBe('least-request');
	});

	it('round-robin overloads the slow replica; least-request shields it', () => {
		const sim = simulator('slow-replica');
		sim.advance(5000);
		const rr = observe(sim);
		// Same share each: the half-speed replica runs at ~140 % of its capacity and sheds.
		expect(rr.slow.rps).toBeLessThan(rr.others.rps);
		expect(rr.slow.p99).toBeGreaterThan(rr.others.p99 * 2);
		expect(rr.slow.errorRate).toBeGreaterThan(5);

		expect(sim.setLoadBalancing!(NS, NAME, 'least-request')).toBeNull();
		const lr = observe(sim);
		expect(lr.slow.rps).toBeLessThan(lr.others.rps * 0.6);
		expect(lr.slow.errorRate).toBeLessThan(1);
		expect(lr.slow.p99).toBeLessThan(rr.slow.p99 / 2);
		// The others carry what the slow one no longer does.
		expect(lr.others.rps).toBeGreaterThan(rr.others.rps);
	});

	it('weighted is blind to a slow replica of the same size', () => {
		const sim = simulator('slow-replica');
		expect(sim.setLoadBalancing!(NS, NAME, 'weighted')).toBeNull();
		sim.advance(5000);
		expect(observe(sim).slow.errorRate).toBeGreaterThan(5);
		expect(sim.setLoadBalancing!(NS, 'nope', 'weighted')).toBe(`the simulator has no workload ${NS}/nope`);
	});
});
