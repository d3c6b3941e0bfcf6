// Which autoscaler owns a workload: an HPA on it, or a KEDA ScaledObject through the HPA it made.
import { describe, expect, it } from 'vitest';
import { autoscalerOf, manualScaleWarning } from '../../source/domain/autoscaler';
import type { HorizontalPodAutoscaler, ScaledObject } from '../../source/domain/k8s';

const NOW = Date.parse('2026-01-01T01:00:00Z');
const chat = { kind: 'Rollout' as const, namespace: 'llm', name: 'chat' };

function hpa(name: string, target: { kind: string; name: string }, namespace = 'llm'): HorizontalPodAutoscaler {
	return {
		kind: 'HorizontalPodAutoscaler',
		metadata: { name, namespace },
		spec: { scaleTargetRef: target, minReplicas: 2, maxReplicas: 8, metrics: [{ type: 'External', external: { metric: { name: 's0-prometheus' }, target: { type: 'AverageValue', averageValue: '10' } } }] },
		status: {
			currentReplicas: 4,
			desiredReplicas: 6,
			lastScaleTime: '2026-01-01T00:57:00Z',
			currentMetrics: [{ type: 'External', external: { metric: { name: 's0-prometheus' }, current: { averageValue: '15' } } }],
			conditions: [{ type: 'ScalingLimited', status: 'False', reason: 'DesiredWithinRange' }],
		},
	};
}

describe('the autoscaler of a workload', () => {
	it('an HPA targeting it by kind and name in its namespace', () => {
		const found = autoscalerOf(chat, [hpa('other', { kind: 'Deployment', name: 'chat' }), hpa('chat-hpa', { kind: 'Rollout', name: 'chat' })], [], NOW);
		expect(found).toMatchObject({ title: 'hpa llm/chat-hpa', minReplicas: 2, maxReplicas: 8, currentReplicas: 4, desiredReplicas: 6, targets: '15/10 (avg)', lastScale: '3m ago' });
		expect(manualScaleWarning(found!)).toBe('hpa llm/chat-hpa owns the replica count (min 2, max 8): a manual scale is overridden at its next sync');
	});

	it('none in another namespace or for another kind', () => {
		expect(autoscalerOf(chat, [hpa('x', { kind: 'Rollout', name: 'chat' }, 'prod'), hpa('y', { kind: 'Deployment', name: 'chat' })], [], NOW)).toBeUndefined();
	});

	it('a KEDA ScaledObject, with the numbers of the keda-hpa-<name> HPA it created', () => {
		const so: ScaledObject = { kind: 'ScaledObject', metadata: { name: 'chat-so', namespace: 'llm' }, spec: { scaleTargetRef: { kind: 'Rollout', name: 'chat' }, minReplicaCount: 1 } };
		const found = autoscalerOf(chat, [hpa('keda-hpa-chat-so', { kind: 'Rollout', name: 'chat' })], [so], NOW);
		expect(found).toMatchObject({ title: 'scaledobject llm/chat-so (hpa keda-hpa-chat-so)', desiredReplicas: 6 });
	});

	it('a malformed HPA is named as such and nothing of it is trusted', () => {
		const broken = { ...hpa('chat', { kind: 'Rollout', name: 'chat' }), spec: { scaleTargetRef: { kind: 'Rollout', name: 'chat' }, maxReplicas: -1 } } as HorizontalPodAutoscaler;
		expect(autoscalerOf(chat, [broken], [], NOW)).toEqual({ title: 'hpa llm/chat', name: 'hpa chat', problem: 'malformed HorizontalPodAutoscaler: spec.maxReplicas must be a whole number ≥ 1', conditions: [] });
	});
});
