import { describe, expect, it } from 'vitest';
import type { VectorResult } from '../../source/sources/prometheus/client';
import { mergeSamples, type PresetResults } from '../../source/sources/prometheus/merge';
import { detectedNames, matrixByPod, vectorByPod } from '../../source/sources/prometheus/parse';
import { loadFixture } from './fake-prometheus';

const recording = loadFixture('refresh-dcgm-vllm.json');
const vector = (key: string) => (recording.responses[key] as { data: { result: VectorResult[] } }).data.result;

function presetResults(preset: 'dcgm' | 'vllm'): PresetResults {
	const keys = Object.keys(recording.responses).filter((k) => k.startsWith(`${preset}.`) && !k.endsWith('.live'));
	return {
		preset,
		values: Object.fromEntries(keys.map((k) => [k.slice(preset.length + 1), vectorByPod(vector(k))])),
		live: vectorByPod(vector(`${preset}.live`)),
	};
}

describe('vectorByPod', () => {
	it('reads string values, turning NaN and +Inf into missing, and skips series without a pod', () => {
		const p50 = vectorByPod(vector('vllm.p50'));
		expect(p50.get('llm/llama-stable-1')?.value).toBeCloseTo(430.18, 2);
		expect(p50.get('llm/llama-idle-1')).toMatchObject({ value: undefined });
		expect(p50.get('llm/llama-burst-1')).toMatchObject({ value: undefined });
		const util = vectorByPod(vector('dcgm.gpuUtil'));
		expect([...util.keys()].sort()).toEqual(['llm/llama-canary-1', 'llm/llama-idle-1', 'llm/llama-stable-1']);
		expect(util.get('llm/llama-stable-1')?.at).toBe(vector('dcgm.gpuUtil')[0].value[0] * 1000);
	});

	it('reads range results per pod without the NaN points', () => {
		const range = matrixByPod((recording.responses['range.vllm.p99'] as { data: { result: never[] } }).data.result);
		expect(range.get('llm/llama-stable-1')).toHaveLength(4);
		expect(range.get('llm/llama-idle-1')).toEqual([]);
	});

	it('lists the metric names a detection query found', () => {
		expect(detectedNames(vector('detect'))).toEqual(new Set(['DCGM_FI_DEV_GPU_UTIL', 'vllm:e2e_request_latency_seconds_count']));
	});
});

describe('mergeSamples', () => {
	const results = [presetResults('dcgm'), presetResults('vllm')];

	it('combines presets per replica, counts GPUs and drops replicas whose series are not live', () => {
		const samples = mergeSamples(results, () => undefined, 1234);
		const byPod = Object.fromEntries(samples.map((s) => [s.pod, s]));
		expect(Object.keys(byPod).sort()).toEqual(['llama-burst-1', 'llama-canary-1', 'llama-idle-1', 'llama-stable-1']);
		expect(byPod['llama-canary-1']).toMatchObject({ gpus: 2, at: 1234, values: { gpuUtil: 81, gpuMemUsed: 150000, gpuMemTotal: 163118, gpuPower: 1100 } });
		expect(byPod['llama-canary-1'].values.rps).toBeCloseTo(20, 6);
		expect(byPod['llama-canary-1'].values.errorRate).toBeCloseTo(4, 6);
		expect(byPod['llama-idle-1'].values).toEqual({ gpuUtil: 0, gpuMemUsed: 30000, gpuMemTotal: 81559, gpuTemp: 38, gpuPower: 70, rps: 0 });
		expect(byPod['llama-burst-1'].values).toEqual({ rps: 3, errorRate: 0 });
		expect(byPod['llama-burst-1'].gpus).toBeUndefined();
	});

	it("uses only a replica's own presets when it names them", () => {
		const samples = mergeSamples(results, (_ns, pod) => (pod === 'llama-stable-1' ? ['vllm'] : undefined), 0);
		const stable = samples.find((s) => s.pod === 'llama-stable-1')!;
		expect(stable.values.gpuUtil).toBeUndefined();
		expect(stable.values.p99).toBeCloseTo(1873.6, 1);
		expect(samples.find((s) => s.pod === 'llama-canary-1')!.values.gpuUtil).toBe(81);
	});

	it('keeps values when the freshness query failed rather than dropping everything', () => {
		const withoutLive = results.map((r) => ({ ...r, live: undefined }));
		expect(mergeSamples(withoutLive, () => undefined, 0).map((s) => s.pod)).toContain('llama-gone-1');
	});
});
