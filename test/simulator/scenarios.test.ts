import { describe, expect, it } from 'vitest';
import type { Pod } from '../../source/domain/k8s';
import { createSimulator, generateScenario } from '../../source/sources/simulator';
import { advanceUntil, CANARY, NS, pods, rollout, simulator } from './helpers';

function canaryPods(sim: ReturnType<typeof simulator>, name: string): Pod[] {
	const hash = rollout(sim, name).status?.currentPodHash;
	return pods(sim, name, NS).filter((p) => p.metadata.labels?.['rollouts-pod-template-hash'] === hash);
}

describe('scenarios', () => {
	it('canary-pass walks all its steps to Healthy on its own', () => {
		const sim = simulator('canary-pass');
		sim.advance(5000);
		const target = rollout(sim).status?.currentPodHash;
		advanceUntil(sim, () => rollout(sim).status?.stableRS === target && rollout(sim).status?.phase === 'Healthy', 600_000, 'healthy');
		const events = sim.store.list('Event').map((e) => e.kind === 'Event' && e.reason);
		expect(events).toEqual(expect.arrayContaining(['RolloutUpdated', 'RolloutStepCompleted', 'RolloutCompleted', 'ScalingReplicaSet']));
	});

	it('crashloop-canary: the canary pod crash-loops with growing back-off and the rollout stays at step 0', () => {
		const sim = simulator('crashloop-canary');
		advanceUntil(sim, () => (canaryPods(sim, CANARY)[0]?.status?.containerStatuses?.[0]?.restartCount ?? 0) >= 3, 300_000, 'three restarts');
		const status = canaryPods(sim, CANARY)[0].status?.containerStatuses?.[0];
		advanceUntil(sim, () => canaryPods(sim, CANARY)[0]?.status?.containerStatuses?.[0]?.state?.waiting?.reason === 'CrashLoopBackOff', 120_000, 'back-off');
		const waiting = canaryPods(sim, CANARY)[0].status?.containerStatuses?.[0]?.state?.waiting;
		expect(waiting?.message).toMatch(/^back-off (40|80)s restarting failed container=vllm pod=/);
		expect(status?.lastState?.terminated).toMatchObject({ reason: 'Error', exitCode: 1 });
		expect(rollout(sim).status?.currentStepIndex).toBe(0);
		expect(rollout(sim).status?.canary?.weights?.canary.weight).toBe(0);
		expect(sim.store.list('Event').some((e) => e.kind === 'Event' && e.reason === 'BackOff' && e.type === 'Warning')).toBe(true);
	});

	it('gpu-memory-pressure: loaded canary pods are OOM-killed and restart', () => {
		const sim = simulator('gpu-memory-pressure');
		const name = 'qwen-2-5-7b-support';
		advanceUntil(
			sim,
			() => canaryPods(sim, name).some((p) => p.status?.containerStatuses?.[0]?.lastState?.terminated?.reason === 'OOMKilled'),
			300_000,
			'an OOMKilled canary pod',
		);
		const killed = canaryPods(sim, name).find((p) => p.status?.containerStatuses?.[0]?.lastState?.terminated?.reason === 'OOMKilled');
		expect(killed?.status?.containerStatuses?.[0]?.lastState?.terminated?.exitCode).toBe(137);
		expect(killed?.status?.containerStatuses?.[0]?.restartCount).toBeGreaterThanOrEqual(1);
		expect(sim.store.list('Event').some((e) => e.kind === 'Event' && e.reason === 'OOMKilling' && e.involvedObject.kind === 'Node')).toBe(true);
		// The stable version, with the smaller KV cache, is never killed.
		const stableHash = rollout(sim, name).status?.stableRS;
		const stable = pods(sim, name, NS).filter((p) => p.metadata.labels?.['rollouts-pod-template-hash'] === stableHash);
		expect(stable.every((p) => p.status?.containerStatuses?.[0]?.restartCount === 0)).toBe(true);
	});

	it('a pod that fits nowhere stays Pending with PodScheduled=False and a FailedScheduling event', async () => {
		const sim = simulator();
		await sim.patch({ target: { kind: 'Deployment', namespace: 'code-assist', name: 'codestral-22b' }, subresource: 'scale', patchType: 'merge', body: { spec: { replicas: 12 } } });
		sim.advance(3000);
		const pending = pods(sim, 'codestral-22b', 'code-assist').filter((p) => p.status?.phase === 'Pending' && !p.spec.nodeName);
		expect(pending.length).toBeGreaterThan(0);
		expect(pending[0].status?.conditions?.[0]).toMatchObject({ type: 'PodScheduled', status: 'False', reason: 'Unschedulable' });
		expect(pending[0].status?.conditions?.[0]?.message).toMatch(/^0\/8 nodes are available: \d+ Insufficient nvidia\.com\/gpu/);
		expect(sim.store.list('Event').some((e) => e.kind === 'Event' && e.reason === 'FailedScheduling')).toBe(true);
	});

	it('generateScenario builds a cluster where every replica fits', () => {
		const scenario = generateScenario({ workloads: 40, replicas: 600, seed: 3 });
		expect(scenario.workloads).toHaveLength(40);
		expect(scenario.workloads.reduce((n, w) => n + w.replicas, 0)).toBe(600);
		const sim = createSimulator(scenario, { seed: 3 });
		const all = sim.store.list('Pod') as Pod[];
		expect(all).toHaveLength(600);
		expect(all.every((p) => p.spec.nodeName && p.status?.phase === 'Running')).toBe(true);
		expect(sim.truth()).toHaveLength(600);
		expect(generateScenario({ workloads: 40, replicas: 600, seed: 3 })).toEqual(scenario);
	});
});
