// Kubernetes object shapes as they arrive over the API (JSON). Only the fields rolltop reads are
// typed; everything else passes through untouched so patches and round-trips stay faithful.
import type { AnalysisRunStatus, AnalysisSpec, RolloutAnalysisRunStatus } from './analysis';

export interface ObjectMeta {
	name: string;
	namespace?: string;
	uid?: string;
	resourceVersion?: string;
	generation?: number;
	creationTimestamp?: string;
	deletionTimestamp?: string;
	labels?: Record<string, string>;
	annotations?: Record<string, string>;
	ownerReferences?: Array<{ apiVersion?: string; kind: string; name: string; uid?: string; controller?: boolean; blockOwnerDeletion?: boolean }>;
	[key: string]: unknown;
}

export interface Container {
	name: string;
	image?: string;
	resources?: { limits?: Record<string, string>; requests?: Record<string, string> };
	[key: string]: unknown;
}

export interface PodTemplate {
	metadata?: { labels?: Record<string, string>; annotations?: Record<string, string>; [key: string]: unknown };
	spec?: { containers?: Container[]; [key: string]: unknown };
}

export interface Condition {
	type: string;
	status: string;
	reason?: string;
	message?: string;
	lastTransitionTime?: string;
	lastUpdateTime?: string;
}

export interface CanaryStep {
	setWeight?: number;
	pause?: { duration?: string | number };
	analysis?: unknown;
	experiment?: unknown;
	setCanaryScale?: unknown;
	[key: string]: unknown;
}

export interface Rollout {
	apiVersion?: string;
	kind: 'Rollout';
	metadata: ObjectMeta;
	spec: {
		replicas?: number;
		paused?: boolean;
		restartAt?: string;
		selector?: { matchLabels?: Record<string, string> };
		template?: PodTemplate;
		strategy?: {
			canary?: {
				steps?: CanaryStep[];
				trafficRouting?: Record<string, unknown>;
				canaryService?: string;
				stableService?: string;
				pingPong?: { pingService: string; pongService: string };
				[key: string]: unknown;
			};
			blueGreen?: {
				activeService?: string;
				previewService?: string;
				autoPromotionEnabled?: boolean;
				autoPromotionSeconds?: number;
				scaleDownDelaySeconds?: number;
				[key: string]: unknown;
			};
		};
		[key: string]: unknown;
	};
	status?: {
		phase?: string;
		message?: string;
		replicas?: number;
		updatedReplicas?: number;
		readyReplicas?: number;
		availableReplicas?: number;
		currentPodHash?: string;
		stableRS?: string;
		currentStepIndex?: number;
		currentStepHash?: string;
		observedGeneration?: string | number;
		pauseConditions?: Array<{ reason: string; startTime?: string }> | null;
		controllerPause?: boolean;
		abort?: boolean;
		abortedAt?: string;
		promoteFull?: boolean;
		restartedAt?: string;
		conditions?: Condition[];
		canary?: {
			weights?: {
				canary: { podTemplateHash?: string; weight: number };
				stable: { podTemplateHash?: string; weight: number };
			};
			currentStepAnalysisRunStatus?: RolloutAnalysisRunStatus;
			currentBackgroundAnalysisRunStatus?: RolloutAnalysisRunStatus;
			/** Which ping-pong service the stable ReplicaSet is behind. */
			stablePingPong?: 'ping' | 'pong';
			[key: string]: unknown;
		};
		blueGreen?: {
			activeSelector?: string;
			previewSelector?: string;
			prePromotionAnalysisRunStatus?: RolloutAnalysisRunStatus;
			postPromotionAnalysisRunStatus?: RolloutAnalysisRunStatus;
			[key: string]: unknown;
		};
		[key: string]: unknown;
	};
}

export interface Deployment {
	apiVersion?: string;
	kind: 'Deployment';
	metadata: ObjectMeta;
	spec: {
		replicas?: number;
		paused?: boolean;
		selector?: { matchLabels?: Record<string, string> };
		template?: PodTemplate;
		strategy?: { type?: string; rollingUpdate?: { maxSurge?: number | string; maxUnavailable?: number | string } };
		progressDeadlineSeconds?: number;
		[key: string]: unknown;
	};
	status?: {
		observedGeneration?: number;
		replicas?: number;
		updatedReplicas?: number;
		readyReplicas?: number;
		availableReplicas?: number;
		unavailableReplicas?: number;
		conditions?: Condition[];
		[key: string]: unknown;
	};
}

