import { describe, expect, it } from 'vitest';
import {
	METRICS_PRESET_ANNOTATION,
	parsePresetList,
	PRESET_NAMES,
	presetFreshnessQuery,
	presetQueries,
	resolveWorkloadPresets,
} from '../../source/sources/prometheus/presets';
import { detectionQuery } from '../../source/sources/prometheus/promql';

const NORMALISE = (inner: string) =>
	`label_replace(label_replace(${inner}, "pod", "$1", "exported_pod", "(.+)"), "namespace", "$1", "exported_namespace", "(.+)")`;

describe('presetQueries', () => {
	it('gives the exact PromQL of the vLLM p99 and the DCGM utilisation', () => {
		expect(presetQueries('vllm', '1m').p99).toBe(
			`histogram_quantile(0.99, sum by (namespace, pod, le) (${NORMALISE('rate(vllm:e2e_request_latency_seconds_bucket[1m])')})) * 1000`,
		);
		expect(presetQueries('dcgm', '1m').gpuUtil).toBe(`avg by (namespace, pod) (${NORMALISE('DCGM_FI_DEV_GPU_UTIL')})`);
		expect(presetQueries('dcgm', '1m').gpus).toBe(`count by (namespace, pod) (${NORMALISE('DCGM_FI_DEV_GPU_UTIL')})`);
	});

	it.each(PRESET_NAMES)('%s: every query is grouped by namespace and pod, reads both label styles and uses the window', (preset) => {
		const queries = Object.values(presetQueries(preset, '37s'));
		expect(queries.length).toBeGreaterThan(0);
		for (const query of queries) {
			expect(query).toMatch(/by \(namespace, pod(, le)?\)/);
			expect(query).toContain('"exported_pod"');
			expect(query).not.toMatch(/\[(?!37s\])[^\]]*\]/);
		}
		expect(presetFreshnessQuery(preset)).toMatch(/^max by \(namespace, pod\) \(label_replace\(label_replace\(timestamp\([^()]+\),/);
	});

	it('applies config overrides, substituting $window', () => {
		const queries = presetQueries('vllm', '2m', { vllm: { ttft: 'histogram_quantile(0.9, sum by (namespace, pod, le) (rate(x_bucket[$window]))) * 1000' } });
		expect(queries.ttft).toBe('histogram_quantile(0.9, sum by (namespace, pod, le) (rate(x_bucket[2m]))) * 1000');
		expect(queries.p99).toBe(presetQueries('vllm', '2m').p99);
	});
});

describe('preset choice', () => {
	it('parses annotation lists and reports unknown names', () => {
		expect(parsePresetList(' dcgm, vllm ,,tgx')).toEqual({ presets: ['dcgm', 'vllm'], unknown: ['tgx'] });
	});

	it('prefers the workload annotation, then the config, then the fallback', () => {
		const fallback = ['dcgm', 'vllm'] as const;
		expect(resolveWorkloadPresets({ annotations: { [METRICS_PRESET_ANNOTATION]: 'triton' }, configured: ['tgi'], fallback: [...fallback] })).toEqual(['triton']);
		expect(resolveWorkloadPresets({ annotations: { [METRICS_PRESET_ANNOTATION]: 'nonsense' }, configured: ['tgi'], fallback: [...fallback] })).toEqual(['tgi']);
		expect(resolveWorkloadPresets({ fallback: [...fallback] })).toEqual(['dcgm', 'vllm']);
	});

	it('detects presets with one query over metric names', () => {
		expect(detectionQuery(['DCGM_FI_DEV_GPU_UTIL', 'vllm:e2e_request_latency_seconds_count'])).toBe(
			'count by (__name__) ({__name__=~"DCGM_FI_DEV_GPU_UTIL|vllm:e2e_request_latency_seconds_count"})',
		);
	});
});
