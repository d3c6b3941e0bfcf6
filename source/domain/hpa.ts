// The HorizontalPodAutoscaler's replica rule (autoscaling/v2 without `behavior`, as the upstream
// controller computes it) and how `kubectl get hpa` prints its TARGETS column.
import type { HorizontalPodAutoscaler, HpaMetricSpec, HpaMetricStatus, MetricTarget, MetricValueStatus } from './k8s';
import { parseQuantity } from './quantity';

/** `--horizontal-pod-autoscaler-tolerance`: no change while current/target is within 10 %. */
export const HPA_TOLERANCE = 0.1;
/** `--horizontal-pod-autoscaler-downscale-stabilization`. */
export const DOWNSCALE_WINDOW_MS = 300_000;
/** `--horizontal-pod-autoscaler-sync-period`. */
export const HPA_SYNC_MS = 15_000;

/** One metric's reading against its target, both in the same unit (% or a plain value). */
export interface MetricReading {
	current: number;
	target: number;
}

/**
 * A per-pod metric (Pods or Resource): the values of the pods that report one, and the pods that
 * do not — Pending ones (`unready`) and running ones without a value yet (`missing`).
 */
export interface PodsReading {
	values: number[];
	unready: number;
	missing: number;
	target: number;
}

/** ceil(current × currentValue ÷ target), or `current` unchanged within the tolerance. */
export function metricRecommendation(currentReplicas: number, reading: MetricReading | PodsReading, tolerance = HPA_TOLERANCE): number {
	if ('values' in reading) return podsRecommendation(currentReplicas, reading, tolerance);
	const ratio = reading.current / reading.target;
	if (!Number.isFinite(ratio) || Math.abs(ratio - 1) <= tolerance) return currentReplicas;
	return Math.ceil(currentReplicas * ratio);
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

/**
 * The upstream controller's rule for per-pod metrics (replica_calculator.go): the ratio over the
 * pods that report; when pods do not, it is recomputed as if a scale-up's unready and missing pods
 * used nothing and a scale-down's missing pods used exactly the target — and a recomputed ratio
 * that flips direction or falls within the tolerance means no change.
 */
function podsRecommendation(currentReplicas: number, r: PodsReading, tolerance: number): number {
	if (r.values.length === 0) return currentReplicas;
	const ratio = mean(r.values) / r.target;
	const scaleUpWithUnready = r.unready > 0 && ratio > 1;
	if (!scaleUpWithUnready && r.missing === 0) {
		return Math.abs(ratio - 1) <= tolerance ? currentReplicas : Math.ceil(ratio * r.values.length);
	}
	const filled = [...r.values, ...Array<number>(r.missing).fill(ratio < 1 ? r.target : 0), ...Array<number>(scaleUpWithUnready ? r.unready : 0).fill(0)];
	const newRatio = mean(filled) / r.target;
	if (Math.abs(newRatio - 1) <= tolerance || (ratio < 1 && newRatio > 1) || (ratio > 1 && newRatio < 1)) return currentReplicas;
	const replicas = Math.ceil(newRatio * filled.length);
	if ((newRatio < 1 && replicas > currentReplicas) || (newRatio > 1 && replicas < currentReplicas)) return currentReplicas;
	return replicas;
}

export interface Recommendation {
	at: number;
	replicas: number;
}

export type LimitReason = 'TooManyReplicas' | 'TooFewReplicas' | 'ScaleUpLimit';

export interface HpaDecision {
	desired: number;
	/** Before stabilisation and limits: the highest metric's recommendation. */
	proposed: number;
	/** The stabilised recommendation was held up by an earlier, higher one (scale-down waits). */
	stabilized: boolean;
	/** Why the count was clamped; undefined = DesiredWithinRange. */
	limited?: LimitReason;
	/** Recommendations to keep for the next sync (those younger than the window, plus this one). */
	history: Recommendation[];
}

export interface HpaInput {
	currentReplicas: number;
	readings: Array<MetricReading | PodsReading>;
	minReplicas: number;
	maxReplicas: number;
	/** Earlier recommendations (this function's previous `history`). */
	history: Recommendation[];
	now: number;
	windowMs?: number;
	tolerance?: number;
}

/**
 * One sync: the highest per-metric recommendation; scale-down stabilised to the highest
 * recommendation of the last window (scale-up at once); then at most max(2 × current, 4) up,
 * and clamped to [min, max].
 */
export function decideReplicas(input: HpaInput): HpaDecision {
	const { currentReplicas, minReplicas, maxReplicas, now } = input;
	const windowMs = input.windowMs ?? DOWNSCALE_WINDOW_MS;
	const proposed = input.readings.length
		? Math.max(...input.readings.map((r) => metricRecommendation(currentReplicas, r, input.tolerance)))
		: currentReplicas;
	const recent = input.history.filter((r) => r.at > now - windowMs);
	const stabilizedValue = Math.max(proposed, ...recent.map((r) => r.replicas));
	const history = [...recent, { at: now, replicas: proposed }];
	const scaleUpLimit = Math.max(2 * currentReplicas, 4);
	let desired = stabilizedValue;
	let limited: LimitReason | undefined;
	if (desired > scaleUpLimit) [desired, limited] = [scaleUpLimit, 'ScaleUpLimit'];
	if (desired > maxReplicas) [desired, limited] = [maxReplicas, 'TooManyReplicas'];
	if (desired < minReplicas) [desired, limited] = [minReplicas, 'TooFewReplicas'];
	return { desired, proposed, stabilized: stabilizedValue !== proposed, limited, history };
}

/** The spec and status entry of one metric, whatever its source type. */
function sourceOf<T extends HpaMetricSpec | HpaMetricStatus>(metric: T) {
	switch (metric.type) {
		case 'Resource':
			return metric.resource;
		case 'ContainerResource':
			return metric.containerResource;
		case 'Pods':
			return metric.pods;
		case 'Object':
			return metric.object;
		case 'External':
			return metric.external;
		default:
			return undefined;
	}
}

function targetOf(spec: HpaMetricSpec): MetricTarget | undefined {
	return (sourceOf(spec) as { target?: MetricTarget } | undefined)?.target;
}

function currentOf(status: HpaMetricStatus | undefined): MetricValueStatus | undefined {
	return status && (sourceOf(status) as { current?: MetricValueStatus } | undefined)?.current;
}

/** A metric as `kubectl get hpa` prints it in TARGETS (printers.go formatHPAMetrics, v1.30+). */
export function formatMetric(spec: HpaMetricSpec, status: HpaMetricStatus | undefined): string {
	const target = targetOf(spec);
	const current = currentOf(status);
	const unknown = '<unknown>';
	switch (spec.type) {
		case 'Resource':
		case 'ContainerResource': {
			const name = (sourceOf(spec) as { name?: string }).name ?? '';
			if (target?.averageValue !== undefined) return `${name}: ${current?.averageValue ?? unknown}/${target.averageValue}`;
			const now = current?.averageUtilization !== undefined ? `${current.averageUtilization}%` : unknown;
			return `${name}: ${now}/${target?.averageUtilization !== undefined ? `${target.averageUtilization}%` : '<auto>'}`;
		}
		case 'Pods':
			return `${current?.averageValue ?? unknown}/${target?.averageValue ?? unknown}`;
		case 'Object':
		case 'External':
			if (target?.averageValue !== undefined) return `${current?.averageValue ?? unknown}/${target.averageValue} (avg)`;
			return `${current?.value ?? unknown}/${target?.value ?? unknown}`;
		default:
			return '<unknown type>';
	}
}

/** The TARGETS column: every metric, at most two shown then "+ N more...", `<none>` without metrics. */
export function formatTargets(hpa: HorizontalPodAutoscaler): string {
	const specs = hpa.spec.metrics ?? [];
	const statuses = hpa.status?.currentMetrics ?? [];
	const list = specs.map((spec, i) => formatMetric(spec, statuses[i]));
	if (list.length > 2) return `${list.slice(0, 2).join(', ')} + ${list.length - 2} more...`;
	return list.length ? list.join(', ') : '<none>';
}

/** A metric's current and target value as numbers for the replica rule, when both are known. */
export function readingOf(spec: HpaMetricSpec, status: HpaMetricStatus | undefined): MetricReading | undefined {
	const target = targetOf(spec);
	const current = currentOf(status);
	if (!target || !current) return undefined;
	const pair =
		target.averageUtilization !== undefined
			? [current.averageUtilization, target.averageUtilization]
			: target.averageValue !== undefined
				? [parseQuantity(current.averageValue), parseQuantity(target.averageValue)]
				: [parseQuantity(current.value), parseQuantity(target.value)];
	const [now, wanted] = pair;
	return now === undefined || wanted === undefined || wanted <= 0 ? undefined : { current: now, target: wanted };
}

/** What is wrong with an HPA object from a cluster, or null: such an object is shown as malformed, never trusted. */
export function hpaProblem(hpa: HorizontalPodAutoscaler): string | null {
	const spec = hpa.spec as Partial<HorizontalPodAutoscaler['spec']> | undefined;
	if (!spec || typeof spec !== 'object') return 'no spec';
	if (!spec.scaleTargetRef || typeof spec.scaleTargetRef.name !== 'string') return 'spec.scaleTargetRef.name is missing';
	if (!Number.isInteger(spec.maxReplicas) || (spec.maxReplicas as number) < 1) return 'spec.maxReplicas must be a whole number ≥ 1';
	if (spec.minReplicas !== undefined && (!Number.isInteger(spec.minReplicas) || spec.minReplicas > (spec.maxReplicas as number))) {
		return 'spec.minReplicas must be a whole number ≤ maxReplicas';
	}
	if (spec.metrics !== undefined && !Array.isArray(spec.metrics)) return 'spec.metrics must be a list';
	return null;
}
