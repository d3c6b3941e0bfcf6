import { describe, expect, it } from 'vitest';
import { createSimulator, loadScenario } from '../../source/sources/simulator';
import { advanceUntil, deployment, mean, patch, pods, samples, simulator, sum } from './helpers';

const NS = 'search';
const NAME = 'bge-reranker-v2';

describe('traffic and scaling', () => {
	it('replica RPS sums to the offered load, every second', () => {
		const sim = simulator();
		for (let s = 0; s < 30; s++) {
			sim.advance(1000);
			for (const [ns, name] of [
				[NS, NAME],
				['code-assist', 'codestral-22b'],
				['llm-serving', 'llama-3-1-8b-chat'],
			]) {
				expect(sum(samples(sim, name, ns).map((x) => x.values.rps))).toBeCloseTo(sim.offeredLoad(ns, name), 6);
			}
		}
	});

	it('scaling out through the scale subresource adds pods and lowers per-replica load and p99', async () => {
		// Without its HPA, so the manual count stays (the autoscaler test covers the HPA).
		const { autoscaler: _, ...chat } = loadScenario('traffic-spike').workloads[0];
		const scenario = loadScenario('traffic-spike');
		const sim = createSimulator({ ...scenario, workloads: [chat, ...scenario.workloads.slice(1)] }, { seed: 7 });
		const name = 'llama-3-1-8b-chat';
		const ns = 'llm-serving';
		advanceUntil(sim, () => sim.now() >= Date.parse('2026-01-01T00:02:00Z'), 200_000, 'spike');
		const before = samples(sim, name, ns);
		expect(before).toHaveLength(9);
		// Offered load is beyond capacity: requests are shed as errors.
		expect(mean(before.map((s) => s.values.errorRate))).toBeGreaterThan(5);
		const loadBefore = mean(before.map((s) => s.values.rps));
		const utilBefore = mean(before.map((s) => s.values.gpuUtil));
		const p99Before = mean(before.map((s) => s.values.p99));

		await patch(sim, { target: { kind: 'Rollout', namespace: ns, name }, subresource: 'scale', patchType: 'merge', body: { spec: { replicas: 16 } } });
		advanceUntil(sim, () => samples(sim, name, ns).filter((s) => (s.values.rps ?? 0) > 0).length === 16, 180_000, '16 serving replicas');
		sim.advance(10_000);
		const after = samples(sim, name, ns);
		expect(pods(sim, name, ns).filter((p) => !p.metadata.deletionTimestamp)).toHaveLength(16);
		expect(mean(after.map((s) => s.values.rps))).toBeLessThan(loadBefore);
		expect(mean(after.map((s) => s.values.gpuUtil))).toBeLessThan(utilBefore - 10);
		expect(mean(after.map((s) => s.values.p99))).toBeLessThan(p99Before * 0.7);
		expect(mean(after.map((s) => s.values.errorRate))).toBeLessThan(1);
		expect(sum(after.map((s) => s.values.rps))).toBeCloseTo(sim.offeredLoad(ns, name), 6);
	});

	it('scaling out a Deployment below saturation spreads the load thinner', async () => {
		const sim = simulator();
		sim.advance(5000);
		const before = samples(sim, NAME, NS);
		await patch(sim, { target: { kind: 'Deployment', namespace: NS, name: NAME }, subresource: 'scale', patchType: 'merge', body: { spec: { replicas: 12 } } });
		advanceUntil(sim, () => deployment(sim, NAME, NS).status?.readyReplicas === 12, 120_000, '12 ready');
		sim.advance(5000);
		const after = samples(sim, NAME, NS);
		expect(after).toHaveLength(12);
		expect(mean(after.map((s) => s.values.rps))).toBeLessThan(mean(before.map((s) => s.values.rps)) * 0.8);
		expect(mean(after.map((s) => s.values.p99))).toBeLessThan(mean(before.map((s) => s.values.p99)));
	});

	it('scaling a Deployment in terminates surplus pods gracefully', async () => {
		const sim = simulator();
		await patch(sim, { target: { kind: 'Deployment', namespace: NS, name: NAME }, subresource: 'scale', patchType: 'merge', body: { spec: { replicas: 5 } } });
		sim.advance(1000);
		const terminating = pods(sim, NAME, NS).filter((p) => p.metadata.deletionTimestamp);
		expect(terminating).toHaveLength(3);
		advanceUntil(sim, () => pods(sim, NAME, NS).length === 5, 30_000, 'terminated pods gone');
		expect(deployment(sim, NAME, NS).status?.availableReplicas).toBe(5);
	});

	it('answers a bad scale request with 422 and a missing object with 404, without throwing', async () => {
		const sim = simulator();
		const bad = await sim.patch({ target: { kind: 'Deployment', namespace: NS, name: NAME }, subresource: 'scale', patchType: 'merge', body: { spec: { replicas: -1 } } });
		expect(bad.status).toBe(422);
		const missing = await sim.patch({ target: { kind: 'Rollout', namespace: NS, name: 'nope' }, subresource: 'status', patchType: 'merge', body: { status: { abort: true } } });
		expect(missing.status).toBe(404);
		expect(missing.message).toMatch(/not found/);
	});
});