export interface ReplicaSet {
	apiVersion?: string;
	kind: 'ReplicaSet';
	metadata: ObjectMeta;
	spec: { replicas?: number; selector?: { matchLabels?: Record<string, string> }; template?: PodTemplate };
	status?: {
		replicas?: number;
		readyReplicas?: number;
		availableReplicas?: number;
		observedGeneration?: number;
		conditions?: Condition[];
	};
}

export interface ContainerStatus {
	name: string;
	containerID?: string;
	ready: boolean;
	restartCount: number;
	image?: string;
	state?: {
		waiting?: { reason?: string; message?: string };
		running?: { startedAt?: string };
		terminated?: { reason?: string; exitCode?: number; signal?: number; startedAt?: string; finishedAt?: string; message?: string };
	};
	lastState?: { terminated?: { reason?: string; exitCode?: number; signal?: number; startedAt?: string; finishedAt?: string; message?: string } };
}

export interface Pod {
	apiVersion?: string;
	kind: 'Pod';
	metadata: ObjectMeta;
	spec: { nodeName?: string; containers?: Container[]; [key: string]: unknown };
	status?: {
		phase?: string;
		reason?: string;
		podIP?: string;
		startTime?: string;
		conditions?: Condition[];
		containerStatuses?: ContainerStatus[];
		[key: string]: unknown;
	};
}

export interface Taint {
	key: string;
	value?: string;
	effect: string;
	timeAdded?: string;
}

export interface Node {
	apiVersion?: string;
	kind: 'Node';
	metadata: ObjectMeta;
	spec?: { unschedulable?: boolean; taints?: Taint[]; [key: string]: unknown };
	status?: {
		capacity?: Record<string, string>;
		allocatable?: Record<string, string>;
		conditions?: Condition[];
		[key: string]: unknown;
	};
}

export interface KubeEvent {
	apiVersion?: string;
	kind: 'Event';
	metadata: ObjectMeta;
	involvedObject: { kind: string; name: string; namespace?: string; uid?: string };
	reason?: string;
	message?: string;
	type?: string; // Normal | Warning
	count?: number;
	firstTimestamp?: string;
	lastTimestamp?: string;
	eventTime?: string;
	source?: { component?: string };
}

/** `spec` as received: a cluster may hold one that does not parse (see analysis-validate.ts). */
export interface AnalysisRun {
	apiVersion?: string;
	kind: 'AnalysisRun';
	metadata: ObjectMeta;
	spec?: AnalysisSpec;
	status?: AnalysisRunStatus;
}

export interface AnalysisTemplate {
	apiVersion?: string;
	kind: 'AnalysisTemplate';
	metadata: ObjectMeta;
	spec: AnalysisSpec;
}

/** What an autoscaler scales: a Deployment, a Rollout, … by kind and name in its own namespace. */
export interface ScaleTargetRef {
	kind?: string;
	name: string;
	apiVersion?: string;
}

/** autoscaling/v2 MetricTarget; quantities stay strings as the API sends them. */
export interface MetricTarget {
	type?: string;
	averageUtilization?: number;
	averageValue?: string;
	value?: string;
}

export interface MetricValueStatus {
	averageUtilization?: number;
	averageValue?: string;
	value?: string;
}

interface MetricIdentifier {
	name: string;
	selector?: unknown;
}

export interface HpaMetricSpec {
	type: string;
	resource?: { name: string; target: MetricTarget };
	containerResource?: { name: string; container?: string; target: MetricTarget };
	pods?: { metric: MetricIdentifier; target: MetricTarget };
	object?: { metric: MetricIdentifier; describedObject?: unknown; target: MetricTarget };
	external?: { metric: MetricIdentifier; target: MetricTarget };
}

export interface HpaMetricStatus {
	type: string;
	resource?: { name: string; current: MetricValueStatus };
	containerResource?: { name: string; container?: string; current: MetricValueStatus };
	pods?: { metric: MetricIdentifier; current: MetricValueStatus };
	object?: { metric: MetricIdentifier; current: MetricValueStatus };
	external?: { metric: MetricIdentifier; current: MetricValueStatus };
}

