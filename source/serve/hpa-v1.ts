// autoscaling/v1 HorizontalPodAutoscalers (what `kubectl autoscale` posts): the same objects the store
// keeps as autoscaling/v2, converted as the API server converts them (pkg/apis/autoscaling/v1/conversion.go).
// v1 has only targetCPUUtilizationPercentage (the Resource cpu Utilization metric); every other metric,
// the current metrics, `behavior` and the conditions travel in annotations, so a v1 round trip loses nothing.
import { RESOURCES, type HorizontalPodAutoscaler, type HpaMetricSpec, type HpaMetricStatus } from '../domain/k8s';
import type { ServedResource } from './discovery';
import type { ServedObject } from './served-objects';
import { ApiError } from './status';

type Json = Record<string, unknown>;

const METRICS = 'autoscaling.alpha.kubernetes.io/metrics';
const CURRENT_METRICS = 'autoscaling.alpha.kubernetes.io/current-metrics';
const BEHAVIOR = 'autoscaling.alpha.kubernetes.io/behavior';
const CONDITIONS = 'autoscaling.alpha.kubernetes.io/conditions';
const ROUND_TRIP = [METRICS, CURRENT_METRICS, BEHAVIOR, CONDITIONS];
/** What v1 meant by no target at all (autoscaling.DefaultCPUUtilization). */
const DEFAULT_CPU_UTILIZATION = 80;

/** The v1 view of the served v2 resource (same plural, verbs and subresources). */
export function hpaV1Resource(v2: ServedResource): ServedResource {
	return { ...v2, version: 'v1' };
}

export function isHpaV1(resource: ServedResource): boolean {
	return resource.kind === 'HorizontalPodAutoscaler' && resource.version === 'v1';
}

/** The resource whose version the store keeps objects of `resource` in. */
export function storageOf(resource: ServedResource): ServedResource {
	return isHpaV1(resource) ? { ...resource, version: RESOURCES.HorizontalPodAutoscaler.version } : resource;
}

/** Drops undefined values, as Go's omitempty leaves the field out. */
function defined(obj: Json): Json {
	return Object.fromEntries(Object.entries(obj).filter(([, value]) => value !== undefined));
}

const isCpuUtilization = (m: HpaMetricSpec) => m.type === 'Resource' && m.resource?.name === 'cpu' && m.resource.target?.averageUtilization !== undefined;

/** A v2 MetricSpec in the v1 (v2beta1-style) shape of the metrics annotation; v1's required quantities default to "0". */
function specToV1(m: HpaMetricSpec): Json {
	const { resource, containerResource: container, pods, object, external } = m;
	return defined({
		type: m.type,
		object: object && defined({ target: object.describedObject, metricName: object.metric?.name, targetValue: object.target?.value ?? '0', selector: object.metric?.selector, averageValue: object.target?.averageValue }),
		pods: pods && defined({ metricName: pods.metric?.name, targetAverageValue: pods.target?.averageValue ?? '0', selector: pods.metric?.selector }),
		resource: resource && defined({ name: resource.name, targetAverageUtilization: resource.target?.averageUtilization, targetAverageValue: resource.target?.averageValue }),
		containerResource: container && defined({ name: container.name, targetAverageUtilization: container.target?.averageUtilization, targetAverageValue: container.target?.averageValue, container: container.container }),
		external: external && defined({ metricName: external.metric?.name, metricSelector: external.metric?.selector, targetValue: external.target?.value, targetAverageValue: external.target?.averageValue }),
	});
}

function specFromV1(m: Json): HpaMetricSpec {
	const { resource: r, containerResource: c, pods: p, object: o, external: e } = m as Record<string, Json | undefined>;
	const utilizationOrValue = (s: Json) => defined({ type: s.targetAverageUtilization === undefined ? 'AverageValue' : 'Utilization', averageUtilization: s.targetAverageUtilization, averageValue: s.targetAverageValue });
	return defined({
		type: m.type,
		object: o && { metric: defined({ name: o.metricName, selector: o.selector }), describedObject: o.target, target: defined({ type: o.averageValue === undefined ? 'Value' : 'AverageValue', value: o.targetValue, averageValue: o.averageValue }) },
		pods: p && { metric: defined({ name: p.metricName, selector: p.selector }), target: { type: 'AverageValue', averageValue: p.targetAverageValue } },
		resource: r && { name: r.name, target: utilizationOrValue(r) },
		containerResource: c && { name: c.name, container: c.container, target: utilizationOrValue(c) },
		external: e && { metric: defined({ name: e.metricName, selector: e.metricSelector }), target: defined({ type: e.targetValue === undefined ? 'AverageValue' : 'Value', value: e.targetValue, averageValue: e.targetAverageValue }) },
	}) as unknown as HpaMetricSpec;
}

