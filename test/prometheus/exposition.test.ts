import { describe, expect, it } from 'vitest';
import type { Pod } from '../../source/domain/k8s';
import type { ReplicaSample } from '../../source/domain/metrics';
import {
	E2E_LATENCY_BUCKETS,
	logNormalCdf,
	logNormalFromQuantiles,
	normalCdf,
} from '../../source/serve/exposition-histogram';
import { MetricsExposition } from '../../source/serve/metrics-exposition';

function pod(name: string, node: string): Pod {
	return {
		kind: 'Pod',
		metadata: { name, namespace: 'llm', labels: { app: 'llama-3-8b' } },
		spec: { nodeName: node, containers: [{ name: 'vllm', resources: { limits: { 'nvidia.com/gpu': '2' } } }] },
	};
}

const PODS: Record<string, Pod> = { 'llm/a': pod('a', 'gpu-1'), 'llm/b': pod('b', 'gpu-1') };
const lookup = (namespace: string, name: string) => PODS[`${namespace}/${name}`];

function sample(name: string, at: number, values: ReplicaSample['values'], gpus = 1): ReplicaSample {
	return { namespace: 'llm', pod: name, at, gpus, values };
}

const BUSY = { gpuUtil: 70.4, gpuMemUsed: 120_000, gpuMemTotal: 163_118, gpuTemp: 66, gpuPower: 800, p50: 600, p99: 2400, ttft: 90, rps: 10, errorRate: 2 };