export interface HorizontalPodAutoscaler {
	apiVersion?: string;
	kind: 'HorizontalPodAutoscaler';
	metadata: ObjectMeta;
	spec: {
		scaleTargetRef: ScaleTargetRef;
		minReplicas?: number;
		maxReplicas: number;
		metrics?: HpaMetricSpec[];
		behavior?: Record<string, unknown>;
	};
	status?: {
		observedGeneration?: number;
		lastScaleTime?: string;
		currentReplicas?: number;
		desiredReplicas?: number;
		currentMetrics?: HpaMetricStatus[] | null;
		conditions?: Condition[];
	};
}

/** KEDA's keda.sh/v1alpha1 ScaledObject: it drives an HPA named in `status.hpaName`. */
export interface ScaledObject {
	apiVersion?: string;
	kind: 'ScaledObject';
	metadata: ObjectMeta;
	spec: {
		scaleTargetRef: ScaleTargetRef;
		minReplicaCount?: number;
		maxReplicaCount?: number;
		triggers?: Array<{ type: string; name?: string; metadata?: Record<string, string>; metricType?: string }>;
		advanced?: { horizontalPodAutoscalerConfig?: { name?: string } };
		[key: string]: unknown;
	};
	status?: { hpaName?: string; conditions?: Condition[]; [key: string]: unknown };
}

export type KubeObject = Rollout | Deployment | ReplicaSet | Pod | Node | KubeEvent | AnalysisRun | AnalysisTemplate | HorizontalPodAutoscaler | ScaledObject;
export type Kind = KubeObject['kind'];

/** The kinds the console keeps (AnalysisTemplates are served by `sim serve` but never shown). */
export const KINDS: readonly Kind[] = ['Rollout', 'Deployment', 'ReplicaSet', 'Pod', 'Node', 'Event', 'AnalysisRun', 'HorizontalPodAutoscaler', 'ScaledObject'];

/** How each kind is addressed over the API (group/version and plural resource name). */
export const RESOURCES: Record<Kind, { group: string; version: string; plural: string; namespaced: boolean }> = {
	Rollout: { group: 'argoproj.io', version: 'v1alpha1', plural: 'rollouts', namespaced: true },
	AnalysisRun: { group: 'argoproj.io', version: 'v1alpha1', plural: 'analysisruns', namespaced: true },
	AnalysisTemplate: { group: 'argoproj.io', version: 'v1alpha1', plural: 'analysistemplates', namespaced: true },
	Deployment: { group: 'apps', version: 'v1', plural: 'deployments', namespaced: true },
	ReplicaSet: { group: 'apps', version: 'v1', plural: 'replicasets', namespaced: true },
	Pod: { group: '', version: 'v1', plural: 'pods', namespaced: true },
	Node: { group: '', version: 'v1', plural: 'nodes', namespaced: false },
	Event: { group: '', version: 'v1', plural: 'events', namespaced: true },
	HorizontalPodAutoscaler: { group: 'autoscaling', version: 'v2', plural: 'horizontalpodautoscalers', namespaced: true },
	ScaledObject: { group: 'keda.sh', version: 'v1alpha1', plural: 'scaledobjects', namespaced: true },
};

/** Stable identity of an object inside one cluster: "Kind/namespace/name" ("Kind//name" when cluster-scoped). */
export function objectKey(kind: Kind, namespace: string | undefined, name: string): string {
	return `${kind}/${namespace ?? ''}/${name}`;
}

export function keyOf(obj: KubeObject): string {
	return objectKey(obj.kind, obj.metadata.namespace, obj.metadata.name);
}

export interface ObjectRef {
	kind: Kind;
	namespace?: string;
	name: string;
}

export function refOf(obj: KubeObject): ObjectRef {
	return { kind: obj.kind, namespace: obj.metadata.namespace, name: obj.metadata.name };
}

/** The controlling owner of an object, if any. */
export function controllerOf(obj: KubeObject): { kind: string; name: string } | undefined {
	const refs = obj.metadata.ownerReferences ?? [];
	return refs.find((r) => r.controller) ?? refs[0];
}