function statusToV1(m: HpaMetricStatus): Json {
	const { resource, containerResource: container, pods, object, external } = m;
	const described = (object as { describedObject?: unknown } | undefined)?.describedObject;
	return defined({
		type: m.type,
		object: object && defined({ target: described, metricName: object.metric?.name, currentValue: object.current?.value ?? '0', selector: object.metric?.selector, averageValue: object.current?.averageValue }),
		pods: pods && defined({ metricName: pods.metric?.name, currentAverageValue: pods.current?.averageValue ?? '0', selector: pods.metric?.selector }),
		resource: resource && defined({ name: resource.name, currentAverageUtilization: resource.current?.averageUtilization, currentAverageValue: resource.current?.averageValue ?? '0' }),
		containerResource: container && defined({ name: container.name, currentAverageUtilization: container.current?.averageUtilization, currentAverageValue: container.current?.averageValue ?? '0', container: container.container }),
		external: external && defined({ metricName: external.metric?.name, metricSelector: external.metric?.selector, currentValue: external.current?.value ?? '0', currentAverageValue: external.current?.averageValue }),
	});
}

function statusFromV1(m: Json): HpaMetricStatus {
	const { resource: r, containerResource: c, pods: p, object: o, external: e } = m as Record<string, Json | undefined>;
	return defined({
		type: m.type,
		object: o && { metric: defined({ name: o.metricName, selector: o.selector }), describedObject: o.target, current: defined({ value: o.currentValue, averageValue: o.averageValue }) },
		pods: p && { metric: defined({ name: p.metricName, selector: p.selector }), current: { averageValue: p.currentAverageValue } },
		resource: r && { name: r.name, current: defined({ averageValue: r.currentAverageValue, averageUtilization: r.currentAverageUtilization }) },
		containerResource: c && { name: c.name, container: c.container, current: defined({ averageValue: c.currentAverageValue, averageUtilization: c.currentAverageUtilization }) },
		external: e && { metric: defined({ name: e.metricName, selector: e.metricSelector }), current: defined({ value: e.currentValue, averageValue: e.currentAverageValue }) },
	}) as unknown as HpaMetricStatus;
}

// `behavior` is annotated as the API server's internal type, which has no JSON tags: Go field names, nil as null.
const RULE_FIELDS = ['stabilizationWindowSeconds', 'selectPolicy', 'policies'];
const POLICY_FIELDS = ['type', 'value', 'periodSeconds'];
const goName = (field: string) => field[0].toUpperCase() + field.slice(1);

function behaviorToV1(behavior: Json): string {
	const policy = (p: Json) => Object.fromEntries(POLICY_FIELDS.map((f) => [goName(f), p[f] ?? (f === 'type' ? '' : 0)]));
	const rules = (r: Json | undefined) => r && Object.fromEntries(RULE_FIELDS.map((f) => [goName(f), f === 'policies' ? ((r.policies as Json[] | undefined)?.map(policy) ?? null) : (r[f] ?? null)]));
	return JSON.stringify({ ScaleUp: rules(behavior.scaleUp as Json) ?? null, ScaleDown: rules(behavior.scaleDown as Json) ?? null });
}

function behaviorFromV1(text: string): Json | undefined {
	const parsed = parseAnnotation(text) as Record<string, Json | null> | undefined;
	const policy = (p: Json) => Object.fromEntries(POLICY_FIELDS.map((f) => [f, p[goName(f)]]));
	const rules = (r: Json | null | undefined) =>
		r ? defined(Object.fromEntries(RULE_FIELDS.map((f) => [f, f === 'policies' ? (r.Policies as Json[] | null)?.map(policy) : (r[goName(f)] ?? undefined)]))) : undefined;
	const behavior = defined({ scaleUp: rules(parsed?.ScaleUp), scaleDown: rules(parsed?.ScaleDown) });
	return Object.keys(behavior).length ? behavior : undefined;
}

/** An annotation that does not parse is ignored, as the API server ignores it. */
function parseAnnotation(text: string | undefined): unknown {
	if (text === undefined) return undefined;
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}

function listAnnotation(text: string | undefined): Json[] | undefined {
	const parsed = parseAnnotation(text);
	return Array.isArray(parsed) ? (parsed as Json[]) : undefined;
}

function withoutRoundTrip(annotations: Record<string, string> | undefined): Record<string, string> {
	return Object.fromEntries(Object.entries(annotations ?? {}).filter(([key]) => !ROUND_TRIP.includes(key)));
}

