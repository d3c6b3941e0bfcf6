// The settings rolltop runs with when no config file says otherwise, and their types.
import type { MetricId } from '../domain/metrics';
import type { PresetName, QueryOverrides } from '../sources/prometheus/presets';
import type { ServiceRef } from '../sources/prometheus/service-ref';

export interface Threshold {
	/** At or above this, the value is coloured as a warning. */
	warn: number;
	/** At or above this, as an error. */
	error: number;
}

export const THRESHOLD_METRICS = ['p50', 'p99', 'ttft', 'errorRate', 'gpuUtil', 'gpuTemp', 'gpuPower'] as const satisfies readonly MetricId[];
export type ThresholdMetric = (typeof THRESHOLD_METRICS)[number];

export interface PrometheusConfig {
	url?: string;
	/** A service reached through the API server's proxy, when there is no URL. */
	service?: ServiceRef;
	caFile?: string;
	insecure: boolean;
	/** Rate window for counters and histograms (a PromQL duration). */
	window: string;
	/** Presets to query; undefined: detect which exporters exist. */
	presets?: PresetName[];
	/** Replacement PromQL per preset and value (`$window` is substituted). */
	queries: QueryOverrides;
}

export interface WorkloadConfig {
	/** This workload's presets, most preferred first (a `rolltop.dev/metrics-preset` annotation wins). */
	presets?: PresetName[];
}

export interface Config {
	refreshIntervalMs: number;
	prometheus: PrometheusConfig;
	/** Keyed by "namespace/name". */
	workloads: Record<string, WorkloadConfig>;
	thresholds: Record<ThresholdMetric, Threshold>;
	/** The file this came from; undefined for the defaults. */
	file?: string;
}

export const DEFAULT_CONFIG: Config = {
	refreshIntervalMs: 2000,
	prometheus: { insecure: false, window: '1m', queries: {} },
	workloads: {},
	thresholds: {
		p50: { warn: 500, error: 1000 },
		p99: { warn: 1500, error: 3000 },
		ttft: { warn: 300, error: 1000 },
		errorRate: { warn: 1, error: 5 },
		gpuUtil: { warn: 90, error: 98 },
		gpuTemp: { warn: 80, error: 88 },
		gpuPower: { warn: 600, error: 680 },
	},
};