/** Parses exposition lines "name{labels} value" into [name, labels, value]. */
function series(text: string): Array<{ name: string; labels: Record<string, string>; value: number }> {
	return text
		.split('\n')
		.filter((line) => line && !line.startsWith('#'))
		.map((line) => {
			const match = /^([^{ ]+)(?:\{(.*)\})? (\S+)$/.exec(line)!;
			const labels = Object.fromEntries([...(match[2] ?? '').matchAll(/([A-Za-z_]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
			return { name: match[1], labels, value: Number(match[3]) };
		});
}

function find(text: string, name: string, labels: Record<string, string> = {}) {
	return series(text).filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
}

describe('MetricsExposition', () => {
	it('renders one DCGM series per GPU with the exporter labels, splitting memory and power', () => {
		const expo = new MetricsExposition();
		expo.ingest([sample('a', 1000, BUSY, 2), sample('b', 1000, { ...BUSY, gpuUtil: 10 }, 1)], lookup);
		const text = expo.render();
		const util = find(text, 'DCGM_FI_DEV_GPU_UTIL', { pod: 'a' });
		expect(util.map((s) => s.labels.gpu)).toEqual(['0', '1']);
		expect(util[0].labels).toMatchObject({ device: 'nvidia0', Hostname: 'gpu-1', container: 'vllm', namespace: 'llm', modelName: 'NVIDIA H100 80GB HBM3' });
		expect(util[0].labels.UUID).toMatch(/^GPU-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
		expect(util.map((s) => s.value)).toEqual([70, 70]);
		// b lands on the same node, so it gets the next free GPU index.
		expect(find(text, 'DCGM_FI_DEV_GPU_UTIL', { pod: 'b' }).map((s) => s.labels.gpu)).toEqual(['2']);
		expect(find(text, 'DCGM_FI_DEV_FB_USED', { pod: 'a' }).map((s) => s.value)).toEqual([60_000, 60_000]);
		expect(find(text, 'DCGM_FI_DEV_FB_FREE', { pod: 'a' }).map((s) => s.value)).toEqual([21_559, 21_559]);
		expect(find(text, 'DCGM_FI_DEV_POWER_USAGE', { pod: 'a' }).map((s) => s.value)).toEqual([400, 400]);
		expect(text).toContain('# HELP DCGM_FI_DEV_FB_USED Framebuffer memory used (in MiB).\n# TYPE DCGM_FI_DEV_FB_USED gauge\n');
	});

	it('grows vLLM counters by rps x the sample interval and splits errors by finished_reason', () => {
		const expo = new MetricsExposition();
		expo.ingest([sample('a', 1000, BUSY)], lookup);
		expo.ingest([sample('a', 2000, BUSY)], lookup);
		expo.ingest([sample('a', 4000, BUSY)], lookup);
		const text = expo.render();
		const byReason = (reason: string) => find(text, 'vllm:request_success_total', { pod: 'a', finished_reason: reason })[0].value;
		// 1 s + 1 s + 2 s at 10 req/s, 2 % of them errors
		expect(byReason('stop') + byReason('error')).toBeCloseTo(40, 9);
		expect(byReason('error')).toBeCloseTo(0.8, 9);
		expect(find(text, 'vllm:e2e_request_latency_seconds', { pod: 'a' })).toEqual([]);
		const count = find(text, 'vllm:e2e_request_latency_seconds_count', { pod: 'a' })[0];
		expect(count.value).toBeCloseTo(40, 9);
		expect(count.labels).toEqual({ engine: '0', model_name: 'llama-3-8b', namespace: 'llm', pod: 'a' });
		expect(text).toContain('# TYPE vllm:e2e_request_latency_seconds histogram\n');
	});

	it('spreads requests over the buckets so that the true p50 and p99 fall in the bucket histogram_quantile interpolates in', () => {
		const expo = new MetricsExposition();
		expo.ingest([sample('a', 1000, BUSY)], lookup);
		const text = expo.render();
		const buckets = find(text, 'vllm:e2e_request_latency_seconds_bucket', { pod: 'a' });
		const total = buckets.find((b) => b.labels.le === '+Inf')!.value;
		const share = (le: string) => buckets.find((b) => b.labels.le === le)!.value / total;
		// p50 = 0.6 s lies in (0.5, 0.8]; p99 = 2.4 s in (2, 2.5]
		expect(share('0.5')).toBeLessThan(0.5);
		expect(share('0.8')).toBeGreaterThan(0.5);
		expect(share('2')).toBeLessThan(0.99);
		expect(share('2.5')).toBeGreaterThan(0.99);
		const values = buckets.map((b) => b.value);
		expect([...values].sort((x, y) => x - y)).toEqual(values);
	});

	it('renders the exported_pod label style of a cluster-wide exporter', () => {
		const expo = new MetricsExposition({ labelStyle: 'exported', exporter: { namespace: 'gpu-operator', pod: 'dcgm-exporter-x' } });
		expo.ingest([sample('a', 1000, BUSY)], lookup);
		const text = expo.render();
		expect(find(text, 'DCGM_FI_DEV_GPU_UTIL')[0].labels).toMatchObject({
			exported_namespace: 'llm',
			exported_pod: 'a',
			exported_container: 'vllm',
			namespace: 'gpu-operator',
			pod: 'dcgm-exporter-x',
		});
		expect(find(text, 'vllm:num_requests_running')[0].labels).toMatchObject({ exported_pod: 'a', pod: 'dcgm-exporter-x' });
	});

	it('leaves out what a sample does not have, and drops replicas no longer sampled', () => {
		const expo = new MetricsExposition({ expireAfterMs: 5000 });
		expo.ingest([sample('a', 1000, { gpuUtil: 5 }), sample('b', 1000, BUSY)], lookup);
		let text = expo.render();
		expect(find(text, 'DCGM_FI_DEV_FB_USED', { pod: 'a' })).toEqual([]);
		expect(find(text, 'vllm:num_requests_running', { pod: 'a' })).toEqual([]);
		expo.ingest([sample('b', 7000, BUSY)], lookup);
		text = expo.render();
		expect(find(text, 'DCGM_FI_DEV_GPU_UTIL', { pod: 'a' })).toEqual([]);
		expect(find(text, 'DCGM_FI_DEV_GPU_UTIL', { pod: 'b' })).toHaveLength(1);
	});

	it('is deterministic for the same inputs', () => {
		const run = () => {
			const expo = new MetricsExposition();
			for (let t = 1000; t <= 5000; t += 1000) expo.ingest([sample('a', t, BUSY, 2), sample('b', t, BUSY)], lookup);
			return expo.render();
		};
		expect(run()).toBe(run());
	});
});

describe('latency distribution', () => {
	it('matches the normal CDF at known points', () => {
		expect(normalCdf(0)).toBeCloseTo(0.5, 6);
		expect(normalCdf(2.3263478740408408)).toBeCloseTo(0.99, 6);
		expect(normalCdf(-1.959963984540054)).toBeCloseTo(0.025, 6);
	});

	it('puts the median at p50 and the 99th percentile at p99', () => {
		const dist = logNormalFromQuantiles(400, 1600);
		expect(logNormalCdf(dist, 0.4)).toBeCloseTo(0.5, 6);
		expect(logNormalCdf(dist, 1.6)).toBeCloseTo(0.99, 6);
		expect(E2E_LATENCY_BUCKETS[0]).toBe(0.3);
	});
});

describe('exporter selection', () => {
	it('renders only the chosen exporters, as separate scrape targets would', () => {
		const dcgmOnly = new MetricsExposition({ exporters: ['dcgm'] });
		dcgmOnly.ingest([sample('a', 1000, BUSY)], lookup);
		const names = new Set(series(dcgmOnly.render()).map((s) => s.name));
		expect([...names].every((n) => n.startsWith('DCGM_'))).toBe(true);
		expect(names.has('DCGM_FI_DEV_GPU_UTIL')).toBe(true);
	});
});
