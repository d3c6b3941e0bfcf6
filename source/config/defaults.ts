// The settings rolltop runs with when no config file says otherwise, and their types.
import { DEFAULT_THRESHOLDS, THRESHOLD_METRICS, type Threshold, type ThresholdMetric, type Thresholds } from '../domain/thresholds';
import { DEFAULT_VERDICT_CONFIG, type VerdictConfig } from '../domain/verdict-spec';
import type { PresetName, QueryOverrides } from '../sources/prometheus/presets';
import type { ServiceRef } from '../sources/prometheus/service-ref';

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
	thresholds: Thresholds;
	/** rolltop's canary verdict: the checks and threshold, per workload where configured. */
	verdict: VerdictConfig;
	/** Log pane: lines kept, and lines each pod's stream starts with. */
	logs: { bufferLines: number; tailLines: number };
	/** The file this came from; undefined for the defaults. */
	file?: string;
}

export const DEFAULT_CONFIG: Config = {
	refreshIntervalMs: 2000,
	prometheus: { insecure: false, window: '1m', queries: {} },
	workloads: {},
	thresholds: DEFAULT_THRESHOLDS,
	verdict: DEFAULT_VERDICT_CONFIG,
	logs: { bufferLines: 5000, tailLines: 200 },
};

export { THRESHOLD_METRICS, type Threshold, type ThresholdMetric };
