// autoscaling/v1 <-> v2 HPA conversion as the API server does it: the cpu utilization target is
// targetCPUUtilizationPercentage, everything v1 cannot say rides in annotations and comes back.
import { describe, expect, it } from 'vitest';
import type { HorizontalPodAutoscaler } from '../../source/domain/k8s';
import { asV2Hpa, toHpaV1 } from '../../source/serve/hpa-v1';

/** What the tests read of a v1 object. */
interface V1 {
	apiVersion: string;
	metadata: { annotations: Record<string, string> };
	spec: Record<string, unknown>;
	status: Record<string, unknown>;
}

const base: HorizontalPodAutoscaler = {
	apiVersion: 'autoscaling/v2',
	kind: 'HorizontalPodAutoscaler',
	metadata: { name: 'embed', namespace: 'llm', annotations: { team: 'search' } },
	spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'embed' }, minReplicas: 1, maxReplicas: 4 },
};

describe('autoscaling/v1 HorizontalPodAutoscaler conversion', () => {
	it('a cpu utilization target alone is targetCPUUtilizationPercentage, with no round-trip annotations', () => {
		const hpa = { ...base, spec: { ...base.spec, metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 60 } } }] }, status: { currentReplicas: 2, desiredReplicas: 3, currentMetrics: [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 42, averageValue: '210m' } } }] } };
		const v1 = toHpaV1(hpa) as unknown as V1;
		expect(v1.apiVersion).toBe('autoscaling/v1');
		expect(v1.spec).toEqual({ scaleTargetRef: base.spec.scaleTargetRef, minReplicas: 1, maxReplicas: 4, targetCPUUtilizationPercentage: 60 });
		expect(v1.status).toEqual({ currentReplicas: 2, desiredReplicas: 3, currentCPUUtilizationPercentage: 42 });
		// The reading keeps its raw value in the current-metrics annotation.
		expect(JSON.parse(v1.metadata.annotations['autoscaling.alpha.kubernetes.io/current-metrics'])).toEqual([{ type: 'Resource', resource: { name: 'cpu', currentAverageUtilization: 42, currentAverageValue: '210m' } }]);
		expect(v1.metadata.annotations['autoscaling.alpha.kubernetes.io/metrics']).toBeUndefined();
		expect(asV2Hpa(v1 as never)).toEqual(hpa);
	});

	it('other metrics, behavior and conditions go to annotations in the v1 shape and come back (the cpu target last)', () => {
		const pods = { type: 'Pods', pods: { metric: { name: 'requests_per_second' }, target: { type: 'AverageValue', averageValue: '10' } } };
		const cpu = { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } };
		const memory = { type: 'Resource', resource: { name: 'memory', target: { type: 'AverageValue', averageValue: '1Gi' } } };
		const external = { type: 'External', external: { metric: { name: 'queue_depth', selector: { matchLabels: { queue: 'a' } } }, target: { type: 'Value', value: '30' } } };
		const behavior = { scaleDown: { stabilizationWindowSeconds: 60, selectPolicy: 'Max', policies: [{ type: 'Pods', value: 1, periodSeconds: 30 }] } };
		const conditions = [{ type: 'ScalingActive', status: 'False', lastTransitionTime: '2026-01-01T00:00:00Z', reason: 'FailedGetResourceMetric', message: 'no metrics' }];
		const currentMetrics = [{ type: 'Pods', pods: { metric: { name: 'requests_per_second' }, current: { averageValue: '12' } } }];
		const hpa = { ...base, spec: { ...base.spec, metrics: [cpu, pods, memory, external], behavior }, status: { currentReplicas: 1, desiredReplicas: 2, currentMetrics, conditions } };
		const v1 = toHpaV1(hpa) as unknown as V1;
		const annotations = v1.metadata.annotations as Record<string, string>;
		expect(v1.spec.targetCPUUtilizationPercentage).toBe(70);
		expect(v1.status.currentCPUUtilizationPercentage).toBeUndefined();
		expect(annotations.team).toBe('search');
		expect(JSON.parse(annotations['autoscaling.alpha.kubernetes.io/metrics'])).toEqual([
			{ type: 'Pods', pods: { metricName: 'requests_per_second', targetAverageValue: '10' } },
			{ type: 'Resource', resource: { name: 'memory', targetAverageValue: '1Gi' } },
			{ type: 'External', external: { metricName: 'queue_depth', metricSelector: { matchLabels: { queue: 'a' } }, targetValue: '30' } },
		]);
		expect(JSON.parse(annotations['autoscaling.alpha.kubernetes.io/current-metrics'])).toEqual([{ type: 'Pods', pods: { metricName: 'requests_per_second', currentAverageValue: '12' } }]);
		// The API server marshals its internal type here: Go field names, nil as null.
		expect(JSON.parse(annotations['autoscaling.alpha.kubernetes.io/behavior'])).toEqual({
			ScaleUp: null,
			ScaleDown: { StabilizationWindowSeconds: 60, SelectPolicy: 'Max', Policies: [{ Type: 'Pods', Value: 1, PeriodSeconds: 30 }] },
		});
		expect(JSON.parse(annotations['autoscaling.alpha.kubernetes.io/conditions'])).toEqual(conditions);

		const back = asV2Hpa(v1 as never);
		expect(back.metadata.annotations).toEqual({ team: 'search' });
		expect(back.spec).toEqual({ ...hpa.spec, metrics: [pods, memory, external, cpu] });
		expect(back.status).toEqual(hpa.status);
	});

	it('a v1 HPA without a cpu target or annotated metrics targets cpu at 80 %', () => {
		const v1 = { apiVersion: 'autoscaling/v1', kind: 'HorizontalPodAutoscaler', metadata: { name: 'embed' }, spec: { scaleTargetRef: base.spec.scaleTargetRef, maxReplicas: 2 } };
		expect(asV2Hpa(v1 as never).spec.metrics).toEqual([{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }]);
	});
});
