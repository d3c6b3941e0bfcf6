import { describe, expect, it } from 'vitest';
import { advanceUntil, CANARY, NS, patch, promote, replicaSets, rollout, samples, simulator, sum } from './helpers';

const STEPS = 7;

function weights(sim: ReturnType<typeof simulator>) {
	const w = rollout(sim).status?.canary?.weights;
	if (!w) throw new Error('no canary weights');
	return w;
}

describe('canary rollout (default scenario)', () => {
	it('reaches the indefinite pause at 10% within the first minute, with weights summing to 100', () => {
		const sim = simulator();
		for (let s = 0; s < 60; s++) {
			sim.advance(1000);
			const w = weights(sim);
			expect(w.canary.weight + w.stable.weight).toBe(100);
		}
		const status = rollout(sim).status ?? {};
		expect(status.currentStepIndex).toBe(1);
		expect(status.phase).toBe('Paused');
		expect(status.message).toBe('CanaryPauseStep');
		expect(status.controllerPause).toBe(true);
		expect(status.pauseConditions?.[0]?.reason).toBe('CanaryPauseStep');
		expect(weights(sim).canary.weight).toBe(10);
		expect(status.currentPodHash).not.toBe(status.stableRS);
	});

	it('sends the weighted share of traffic to the canary, and its p99 regresses', () => {
		const sim = simulator();
		advanceUntil(sim, () => rollout(sim).status?.phase === 'Paused', 90_000, 'canary paused');
		sim.advance(20_000);
		const { currentPodHash, stableRS } = rollout(sim).status ?? {};
		const canary = samples(sim, CANARY, NS, currentPodHash);
		const stable = samples(sim, CANARY, NS, stableRS);
		const canaryRps = sum(canary.map((s) => s.values.rps));
		const total = canaryRps + sum(stable.map((s) => s.values.rps));
		expect(total).toBeCloseTo(sim.offeredLoad(NS, CANARY), 6);
		expect(canaryRps / total).toBeCloseTo(0.1, 6);
		const p99 = (list: typeof canary) => sum(list.map((s) => s.values.p99)) / list.length;
		expect(p99(canary)).toBeGreaterThan(p99(stable) * 1.2);
	});

	it('promote walks the steps through timed pauses to a new stable version', async () => {
		const sim = simulator();
		advanceUntil(sim, () => rollout(sim).status?.phase === 'Paused', 90_000, 'first pause');
		const newHash = rollout(sim).status?.currentPodHash;
		await promote(sim);
		const seen = new Set<number>();
		advanceUntil(
			sim,
			() => {
				seen.add(rollout(sim).status?.currentStepIndex ?? -1);
				const w = weights(sim);
				expect(w.canary.weight + w.stable.weight).toBe(100);
				return rollout(sim).status?.phase === 'Healthy';
			},
			600_000,
			'rollout healthy',
		);
		expect([...seen].filter((i) => i >= 2)).toEqual(expect.arrayContaining([2, 3, 4, 5, 6, STEPS]));
		const status = rollout(sim).status ?? {};
		expect(status.stableRS).toBe(newHash);
		expect(status.currentStepIndex).toBe(STEPS);
		expect(weights(sim).stable).toMatchObject({ podTemplateHash: newHash, weight: 100 });
		// The old stable stack goes away after the scale-down delay.
		sim.advance(40_000);
		const old = replicaSets(sim, CANARY, NS).filter((rs) => rs.metadata.labels?.['rollouts-pod-template-hash'] !== newHash);
		expect(old.every((rs) => rs.spec.replicas === 0)).toBe(true);
		expect(sum(samples(sim, CANARY, NS, newHash).map((s) => s.values.rps))).toBeCloseTo(sim.offeredLoad(NS, CANARY), 6);
	});

	it('promote with currentStepIndex skips a step that is still waiting', async () => {
		const sim = simulator();
		sim.advance(5000);
		expect(rollout(sim).status?.currentStepIndex).toBe(0);
		await patch(sim, {
			target: { kind: 'Rollout', namespace: NS, name: CANARY },
			subresource: 'status',
			patchType: 'merge',
			body: { status: { pauseConditions: null, currentStepIndex: 1 } },
		});
		sim.advance(1000);
		expect(rollout(sim).status?.currentStepIndex).toBeGreaterThanOrEqual(1);
	});

	it('abort returns all traffic to stable and marks the rollout Degraded; retry restarts the steps', async () => {
		const sim = simulator();
		advanceUntil(sim, () => rollout(sim).status?.phase === 'Paused', 90_000, 'first pause');
		await promote(sim);
		advanceUntil(sim, () => weights(sim).canary.weight === 25, 120_000, 'weight 25');
		await patch(sim, { target: { kind: 'Rollout', namespace: NS, name: CANARY }, subresource: 'status', patchType: 'merge', body: { status: { abort: true } } });
		sim.advance(2000);
		const status = rollout(sim).status ?? {};
		expect(status.phase).toBe('Degraded');
		expect(status.message).toMatch(/^RolloutAborted: Rollout aborted update to revision \d+$/);
		expect(status.currentStepIndex).toBe(0);
		expect(weights(sim).canary.weight).toBe(0);
		const stable = samples(sim, CANARY, NS, status.stableRS);
		expect(sum(stable.map((s) => s.values.rps))).toBeCloseTo(sim.offeredLoad(NS, CANARY), 6);
		expect(sum(samples(sim, CANARY, NS, status.currentPodHash).map((s) => s.values.rps))).toBe(0);
		sim.advance(40_000);
		const canaryRS = replicaSets(sim, CANARY, NS).find((rs) => rs.metadata.labels?.['rollouts-pod-template-hash'] === status.currentPodHash);
		expect(canaryRS?.spec.replicas).toBe(0);

		await patch(sim, { target: { kind: 'Rollout', namespace: NS, name: CANARY }, subresource: 'status', patchType: 'merge', body: { status: { abort: false } } });
		advanceUntil(sim, () => rollout(sim).status?.phase === 'Paused', 120_000, 'paused again after retry');
		expect(rollout(sim).status?.currentStepIndex).toBe(1);
		expect(weights(sim).canary.weight).toBe(10);
	});

	it('promoteFull skips the remaining steps', async () => {
		const sim = simulator();
		advanceUntil(sim, () => rollout(sim).status?.phase === 'Paused', 90_000, 'first pause');
		const newHash = rollout(sim).status?.currentPodHash;
		await patch(sim, { target: { kind: 'Rollout', namespace: NS, name: CANARY }, subresource: 'status', patchType: 'merge', body: { status: { promoteFull: true } } });
		advanceUntil(sim, () => rollout(sim).status?.stableRS === newHash, 180_000, 'fully promoted');
		expect(rollout(sim).status?.promoteFull).toBeUndefined();
	});

	it('spec.paused halts the steps until unpaused', async () => {
		const sim = simulator();
		advanceUntil(sim, () => rollout(sim).status?.phase === 'Paused', 90_000, 'first pause');
		await patch(sim, { target: { kind: 'Rollout', namespace: NS, name: CANARY }, patchType: 'merge', body: { spec: { paused: true } } });
		await promote(sim);
		sim.advance(30_000);
		expect(rollout(sim).status?.currentStepIndex).toBe(1);
		expect(rollout(sim).status?.message).toBe('manually paused');
		await patch(sim, { target: { kind: 'Rollout', namespace: NS, name: CANARY }, patchType: 'merge', body: { spec: { paused: false } } });
		advanceUntil(sim, () => (rollout(sim).status?.currentStepIndex ?? 0) >= 2, 10_000, 'step 2');
	});

	it('undo (JSON patch with the previous template) rolls back to the stable version at once', async () => {
		const sim = simulator();
		advanceUntil(sim, () => rollout(sim).status?.phase === 'Paused', 90_000, 'first pause');
		const { stableRS, currentPodHash } = rollout(sim).status ?? {};
		const previous = replicaSets(sim, CANARY, NS).find((rs) => rs.metadata.labels?.['rollouts-pod-template-hash'] === stableRS);
		const template = structuredClone(previous?.spec.template ?? {});
		delete template.metadata?.labels?.['rollouts-pod-template-hash'];
		await patch(sim, { target: { kind: 'Rollout', namespace: NS, name: CANARY }, patchType: 'json', body: [{ op: 'replace', path: '/spec/template', value: template }] });
		sim.advance(3000);
		const after = rollout(sim);
		expect(after.spec.template?.spec?.containers?.[0]?.image).toBe('vllm/vllm-openai:v0.6.3');
		expect(after.status?.currentPodHash).toBe(stableRS);
		expect(after.status?.currentStepIndex).toBe(STEPS);
		expect(after.status?.phase).toBe('Healthy');
		expect(weights(sim).canary.weight).toBe(0);
		const canaryRS = replicaSets(sim, CANARY, NS).find((rs) => rs.metadata.labels?.['rollouts-pod-template-hash'] === currentPodHash);
		expect(canaryRS?.spec.replicas).toBe(0);
		// As upstream, the reused ReplicaSet moves to the newest revision.
		const revisions = replicaSets(sim, CANARY, NS).map((rs) => Number(rs.metadata.annotations?.['rollout.argoproj.io/revision']));
		expect(Number(previous && replicaSets(sim, CANARY, NS).find((rs) => rs.metadata.name === previous.metadata.name)?.metadata.annotations?.['rollout.argoproj.io/revision'])).toBe(Math.max(...revisions));
	});

	it('restartAt replaces every pod, one at a time', async () => {
		const sim = simulator('canary-pass');
		advanceUntil(sim, () => rollout(sim).status?.phase === 'Healthy' && rollout(sim).status?.stableRS === rollout(sim).status?.currentPodHash && sim.now() > Date.parse('2026-01-01T00:03:00Z'), 600_000, 'canary-pass healthy');
		sim.advance(60_000);
		const restartAt = new Date(sim.now()).toISOString().replace('.000Z', 'Z');
		await patch(sim, { target: { kind: 'Rollout', namespace: NS, name: CANARY }, patchType: 'merge', body: { spec: { restartAt } } });
		sim.advance(3000);
		expect(rollout(sim).status?.message).toBe('rollout is restarting');
		advanceUntil(sim, () => rollout(sim).status?.restartedAt === restartAt, 900_000, 'restart complete');
		const { pods } = await import('./helpers');
		const live = pods(sim, CANARY, NS).filter((p) => !p.metadata.deletionTimestamp);
		expect(live).toHaveLength(8);
		expect(live.every((p) => Date.parse(p.metadata.creationTimestamp ?? '') >= Date.parse(restartAt))).toBe(true);
	});
});