/** The stored (v2) HPA as autoscaling/v1 shows it. */
export function toHpaV1(hpa: HorizontalPodAutoscaler): ServedObject {
	const { spec, status } = hpa;
	const metrics = spec.metrics ?? [];
	const others = metrics.filter((m) => !isCpuUtilization(m));
	const annotations = withoutRoundTrip(hpa.metadata.annotations);
	if (others.length) annotations[METRICS] = JSON.stringify(others.map(specToV1));
	if (status?.currentMetrics?.length) annotations[CURRENT_METRICS] = JSON.stringify(status.currentMetrics.map(statusToV1));
	if (spec.behavior) annotations[BEHAVIOR] = behaviorToV1(spec.behavior);
	if (status?.conditions?.length) annotations[CONDITIONS] = JSON.stringify(status.conditions.map((c) => defined({ type: c.type, status: c.status, lastTransitionTime: c.lastTransitionTime, reason: c.reason, message: c.message })));
	const { annotations: _annotations, ...metadata } = hpa.metadata;
	// The last cpu Resource reading with a utilization, as the converter's loop leaves it.
	const cpu = (status?.currentMetrics ?? []).filter((m) => m.type === 'Resource' && m.resource?.name === 'cpu' && m.resource.current?.averageUtilization !== undefined).at(-1);
	return {
		kind: 'HorizontalPodAutoscaler',
		apiVersion: 'autoscaling/v1',
		metadata: { ...metadata, ...(Object.keys(annotations).length ? { annotations } : {}) },
		spec: defined({
			scaleTargetRef: spec.scaleTargetRef,
			minReplicas: spec.minReplicas,
			maxReplicas: spec.maxReplicas,
			targetCPUUtilizationPercentage: metrics.find(isCpuUtilization)?.resource?.target.averageUtilization,
		}),
		status: defined({
			observedGeneration: status?.observedGeneration,
			lastScaleTime: status?.lastScaleTime,
			currentReplicas: status?.currentReplicas ?? 0,
			desiredReplicas: status?.desiredReplicas ?? 0,
			currentCPUUtilizationPercentage: cpu?.resource?.current.averageUtilization,
		}),
	} as unknown as ServedObject;
}

interface HpaV1 {
	apiVersion?: string;
	kind: 'HorizontalPodAutoscaler';
	metadata: HorizontalPodAutoscaler['metadata'];
	spec?: { scaleTargetRef: HorizontalPodAutoscaler['spec']['scaleTargetRef']; minReplicas?: number; maxReplicas: number; targetCPUUtilizationPercentage?: number };
	status?: Json & { currentCPUUtilizationPercentage?: number };
}

/** An autoscaling/v1 HPA as the store keeps it (v2): annotated metrics first, then the cpu target; no target at all means cpu at 80 %. */
export function fromHpaV1(obj: HpaV1): HorizontalPodAutoscaler {
	const annotations = obj.metadata?.annotations ?? {};
	const spec = obj.spec ?? ({} as NonNullable<HpaV1['spec']>);
	const cpuTarget = spec.targetCPUUtilizationPercentage;
	const cpuMetric = (averageUtilization: number): HpaMetricSpec => ({ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization } } });
	const metrics = [...(listAnnotation(annotations[METRICS])?.map(specFromV1) ?? []), ...(cpuTarget === undefined ? [] : [cpuMetric(cpuTarget)])];
	const { currentCPUUtilizationPercentage: currentCpu, currentReplicas, desiredReplicas, observedGeneration, lastScaleTime } = obj.status ?? {};
	const annotatedCurrent = listAnnotation(annotations[CURRENT_METRICS])?.map(statusFromV1);
	const currentMetrics = annotatedCurrent ?? (currentCpu === undefined ? undefined : [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: currentCpu } } }]);
	const kept = withoutRoundTrip(annotations);
	const { annotations: _annotations, ...metadata } = obj.metadata ?? ({} as HpaV1['metadata']);
	const behavior = annotations[BEHAVIOR] === undefined ? undefined : behaviorFromV1(annotations[BEHAVIOR]);
	return {
		kind: 'HorizontalPodAutoscaler',
		apiVersion: 'autoscaling/v2',
		metadata: { ...metadata, ...(Object.keys(kept).length ? { annotations: kept } : {}) },
		spec: defined({
			scaleTargetRef: spec.scaleTargetRef,
			minReplicas: spec.minReplicas,
			maxReplicas: spec.maxReplicas,
			metrics: metrics.length ? metrics : [cpuMetric(DEFAULT_CPU_UTILIZATION)],
			behavior,
		}) as HorizontalPodAutoscaler['spec'],
		...(obj.status
			? { status: defined({ observedGeneration, lastScaleTime, currentReplicas, desiredReplicas, currentMetrics, conditions: listAnnotation(annotations[CONDITIONS]) }) as HorizontalPodAutoscaler['status'] }
			: {}),
	};
}

/** An object as a client sent it to `resource`, in the version the store keeps; a body of another version is refused as the API server refuses it. */
export function toStored<T extends ServedObject>(resource: ServedResource, obj: T): T {
	if (!isHpaV1(resource)) return obj;
	if (obj.apiVersion !== undefined && obj.apiVersion !== 'autoscaling/v1') {
		throw new ApiError(400, `the API version in the data (${obj.apiVersion}) does not match the expected API version (autoscaling/v1)`);
	}
	return fromHpaV1(obj as unknown as HpaV1) as unknown as T;
}

/** An HPA in whichever version it is shown, as v2 (for printing). */
export function asV2Hpa(obj: ServedObject): HorizontalPodAutoscaler {
	return obj.apiVersion === 'autoscaling/v1' ? fromHpaV1(obj as unknown as HpaV1) : (obj as HorizontalPodAutoscaler);
}
