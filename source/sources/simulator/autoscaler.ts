// The HorizontalPodAutoscaler controller on the simulated clock: every sync period each HPA reads
// its Pods metric (each replica's request rate, what a custom-metrics adapter would serve),
// applies the domain's replica rule and writes the scale subresource, status and events as the
// upstream controller does.
import { rfc3339 } from '../../domain/format';
import { decideReplicas, HPA_SYNC_MS, hpaProblem, type HpaDecision, type LimitReason, type Recommendation } from '../../domain/hpa';
import type { Condition, HorizontalPodAutoscaler, HpaMetricSpec, HpaMetricStatus, ObjectRef } from '../../domain/k8s';
import { parseQuantity } from '../../domain/quantity';
import type { Workload as WorkloadObject } from '../../domain/replica-set';
import type { SimContext } from './context';
import { SCALABLE } from './object-store';
import { involvedOf } from './events';
import { uuid } from './random';
import type { Workload } from './scenario';

/** The one Pods metric the simulator's adapter serves. */
export const RPS_METRIC = 'requests_per_second';
export const UNSUPPORTED_METRIC_MESSAGE = `rolltop sim computes only the Pods metric ${RPS_METRIC}`;

const LIMIT_MESSAGES: Record<LimitReason, string> = {
	TooManyReplicas: 'the desired replica count is more than the maximum replica count',
	TooFewReplicas: 'the desired replica count is less than the minimum replica count',
	ScaleUpLimit: 'the desired replica count is increasing faster than the maximum scale rate',
};

/** A quantity as the API server prints it: whole numbers plain, anything else in milli-units. */
function quantity(value: number): string {
	return Number.isInteger(value) ? String(value) : `${Math.round(value * 1000)}m`;
}

export function hpaObject(ctx: SimContext, w: Workload, createdAt: number): HorizontalPodAutoscaler | undefined {
	const spec = w.autoscaler;
	if (!spec) return undefined;
	const rollout = w.strategy !== 'rolling';
	const metric: HpaMetricSpec = { type: 'Pods', pods: { metric: { name: RPS_METRIC }, target: { type: 'AverageValue', averageValue: quantity(spec.targetRequestsPerReplica) } } };
	return {
		apiVersion: 'autoscaling/v2',
		kind: 'HorizontalPodAutoscaler',
		metadata: { name: w.name, namespace: w.namespace, uid: uuid(ctx.random.names), creationTimestamp: rfc3339(createdAt) },
		spec: {
			scaleTargetRef: { apiVersion: rollout ? 'argoproj.io/v1alpha1' : 'apps/v1', kind: rollout ? 'Rollout' : 'Deployment', name: w.name },
			minReplicas: spec.minReplicas,
			maxReplicas: spec.maxReplicas,
			metrics: [metric],
		},
		status: { currentReplicas: w.replicas, desiredReplicas: w.replicas, currentMetrics: null, conditions: [] },
	};
}

function condition(previous: Condition[], type: string, status: string, reason: string, message: string, now: number): Condition {
	const before = previous.find((c) => c.type === type);
	const since = before && before.status === status ? before.lastTransitionTime : rfc3339(now);
	return { type, status, lastTransitionTime: since, reason, message };
}

export class HpaController {
	private readonly history = new Map<string, Recommendation[]>();
	private nextSyncAt = 0;

	run(ctx: SimContext): void {
		if (ctx.now < this.nextSyncAt) return;
		this.nextSyncAt = ctx.now + HPA_SYNC_MS;
		const hpas = ctx.store.list('HorizontalPodAutoscaler') as HorizontalPodAutoscaler[];
		// A deleted HPA's recommendations go with it (one re-created under its name starts afresh); its target keeps its replicas.
		const live = new Set(hpas.map((hpa) => `${hpa.metadata.namespace ?? ''}/${hpa.metadata.name}`));
		for (const key of this.history.keys()) if (!live.has(key)) this.history.delete(key);
		for (const hpa of hpas) this.sync(ctx, hpa);
	}

	/**
	 * The target's pods as the metrics pipeline sees them: Ready replicas report their request rate;
	 * Pending ones (unscheduled or creating) are unready; started but not Ready ones have no value yet.
	 */
	private podsOf(ctx: SimContext, kind: string, namespace: string, name: string): { values: number[]; unready: number; missing: number } {
		const workload = ctx.workload(kind, namespace, name);
		const pods = [...ctx.pods.values()].filter((p) => p.workload === workload && p.stage !== 'Terminating');
		return {
			values: pods.filter((p) => p.stage === 'Ready').map((p) => p.load),
			unready: pods.filter((p) => p.stage === 'Unscheduled' || p.stage === 'ContainerCreating').length,
			missing: pods.filter((p) => p.stage === 'Loading' || p.stage === 'BackOff').length,
		};
	}

