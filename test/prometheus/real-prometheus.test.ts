// A real Prometheus scrapes the running simulator's `/metrics` (DCGM in the exported_pod style of a
// cluster-wide exporter, vLLM in the per-pod style) and a second simulator whose scenario names its
// vLLM series as servers before 0.9.2 did; rolltop's prometheus source must read back both
// simulators' ground truth, report Prometheus going away, and recover when it returns.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Pod } from '../../source/domain/k8s';
import { isStale, podKey, type ReplicaSample } from '../../source/domain/metrics';
import { startApiServer, type ApiServer } from '../../source/serve/api-server';
import { EXPOSITION_CONTENT_TYPE } from '../../source/serve/exposition-format';
import { E2E_LATENCY_BUCKETS, ITL_BUCKETS, TTFT_BUCKETS } from '../../source/serve/exposition-histogram';
import { MetricsExposition } from '../../source/serve/metrics-exposition';
import { createSimulator, loadScenario, type Simulator } from '../../source/sources/simulator';
import { createPrometheusSource, PrometheusClient, type PrometheusSource } from '../../source/sources/prometheus';
import { requireTool } from '../helpers/requires';
import { SERVE_SCENARIO } from '../helpers/api-server-scenario';
import { preparePrometheus, prometheusMissingReason, waitFor, type PrometheusProcess } from './prometheus-process';

const missing = prometheusMissingReason();
const hasPrometheus = requireTool('prometheus', !missing, missing ?? '');

/** Rate window: five 1 s scrapes. */
const WINDOW_S = 5;

/**
 * Latency tolerance: the buckets spanned by the truth over the rate window (a quantile of the
 * window's mixed distribution lies between its extremes), widened by the simulator's per-second jitter.
 */
const JITTER = 0.1;
function bucketRange(bounds: readonly number[], truthMs: number[]): [number, number] {
	const seconds = [Math.min(...truthMs) * (1 - JITTER), Math.max(...truthMs) * (1 + JITTER)].map((ms) => ms / 1000);
	const lower = [...bounds].reverse().find((b) => b < seconds[0]) ?? 0;
	const upper = bounds.find((b) => b >= seconds[1]) ?? Infinity;
	return [lower * 1000, upper * 1000];
}

type Truth = Array<{ wallAt: number; samples: Map<string, ReplicaSample> }>;

/** Records a simulator's samples into its expositions, and as truth. */
function expose(sim: Simulator, expositions: MetricsExposition[], truth: Truth): void {
	const lookup = (namespace: string, name: string) => sim.store.get({ kind: 'Pod', namespace, name }) as Pod | undefined;
	sim.metrics.start((samples) => {
		for (const exposition of expositions) exposition.ingest(samples, lookup);
		truth.push({ wallAt: Date.now(), samples: new Map(samples.map((s) => [podKey(s.namespace, s.pod), s])) });
	});
}

/** Replicas serving traffic throughout the last rate window: without requests there is no latency. */
function servingPods(truth: Truth): ReplicaSample[] {
	return [...truth[truth.length - 1].samples.values()].filter((s) =>
		truth.slice(-(WINDOW_S + 2)).every((t) => (t.samples.get(podKey(s.namespace, s.pod))?.values.rps ?? 0) > 0.5),
	);
}

