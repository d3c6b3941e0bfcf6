// Metric presets: for each exporter rolltop knows, the PromQL that yields each per-replica metric.
// All are printed in the README (`presetQueries`) and each query can be overridden in config.
import type { MetricId } from '../../domain/metrics';
import {
	aggregateByPod,
	errorPercent,
	firstOf,
	lastScrapeByPod,
	quantileByPod,
	rateByPod,
	withWindow,
} from './promql';

export const PRESET_NAMES = ['dcgm', 'vllm', 'triton', 'tgi', 'http'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

/** A per-replica value a preset can produce: a metric, or the number of GPUs a replica owns. */
export type QueryKey = MetricId | 'gpus';
export type PresetQueries = Partial<Record<QueryKey, string>>;
/** Per preset, replacement PromQL for some of its queries; `$window` stands for the rate window. */
export type QueryOverrides = Partial<Record<PresetName, PresetQueries>>;

/** Workload (or pod template) annotation naming its presets, e.g. "dcgm,vllm". */
export const METRICS_PRESET_ANNOTATION = 'rolltop.dev/metrics-preset';

export interface Preset {
	name: PresetName;
	title: string;
	/** A metric whose existence means the preset applies (detection). */
	detect: string;
	/** A series scraped with the others, whose timestamp tells how fresh the preset's values are. */
	freshness: string;
	queries(window: string): PresetQueries;
}

function latencyHistogram(histogram: string, window: string): PresetQueries {
	return {
		p50: quantileByPod(0.5, histogram, window, 1000),
		p99: quantileByPod(0.99, histogram, window, 1000),
	};
}

export const PRESETS: Record<PresetName, Preset> = {
	dcgm: {
		name: 'dcgm',
		title: 'NVIDIA DCGM exporter',
		detect: 'DCGM_FI_DEV_GPU_UTIL',
		freshness: 'DCGM_FI_DEV_GPU_UTIL',
		// A replica may own several GPUs: mean utilisation, summed memory and power, hottest GPU.
		queries: () => ({
			gpuUtil: aggregateByPod('avg', 'DCGM_FI_DEV_GPU_UTIL'),
			gpuMemUsed: aggregateByPod('sum', 'DCGM_FI_DEV_FB_USED'),
			gpuMemTotal: aggregateByPod('sum', 'DCGM_FI_DEV_FB_USED + DCGM_FI_DEV_FB_FREE'),
			gpuTemp: aggregateByPod('max', 'DCGM_FI_DEV_GPU_TEMP'),
			gpuPower: aggregateByPod('sum', 'DCGM_FI_DEV_POWER_USAGE'),
			gpus: aggregateByPod('count', 'DCGM_FI_DEV_GPU_UTIL'),
		}),
	},
	vllm: {
		name: 'vllm',
		title: 'vLLM',
		detect: 'vllm:e2e_request_latency_seconds_count',
		freshness: 'vllm:num_requests_running',
		queries: (window) => ({
			...latencyHistogram('vllm:e2e_request_latency_seconds', window),
			ttft: quantileByPod(0.5, 'vllm:time_to_first_token_seconds', window, 1000),
			rps: rateByPod('vllm:request_success_total', window),
			errorRate: errorPercent(
				rateByPod('vllm:request_success_total{finished_reason=~"error|abort"}', window),
				rateByPod('vllm:request_success_total', window),
			),
			// Renamed in vLLM 0.9.2 (KV cache, a 0–1 fraction) and 0.10.2 (ITL); older servers keep the old names.
			kvCache: `100 * (${firstOf(aggregateByPod('max', 'vllm:kv_cache_usage_perc'), aggregateByPod('max', 'vllm:gpu_cache_usage_perc'))})`,
			queue: aggregateByPod('sum', 'vllm:num_requests_waiting'),
			itl: firstOf(
				quantileByPod(0.5, 'vllm:inter_token_latency_seconds', window, 1000),
				quantileByPod(0.5, 'vllm:time_per_output_token_seconds', window, 1000),
			),
		}),
	},
	triton: {
		name: 'triton',
		title: 'NVIDIA Triton',
		detect: 'nv_inference_request_success',
		freshness: 'nv_inference_pending_request_count',
		// Triton exports only cumulative durations, so its latency is a mean, shown in the p50 column.
		queries: (window) => {
			const requests = rateByPod('{__name__=~"nv_inference_request_success|nv_inference_request_failure"}', window);
			return {
				p50: `${rateByPod('nv_inference_request_duration_us', window)} / ${rateByPod('nv_inference_request_success', window)} / 1000`,
				ttft: quantileByPod(0.5, 'nv_inference_first_response_histogram_ms', window, 1),
				rps: requests,
				errorRate: errorPercent(rateByPod('nv_inference_request_failure', window), requests),
			};
		},
	},
	tgi: {
		name: 'tgi',
		title: 'Hugging Face TGI',
		detect: 'tgi_request_count',
		freshness: 'tgi_queue_size',
		queries: (window) => ({
			...latencyHistogram('tgi_request_duration', window),
			rps: rateByPod('tgi_request_count', window),
			errorRate: errorPercent(rateByPod('tgi_request_failure', window), rateByPod('tgi_request_count', window)),
		}),
	},
	http: {
		name: 'http',
		title: 'Generic HTTP histogram',
		detect: 'http_request_duration_seconds_bucket',
		freshness: 'http_request_duration_seconds_count',
		queries: (window) => ({
			...latencyHistogram('http_request_duration_seconds', window),
			rps: rateByPod('http_request_duration_seconds_count', window),
			errorRate: errorPercent(
				rateByPod('http_request_duration_seconds_count{code=~"5.."}', window),
				rateByPod('http_request_duration_seconds_count', window),
			),
		}),
	},
};

/** The exact PromQL a preset runs for each value, with config overrides applied. */
export function presetQueries(preset: PresetName, window: string, overrides: QueryOverrides = {}): PresetQueries {
	const queries: PresetQueries = { ...PRESETS[preset].queries(window) };
	for (const [key, template] of Object.entries(overrides[preset] ?? {})) {
		if (template) queries[key as QueryKey] = withWindow(template, window);
	}
	return queries;
}

export function presetFreshnessQuery(preset: PresetName): string {
	return lastScrapeByPod(PRESETS[preset].freshness);
}

export function isPresetName(name: string): name is PresetName {
	return (PRESET_NAMES as readonly string[]).includes(name);
}

/**
 * Parses a preset annotation ("dcgm, vllm"). Unknown names are reported, not silently dropped, so a
 * typo in a workload's annotation is visible.
 */
export function parsePresetList(text: string): { presets: PresetName[]; unknown: string[] } {
	const names = text
		.split(',')
		.map((n) => n.trim())
		.filter(Boolean);
	return { presets: names.filter(isPresetName), unknown: names.filter((n) => !isPresetName(n)) };
}

/**
 * The presets of one workload, most specific first: its annotation, then the config's per-workload
 * override, then the globally enabled (or detected) ones.
 */
export function resolveWorkloadPresets(input: {
	annotations?: Record<string, string>;
	configured?: PresetName[];
	fallback: PresetName[];
}): PresetName[] {
	const annotated = input.annotations?.[METRICS_PRESET_ANNOTATION];
	if (annotated) {
		const { presets } = parsePresetList(annotated);
		if (presets.length) return presets;
	}
	return input.configured?.length ? input.configured : input.fallback;
}
