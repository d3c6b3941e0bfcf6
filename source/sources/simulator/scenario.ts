// The data shape of a simulator scenario (fixtures/scenarios/*.json, validated by schema.json).
import type { AnalysisSpec } from '../../domain/analysis';
import type { CanaryStep } from '../../domain/k8s';
import type { AnalysisRef } from './analysis-runs';
import type { LbPolicy } from '../../domain/load-balancing';

export type Strategy = 'canary' | 'blueGreen' | 'rolling';
export type ServerKind = 'vllm' | 'tgi' | 'triton';

export interface NodePool {
	name: string;
	count: number;
	gpusPerNode: number;
	/** `nvidia.com/gpu.product`, e.g. NVIDIA-H100-80GB-HBM3. */
	gpuProduct: string;
	gpuMemoryMiB: number;
	/** Board power limit (W); idle draw is about a tenth of it. */
	gpuPowerLimitW: number;
	instanceType?: string;
	zone?: string;
	/** The last XID error code the GPUs of the pool's first node report (e.g. 79: fallen off the bus). */
	xidError?: number;
}

/** How one version of a model server behaves. Missing fields come from DEFAULT_PROFILE. */
export interface VersionProfile {
	/** Requests per second one replica serves at full GPU utilisation. */
	capacityRps: number;
	/** Median end-to-end latency with no queueing (ms). */
	p50Ms: number;
	/** p99 ÷ p50 at low load. */
	tailFactor: number;
	/** Time to first token with no queueing (ms). */
	ttftMs: number;
	/** Time between output tokens with no queueing (ms). */
	itlMs: number;
	/** Errors (%) the version returns whatever the load. */
	errorRate: number;
	/** GPU memory held by the model weights and runtime (MiB, whole replica). */
	weightsMiB: number;
	/** KV cache in use at full load (MiB, whole replica); more than fits means OOM kills. */
	kvCacheMiB: number;
	/** Model loading time after the container starts, [min, max] seconds. */
	startupSeconds: [number, number];
	/** Image pull time on a node that does not have the image yet, [min, max] seconds. */
	pullSeconds: [number, number];
	/** When set, the server exits with an error this many seconds after each start (crash loop). */
	crashAfterSeconds?: number;
}

export interface WorkloadVersion {
	image: string;
	profile?: Partial<VersionProfile>;
	/**
	 * Seconds after the scenario starts at which this version is applied (a template change, as
	 * `kubectl apply` would). Versions without it are the history; the last of those runs at start.
	 */
	deployAt?: number;
}

export interface LoadChange {
	/** Seconds after start. */
	at: number;
	rps: number;
	rampSeconds?: number;
}

export interface Workload {
	name: string;
	namespace: string;
	strategy: Strategy;
	replicas: number;
	gpusPerReplica: number;
	/** Pin to nodes with this `nvidia.com/gpu.product`. */
	gpuProduct?: string;
	/**
	 * The model server its image runs. Absent only for what is created over the API from another
	 * image (say busybox): a plain container, Ready once started, with no metrics and an empty log.
	 */
	server?: ServerKind;
	/** The served model, e.g. meta-llama/Llama-3.1-8B-Instruct. */
	model: string;
	profile?: Partial<VersionProfile>;
	versions: WorkloadVersion[];
	canary?: { steps: CanaryStep[]; trafficRouting?: boolean; scaleDownDelaySeconds?: number; analysis?: AnalysisRef };
	blueGreen?: {
		autoPromotionEnabled?: boolean;
		autoPromotionSeconds?: number;
		scaleDownDelaySeconds?: number;
		prePromotionAnalysis?: AnalysisRef;
		postPromotionAnalysis?: AnalysisRef;
	};
	rolling?: { maxSurge?: number | string; maxUnavailable?: number | string; progressDeadlineSeconds?: number };
	load: { rps: number; noise?: number; changes?: LoadChange[] };
	/** How the balancer in front splits each version's traffic (default round-robin). */
	loadBalancing?: LbPolicy;
	/** The first `count` replicas serve at `speed` × the version's rate (a throttled or older GPU). */
	slowReplicas?: { count: number; speed: number };
	/** An autoscaling/v2 HPA on the simulator's per-replica request rate (a Pods metric). */
	autoscaler?: { minReplicas: number; maxReplicas: number; targetRequestsPerReplica: number };
}

/** A scenario's workloads always name their model server. */
export type ServingWorkload = Workload & { server: ServerKind };

/** An AnalysisTemplate the scenario's Rollouts refer to by name. */
export interface ScenarioAnalysisTemplate {
	name: string;
	namespace: string;
	spec: AnalysisSpec;
}

export interface Scenario {
	name: string;
	description: string;
	analysisTemplates?: ScenarioAnalysisTemplate[];
	/** The simulated clock's start, RFC 3339 (default 2026-01-01T00:00:00Z). */
	startTime?: string;
	/** The vLLM metric names `/metrics` uses: current, or those before vLLM 0.9.2 (default current). */
	vllmMetricNames?: VllmMetricNames;
	cluster: { name: string; nodePools: NodePool[] };
	workloads: ServingWorkload[];
}

export type VllmMetricNames = 'current' | 'legacy';

export const DEFAULT_START_TIME = '2026-01-01T00:00:00Z';

/** An 8B-parameter chat model on one H100 under vLLM. */
export const DEFAULT_PROFILE: VersionProfile = {
	capacityRps: 12,
	p50Ms: 1400,
	tailFactor: 2.4,
	ttftMs: 110,
	itlMs: 14,
	errorRate: 0.05,
	weightsMiB: 17_500,
	kvCacheMiB: 52_000,
	startupSeconds: [20, 40],
	pullSeconds: [8, 25],
};

export function resolveProfile(workload: Workload, image: string | undefined): VersionProfile {
	const version = workload.versions.find((v) => v.image === image);
	return { ...DEFAULT_PROFILE, ...workload.profile, ...version?.profile };
}
