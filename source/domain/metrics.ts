// Per-replica metrics as every metrics source reports them, and the math on them.

export const METRIC_IDS = [
	'gpuUtil',
	'gpuMemUsed',
	'gpuMemTotal',
	'gpuTemp',
	'gpuPower',
	'p50',
	'p99',
	'ttft',
	'rps',
	'errorRate',
	'kvCache',
	'queue',
	'itl',
] as const;

export type MetricId = (typeof METRIC_IDS)[number];

export const METRIC_INFO: Record<MetricId, { title: string; unit: string }> = {
	gpuUtil: { title: 'GPU util', unit: '%' },
	gpuMemUsed: { title: 'GPU memory', unit: 'MiB' },
	gpuMemTotal: { title: 'GPU memory total', unit: 'MiB' },
	gpuTemp: { title: 'GPU temp', unit: '°C' },
	gpuPower: { title: 'GPU power', unit: 'W' },
	p50: { title: 'p50 latency', unit: 'ms' },
	p99: { title: 'p99 latency', unit: 'ms' },
	ttft: { title: 'TTFT', unit: 'ms' },
	rps: { title: 'RPS', unit: 'req/s' },
	errorRate: { title: 'Error rate', unit: '%' },
	kvCache: { title: 'KV cache', unit: '%' },
	queue: { title: 'Queue', unit: 'req' },
	itl: { title: 'Inter-token latency', unit: 'ms' },
};

/** One replica's values at one instant. A missing or non-finite value is simply absent. */
export interface ReplicaSample {
	namespace: string;
	pod: string;
	/** Sample time, ms since the epoch (the source's clock). */
	at: number;
	values: Partial<Record<MetricId, number>>;
	/** How many GPUs the replica owns (values are aggregated over them). */
	gpus?: number;
}

export function podKey(namespace: string, pod: string): string {
	return `${namespace}/${pod}`;
}

/** Prometheus sends numbers as strings and may send NaN or ±Inf: those become undefined. */
export function parseSampleValue(raw: string | number | undefined | null): number | undefined {
	if (raw === undefined || raw === null) return undefined;
	const value = typeof raw === 'number' ? raw : Number(raw);
	return Number.isFinite(value) ? value : undefined;
}

/** A sample older than this (ms) is stale: shown as "—" with its age, never as fresh. */
export const DEFAULT_STALE_AFTER_MS = 15_000;

export function isStale(sampleAt: number | undefined, now: number, staleAfterMs = DEFAULT_STALE_AFTER_MS): boolean {
	return sampleAt === undefined || now - sampleAt > staleAfterMs;
}

/** The history a chart wants: one metric for a set of pods up to the cluster clock `now`. */
export interface HistoryDemand {
	/** Identity of the demand: the same workload and metric are backfilled once per source. */
	key: string;
	/** Computed only when the demand is new: a big workload's pod list is not rebuilt every frame. */
	pods(): Array<{ namespace: string; pod: string }>;
	metric: MetricId;
	now: number;
}
