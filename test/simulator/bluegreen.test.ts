import { describe, expect, it } from 'vitest';
import type { AnalysisRun } from '../../source/domain/k8s';
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

describe('blue-green with pre- and post-promotion analysis', () => {
	const gpuUtil = (name: string, successCondition: string) => ({
		name,
		namespace: NS,
		spec: {
			args: [{ name: 'hash' }],
			metrics: [{ name: 'gpu-util', successCondition, provider: { prometheus: { query: `avg(DCGM_FI_DEV_GPU_UTIL{namespace="${NS}", rollouts_pod_template_hash="{{args.hash}}"})` } } }],
		},
	});
	const ref = (templateName: string) => ({ templates: [{ templateName }], args: [{ name: 'hash', valueFrom: { podTemplateHashValue: 'Latest' as const } }] });

	function withAnalysis(postCondition: string) {
		const scenario = loadScenario('default');
		scenario.analysisTemplates = [gpuUtil('preview-ok', 'result[0] < 95'), gpuUtil('active-check', postCondition)];
		const workload = scenario.workloads.find((w) => w.name === BLUE_GREEN);
		if (!workload) throw new Error('no blue-green workload');
		workload.blueGreen = { autoPromotionEnabled: true, prePromotionAnalysis: ref('preview-ok'), postPromotionAnalysis: ref('active-check') };
		return createSimulator(scenario, { seed: 7 });
	}
	const runOf = (sim: ReturnType<typeof withAnalysis>, type: string) =>
		(sim.store.list('AnalysisRun', NS) as AnalysisRun[]).find((r) => r.metadata.labels?.['rollout-type'] === type);

	it('switches after a successful pre-promotion run and becomes stable after a successful post-promotion run', () => {
		const sim = withAnalysis('result[0] < 100');
		const before = rollout(sim, BLUE_GREEN).status?.blueGreen?.activeSelector;
		advanceUntil(sim, () => runOf(sim, 'PrePromotion') !== undefined, 120_000, 'pre-promotion run');
		const hash = rollout(sim, BLUE_GREEN).status?.currentPodHash;
		expect(runOf(sim, 'PrePromotion')?.metadata.name).toBe(`${BLUE_GREEN}-${hash}-2-pre`);
		expect(rollout(sim, BLUE_GREEN).status?.blueGreen?.activeSelector).toBe(before);
		advanceUntil(sim, () => rollout(sim, BLUE_GREEN).status?.stableRS === hash, 30_000, 'stable after post-promotion analysis');
		expect(runOf(sim, 'PostPromotion')).toMatchObject({ metadata: { name: `${BLUE_GREEN}-${hash}-2-post` }, status: { phase: 'Successful' } });
		expect(rollout(sim, BLUE_GREEN).status?.blueGreen?.activeSelector).toBe(hash);
	});

	it('a failed post-promotion run aborts and switches the active service back to the old stable stack', () => {
		const sim = withAnalysis('result[0] < 1');
		const before = rollout(sim, BLUE_GREEN).status?.blueGreen?.activeSelector;
		advanceUntil(sim, () => rollout(sim, BLUE_GREEN).status?.abort === true, 180_000, 'abort');
		const status = rollout(sim, BLUE_GREEN).status;
		expect(runOf(sim, 'PrePromotion')?.status?.phase).toBe('Successful');
		expect(runOf(sim, 'PostPromotion')?.status?.phase).toBe('Failed');
		expect(status?.phase).toBe('Degraded');
		expect(status?.message).toBe(
			'RolloutAborted: Rollout aborted update to revision 2: Blue/green post-promotion analysis phase error/failed: Metric "gpu-util" assessed Failed due to failed (1) > failureLimit (0)',
		);
		expect(status?.blueGreen?.activeSelector).toBe(before);
		expect(status?.stableRS).toBe(before);
		sim.advance(2000);
		expect(sum(samples(sim, BLUE_GREEN, NS, before).map((s) => s.values.rps))).toBeCloseTo(sim.offeredLoad(NS, BLUE_GREEN), 6);
	});
});
