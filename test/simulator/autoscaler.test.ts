// The simulator's HPA on the traffic-spike scenario: it scales out with the spike, stalls on GPU
// capacity with Pending replicas and the scheduler's reason, and scales back in after the spike,
// held by the 300 s scale-down stabilisation; the same seed gives the same story.
import { describe, expect, it } from 'vitest';
import type { HorizontalPodAutoscaler, KubeEvent, Pod } from '../../source/domain/k8s';
import { rollout, simulator } from './helpers';

const NS = 'llm-serving';
const NAME = 'llama-3-1-8b-chat';
const hpa = (sim: ReturnType<typeof simulator>) => sim.store.get({ kind: 'HorizontalPodAutoscaler', namespace: NS, name: NAME }) as HorizontalPodAutoscaler;
const unscheduled = (sim: ReturnType<typeof simulator>) => (sim.store.list('Pod', NS) as Pod[]).filter((p) => p.status?.phase === 'Pending' && !p.spec.nodeName);
const reason = (h: HorizontalPodAutoscaler, type: string) => h.status?.conditions?.find((c) => c.type === type)?.reason;

/** Replica counts the HPA set, one per minute of simulated time, with what it said. */
function story(seed: number): string[] {
	const sim = simulator('traffic-spike', seed);
	const lines: string[] = [];
	for (let minute = 1; minute <= 20; minute++) {
		sim.advance(60_000);
		const h = hpa(sim);
		lines.push(`${minute}m ${h.status?.currentReplicas}→${h.status?.desiredReplicas} ${reason(h, 'AbleToScale')} ${reason(h, 'ScalingLimited')} pending=${unscheduled(sim).length}`);
	}
	return lines;
}

describe('the simulator autoscales traffic-spike', () => {
	it('holds 9 replicas before the spike (within the 10 % tolerance)', () => {
		const sim = simulator('traffic-spike');
		sim.advance(50_000);
		expect(rollout(sim, NAME, NS).spec.replicas).toBe(9);
		expect(hpa(sim).status).toMatchObject({ currentReplicas: 9, desiredReplicas: 9 });
		expect(reason(hpa(sim), 'ScalingActive')).toBe('ValidMetricFound');
	});

	it('scales out with the spike, stalls on GPU capacity with Pending replicas and their reason, and scales back in', () => {
		const sim = simulator('traffic-spike');
		sim.advance(240_000);
		const peak = hpa(sim);
		expect(rollout(sim, NAME, NS).spec.replicas).toBeGreaterThan(20);
		expect(peak.status?.lastScaleTime).toBeDefined();
		// 3 nodes × 8 H100 = 24 GPUs, 4 held by the reranker: replicas beyond 20 cannot be placed.
		const pending = unscheduled(sim);
		expect(pending.length).toBeGreaterThan(0);
		const failed = (sim.store.list('Event', NS) as KubeEvent[]).find((e) => e.reason === 'FailedScheduling' && e.involvedObject.name === pending[0].metadata.name);
		expect(failed?.message).toMatch(/^0\/3 nodes are available: 3 Insufficient nvidia\.com\/gpu\. preemption: /);
		const rescales = (sim.store.list('Event', NS) as KubeEvent[]).filter((e) => e.reason === 'SuccessfulRescale');
		expect(rescales.some((e) => /^New size: \d+; reason: pods metric requests_per_second above target$/.test(e.message ?? ''))).toBe(true);

		// The spike ends at 10 min (ramp of 1 min); the recommendation falls, but the highest of the last 300 s holds.
		sim.advance(11 * 60_000 - sim.now() + Date.parse('2026-01-01T00:00:00Z') + 60_000);
		expect(rollout(sim, NAME, NS).spec.replicas).toBeGreaterThan(20);
		expect(reason(hpa(sim), 'AbleToScale')).toBe('ScaleDownStabilized');
		sim.advance(6 * 60_000);
		expect(rollout(sim, NAME, NS).spec.replicas).toBeLessThan(16);
		expect(unscheduled(sim)).toHaveLength(0);
		expect((sim.store.list('Event', NS) as KubeEvent[]).some((e) => e.reason === 'SuccessfulRescale' && e.message?.endsWith('reason: All metrics below target'))).toBe(true);
	});

	it('is deterministic: the same seed tells the same story', () => {
		expect(story(5)).toEqual(story(5));
	});
});

describe('an HPA whose target has no scale subresource', () => {
	it('reports FailedGetScale as the HPA controller does and the simulator keeps running', () => {
		const sim = simulator('traffic-spike');
		const pod = (sim.store.list('Pod', NS) as Pod[])[0];
		const name = 'scales-a-pod';
		sim.store.put({
			apiVersion: 'autoscaling/v2',
			kind: 'HorizontalPodAutoscaler',
			metadata: { name, namespace: NS },
			spec: { scaleTargetRef: { apiVersion: 'v1', kind: 'Pod', name: pod.metadata.name }, minReplicas: 2, maxReplicas: 4 },
		} as HorizontalPodAutoscaler);
		sim.advance(30_000);
		const status = (sim.store.get({ kind: 'HorizontalPodAutoscaler', namespace: NS, name }) as HorizontalPodAutoscaler).status;
		expect(status?.conditions).toEqual([
			expect.objectContaining({ type: 'AbleToScale', status: 'False', reason: 'FailedGetScale', message: "the HPA controller was unable to get the target's current scale: the server could not find the requested resource" }),
		]);
		expect(hpa(sim).status?.currentReplicas).toBeGreaterThan(0);
	});
});