describe.runIf(hasPrometheus)('prometheus source against a real Prometheus', () => {
	let sim: Simulator;
	/** A scenario whose vLLM series carry the names of servers before 0.9.2. */
	let legacySim: Simulator;
	const legacyTruth: Truth = [];
	let server: ApiServer;
	let prometheus: PrometheusProcess;
	let source: PrometheusSource;
	/** The simulator's truth per tick, newest last, with the wall time it was served. */
	const truth: Array<{ wallAt: number; samples: Map<string, ReplicaSample> }> = [];
	const batches: Array<{ receivedAt: number; samples: ReplicaSample[] }> = [];
	const health: Array<string | null> = [];
	/** When both targets had been scraped once: rates need a full window of scrapes after this. */
	let scrapedSince = 0;

	beforeAll(async () => {
		sim = createSimulator(loadScenario('default'), { seed: 7, speed: 1 });
		// Let the pods start and traffic settle before anything is scraped.
		sim.advance(180_000);
		const scenario = loadScenario('default');
		const dcgm = new MetricsExposition({ exporters: ['dcgm'], labelStyle: 'exported' });
		const vllm = new MetricsExposition({ exporters: ['vllm'], labelStyle: 'pod', vllmNames: scenario.vllmMetricNames });
		expose(sim, [dcgm, vllm], truth);
		const dir = mkdtempSync(join(tmpdir(), 'rolltop-legacy-'));
		writeFileSync(join(dir, 'legacy.json'), JSON.stringify({ ...SERVE_SCENARIO, name: 'legacy-vllm', vllmMetricNames: 'legacy' }));
		const legacyScenario = loadScenario(join(dir, 'legacy.json'));
		legacySim = createSimulator(legacyScenario, { seed: 3, speed: 1 });
		legacySim.advance(60_000);
		const legacy = new MetricsExposition({ exporters: ['vllm'], labelStyle: 'pod', vllmNames: legacyScenario.vllmMetricNames });
		expose(legacySim, [legacy], legacyTruth);
		server = await startApiServer({
			store: sim.store,
			routes: {
				'/metrics': () => ({ contentType: EXPOSITION_CONTENT_TYPE, body: vllm.render() }),
				'/dcgm/metrics': () => ({ contentType: EXPOSITION_CONTENT_TYPE, body: dcgm.render() }),
				'/legacy/metrics': () => ({ contentType: EXPOSITION_CONTENT_TYPE, body: legacy.render() }),
			},
		});
		const target = `${server.host}:${server.port}`;
		prometheus = await preparePrometheus({ vllm: { target }, dcgm: { target, path: '/dcgm/metrics' }, legacy: { target, path: '/legacy/metrics' } });
		await prometheus.start();
		const client = new PrometheusClient({ url: prometheus.url });
		await waitFor('all targets up', async () => (await client.query('up == 1').catch(() => [])).length === 3, 20_000);
		scrapedSince = Date.now();
		source = createPrometheusSource({ url: prometheus.url, window: `${WINDOW_S}s`, refreshIntervalMs: 1000 });
		source.onHealth?.((problem) => health.push(problem));
		source.start((samples) => batches.push({ receivedAt: Date.now(), samples }));
	}, 45_000);

	afterAll(async () => {
		source?.stop();
		sim?.metrics.stop();
		legacySim?.metrics.stop();
		await prometheus?.dispose();
		await server?.close();
	});

	const latestBatch = () => batches[batches.length - 1];

	/** Waits for a batch covering a full rate window of every serving replica, then returns it. */
	async function completeBatch(of: Truth, metric: keyof ReplicaSample['values']) {
		await waitFor(
			`complete samples (${metric})`,
			() => {
				const batch = latestBatch();
				if (!batch || batch.receivedAt < scrapedSince + (WINDOW_S + 1) * 1000) return false;
				const got = new Map(batch.samples.map((s) => [podKey(s.namespace, s.pod), s]));
				return servingPods(of).every((t) => got.get(podKey(t.namespace, t.pod))?.values[metric] !== undefined);
			},
			15_000,
		);
		return latestBatch();
	}

	/** Each serving replica's values as the source read them, with the truth over the window before. */
	function readBack(of: Truth, batch: { receivedAt: number; samples: ReplicaSample[] }) {
		const recent = of.filter((t) => t.wallAt <= batch.receivedAt).slice(-(WINDOW_S + 1));
		const pods = servingPods(of);
		expect(pods.length).toBeGreaterThan(1);
		return pods.map((t) => {
			const key = podKey(t.namespace, t.pod);
			const got = batch.samples.find((s) => podKey(s.namespace, s.pod) === key)!;
			const history = recent.map((r) => r.samples.get(key)).filter((s): s is ReplicaSample => Boolean(s));
			const values = (metric: keyof ReplicaSample['values']) => history.map((s) => s.values[metric]!);
			const within = (metric: keyof ReplicaSample['values'], slack: number) => {
				// A gauge is whatever one of the last few seconds reported (exporters round it).
				const seen = values(metric);
				expect(got.values[metric], `${key} ${metric}`).toBeGreaterThanOrEqual(Math.min(...seen) - slack);
				expect(got.values[metric], `${key} ${metric}`).toBeLessThanOrEqual(Math.max(...seen) + slack);
			};
			// Quantiles: the bucket histogram_quantile interpolated in must hold the truth.
			const inBuckets = (metric: keyof ReplicaSample['values'], bounds: readonly number[]) => {
				const [lower, upper] = bucketRange(bounds, values(metric));
				expect(got.values[metric], `${key} ${metric} (truth ${values(metric)})`).toBeGreaterThanOrEqual(lower);
				expect(got.values[metric], `${key} ${metric} (truth ${values(metric)})`).toBeLessThanOrEqual(upper);
			};
			const mean = (metric: keyof ReplicaSample['values']) => values(metric).reduce((a, b) => a + b, 0) / history.length;
			return { key, t, got, within, inBuckets, mean };
		});
	}

	/** The vLLM values: rates, latency quantiles, and the KV cache, queue and inter-token latency. */
	function expectVllmValues(replica: ReturnType<typeof readBack>[number]): void {
		const { key, got, within, inBuckets, mean } = replica;
		// Rates are averages over the window: compare with the truth's average, ±10 %.
		expect(got.values.rps, `${key} rps`).toBeGreaterThanOrEqual(mean('rps') * 0.9 - 0.05);
		expect(got.values.rps, `${key} rps`).toBeLessThanOrEqual(mean('rps') * 1.1 + 0.05);
		expect(Math.abs(got.values.errorRate! - mean('errorRate')), `${key} errorRate`).toBeLessThanOrEqual(0.25 * mean('errorRate') + 0.3);
		inBuckets('p50', E2E_LATENCY_BUCKETS);
		inBuckets('p99', E2E_LATENCY_BUCKETS);
		inBuckets('ttft', TTFT_BUCKETS);
		inBuckets('itl', ITL_BUCKETS);
		// vLLM reports the KV cache as a 0–1 fraction (rounded to 0.001 here); rolltop shows percent.
		within('kvCache', 0.1);
		within('queue', 0);
	}

	it("reads each replica's values back within the stated tolerances", async () => {
		const replicas = readBack(truth, await completeBatch(truth, 'itl'));
		for (const replica of replicas) {
			const { key, t, got, within } = replica;
			const gpus = t.gpus ?? 1;
			expect(got.gpus, `${key} gpus`).toBe(gpus);
			within('gpuUtil', 0.5);
			within('gpuMemUsed', 0.5 * gpus);
			within('gpuMemTotal', gpus);
			within('gpuTemp', 0.5);
			within('gpuPower', 0.001 * gpus);
			expectVllmValues(replica);
		}
		expect(health[health.length - 1]).toBeNull();
	}, 30_000);

	it('reads the KV cache and inter-token latency under the names of vLLM before 0.9.2 with the same queries', async () => {
		const client = new PrometheusClient({ url: prometheus.url });
		const names = async (job: string) => (await client.query(`count by (__name__) ({job="${job}", __name__=~"vllm:(kv|gpu)_cache_usage_perc|vllm:(inter_token_latency|time_per_output_token)_seconds_count"})`)).map((r) => r.metric.__name__).sort();
		expect(await names('legacy')).toEqual(['vllm:gpu_cache_usage_perc', 'vllm:time_per_output_token_seconds_count']);
		expect(await names('vllm')).toEqual(['vllm:inter_token_latency_seconds_count', 'vllm:kv_cache_usage_perc']);
		const replicas = readBack(legacyTruth, await completeBatch(legacyTruth, 'itl'));
		for (const replica of replicas) expectVllmValues(replica);
	}, 30_000);

	it('reports Prometheus stopping, lets the values go stale, and recovers when it returns', async () => {
		await prometheus.stop();
		await waitFor('a health problem', () => Boolean(health[health.length - 1]), 10_000);
		expect(health[health.length - 1]).toBe(`prometheus ${prometheus.url} unreachable: connection refused`);
		const emittedBefore = batches.length;
		const lastAt = Math.max(...latestBatch().samples.map((s) => s.at));
		// Nothing new arrives while it is down, so what the console shows ages into staleness.
		await waitFor('the last values to go stale', () => isStale(lastAt, Date.now(), 2000), 10_000);
		expect(batches.length).toBe(emittedBefore);

		await prometheus.start();
		await waitFor('recovery', () => health[health.length - 1] === null && batches.length > emittedBefore, 20_000);
		const fresh = latestBatch().samples;
		expect(fresh.length).toBeGreaterThan(0);
		expect(fresh.every((s) => !isStale(s.at, Date.now(), 5000))).toBe(true);
	}, 45_000);
});
