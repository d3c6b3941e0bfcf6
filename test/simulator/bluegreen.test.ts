import { describe, expect, it } from 'vitest';
import { createSimulator, loadScenario } from '../../source/sources/simulator';
import { advanceUntil, BLUE_GREEN, NS, promote, replicaSets, rollout, samples, simulator, sum } from './helpers';

describe('blue-green rollout (default scenario)', () => {
	it('brings up the preview, waits for promotion, then switches the active service', async () => {
		const sim = simulator();
		const before = rollout(sim, BLUE_GREEN).status ?? {};
		advanceUntil(sim, () => rollout(sim, BLUE_GREEN).status?.phase === 'Paused', 120_000, 'BlueGreenPause');
		const waiting = rollout(sim, BLUE_GREEN).status ?? {};
		expect(waiting.message).toBe('BlueGreenPause');
		expect(waiting.blueGreen?.activeSelector).toBe(before.blueGreen?.activeSelector);
		expect(waiting.blueGreen?.previewSelector).toBe(waiting.currentPodHash);
		expect(waiting.readyReplicas).toBe(12);
		// Traffic goes to the active side only.
		expect(sum(samples(sim, BLUE_GREEN, NS, waiting.currentPodHash).map((s) => s.values.rps))).toBe(0);
		expect(sum(samples(sim, BLUE_GREEN, NS, waiting.blueGreen?.activeSelector).map((s) => s.values.rps))).toBeCloseTo(sim.offeredLoad(NS, BLUE_GREEN), 6);

		await promote(sim, BLUE_GREEN);
		sim.advance(2000);
		const promoted = rollout(sim, BLUE_GREEN).status ?? {};
		expect(promoted.blueGreen?.activeSelector).toBe(waiting.currentPodHash);
		expect(promoted.stableRS).toBe(waiting.currentPodHash);
		expect(promoted.phase).toBe('Healthy');
		expect(sum(samples(sim, BLUE_GREEN, NS, waiting.currentPodHash).map((s) => s.values.rps))).toBeCloseTo(sim.offeredLoad(NS, BLUE_GREEN), 6);
		// The old stack stays for scaleDownDelaySeconds (30 s), then scales to zero.
		const oldRS = () => replicaSets(sim, BLUE_GREEN, NS).find((rs) => rs.metadata.labels?.['rollouts-pod-template-hash'] === before.blueGreen?.activeSelector);
		expect(oldRS()?.spec.replicas).toBe(6);
		sim.advance(35_000);
		expect(oldRS()?.spec.replicas).toBe(0);
	});
});

describe('blue-green with autoPromotionSeconds', () => {
	it('pauses, then promotes itself once the seconds have passed', () => {
		const scenario = loadScenario('default');
		const workload = scenario.workloads.find((w) => w.name === BLUE_GREEN);
		if (!workload) throw new Error('no blue-green workload');
		workload.blueGreen = { autoPromotionEnabled: true, autoPromotionSeconds: 20 };
		const sim = createSimulator(scenario, { seed: 7 });
		advanceUntil(sim, () => rollout(sim, BLUE_GREEN).status?.phase === 'Paused', 120_000, 'BlueGreenPause');
		const paused = sim.now();
		const target = rollout(sim, BLUE_GREEN).status?.currentPodHash;
		advanceUntil(sim, () => rollout(sim, BLUE_GREEN).status?.blueGreen?.activeSelector === target, 60_000, 'auto-promoted');
		expect(sim.now() - paused).toBeGreaterThanOrEqual(20_000);
		expect(sim.now() - paused).toBeLessThanOrEqual(22_000);
	});
});