	private sync(ctx: SimContext, hpa: HorizontalPodAutoscaler): void {
		if (hpaProblem(hpa)) return;
		const namespace = hpa.metadata.namespace ?? '';
		const { scaleTargetRef: ref, minReplicas = 1, maxReplicas, metrics = [] } = hpa.spec;
		const targetRef = { kind: ref.kind, namespace, name: ref.name } as ObjectRef;
		const target = ctx.store.get(targetRef) as WorkloadObject | undefined;
		const previous = hpa.status?.conditions ?? [];
		const now = ctx.now;
		// A kind without a scale subresource (a Pod, a Service …) answers the scale client 404 like a missing object.
		const problem = !target ? `${ref.kind?.toLowerCase()}s "${ref.name}" not found` : !SCALABLE.has(target.kind) ? 'the server could not find the requested resource' : undefined;
		if (!target || problem) {
			const missing = condition(previous, 'AbleToScale', 'False', 'FailedGetScale', `the HPA controller was unable to get the target's current scale: ${problem}`, now);
			return void ctx.store.put({ ...hpa, status: { ...hpa.status, conditions: [missing] } });
		}
		const current = target.spec.replicas ?? 1;
		const pods = this.podsOf(ctx, target.kind, namespace, ref.name);
		const value = pods.values.length ? pods.values.reduce((a, b) => a + b, 0) / pods.values.length : undefined;
		const supported = metrics.filter((m) => m.type === 'Pods' && m.pods?.metric.name === RPS_METRIC);
		const readings = value === undefined ? [] : supported.flatMap((m) => {
			const target = parseQuantity(m.pods?.target.averageValue);
			return target ? [{ ...pods, target }] : [];
		});
		const key = `${namespace}/${hpa.metadata.name}`;
		const decision = decideReplicas({ currentReplicas: current, readings, minReplicas, maxReplicas, history: this.history.get(key) ?? [], now });
		this.history.set(key, decision.history);
		let lastScaleTime = hpa.status?.lastScaleTime;
		if (decision.desired !== current) {
			ctx.store.patch(targetRef, 'scale', 'merge', { spec: { replicas: decision.desired } });
			lastScaleTime = rfc3339(now);
			const why = decision.desired > current ? `pods metric ${RPS_METRIC} above target` : 'All metrics below target';
			ctx.events.normal(involvedOf(hpa), 'SuccessfulRescale', `New size: ${decision.desired}; reason: ${why}`, { component: 'horizontal-pod-autoscaler' });
		}
		const currentMetrics: HpaMetricStatus[] | null =
			value === undefined ? null : supported.map(() => ({ type: 'Pods', pods: { metric: { name: RPS_METRIC }, current: { averageValue: quantity(Math.round(value * 1000) / 1000) } } }));
		ctx.store.put({
			...hpa,
			status: { observedGeneration: hpa.metadata.generation, lastScaleTime, currentReplicas: current, desiredReplicas: decision.desired, currentMetrics, conditions: this.conditions(previous, decision, current, readings.length > 0, supported.length ? undefined : metrics[0], now) },
		});
	}

	/** `unsupported`: the HPA's first metric when none is one the simulator serves. */
	private conditions(previous: Condition[], decision: HpaDecision, current: number, measured: boolean, unsupported: HpaMetricSpec | undefined, now: number): Condition[] {
		const able =
			decision.desired !== current
				? condition(previous, 'AbleToScale', 'True', 'SucceededRescale', `the HPA controller was able to update the target scale to ${decision.desired}`, now)
				: decision.stabilized
					? condition(previous, 'AbleToScale', 'True', 'ScaleDownStabilized', 'recent recommendations were higher than current one, applying the highest recent recommendation', now)
					: condition(previous, 'AbleToScale', 'True', 'ReadyForNewScale', 'recommended size matches current size', now);
		const active = measured
			? condition(previous, 'ScalingActive', 'True', 'ValidMetricFound', `the HPA was able to successfully calculate a replica count from pods metric ${RPS_METRIC}`, now)
			: unsupported
				? condition(previous, 'ScalingActive', 'False', `FailedGet${unsupported.type}Metric`, `the HPA was unable to compute the replica count: ${UNSUPPORTED_METRIC_MESSAGE}`, now)
				: condition(previous, 'ScalingActive', 'False', 'FailedGetPodsMetric', `the HPA was unable to compute the replica count: unable to get metric ${RPS_METRIC}: no Ready pods report it`, now);
		const limited = decision.limited
			? condition(previous, 'ScalingLimited', 'True', decision.limited, LIMIT_MESSAGES[decision.limited], now)
			: condition(previous, 'ScalingLimited', 'False', 'DesiredWithinRange', 'the desired count is within the acceptable range', now);
		return [able, active, limited];
	}
}
