// A real Prometheus scrapes the running simulator's `/metrics` (DCGM in the exported_pod style of a
// cluster-wide exporter, vLLM in the per-pod style); rolltop's prometheus source must read back the
// simulator's ground truth, report Prometheus going away, and recover when it returns.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Pod } from '../../source/domain/k8s';
import { isStale, podKey, type ReplicaSample } from '../../source/domain/metrics';
import { startApiServer, type ApiServer } from '../../source/serve/api-server';
import { EXPOSITION_CONTENT_TYPE } from '../../source/serve/exposition-format';
import { E2E_LATENCY_BUCKETS, TTFT_BUCKETS } from '../../source/serve/exposition-histogram';
import { MetricsExposition } from '../../source/serve/metrics-exposition';
import { createSimulator, loadScenario, type Simulator } from '../../source/sources/simulator';
import { createPrometheusSource, PrometheusClient, type PrometheusSource } from '../../source/sources/prometheus';
import { requireTool } from '../helpers/requires';
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

describe.runIf(hasPrometheus)('prometheus source against a real Prometheus', () => {
	let sim: Simulator;
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
		const lookup = (namespace: string, name: string) => sim.store.get({ kind: 'Pod', namespace, name }) as Pod | undefined;
		const dcgm = new MetricsExposition({ exporters: ['dcgm'], labelStyle: 'exported' });
		const vllm = new MetricsExposition({ exporters: ['vllm'], labelStyle: 'pod' });
		sim.metrics.start((samples) => {
			dcgm.ingest(samples, lookup);
			vllm.ingest(samples, lookup);
			truth.push({ wallAt: Date.now(), samples: new Map(samples.map((s) => [podKey(s.namespace, s.pod), s])) });
		});
		server = await startApiServer({
			store: sim.store,
			routes: {
				'/metrics': () => ({ contentType: EXPOSITION_CONTENT_TYPE, body: vllm.render() }),
				'/dcgm/metrics': () => ({ contentType: EXPOSITION_CONTENT_TYPE, body: dcgm.render() }),
			},
		});
		const target = `${server.host}:${server.port}`;
		prometheus = await preparePrometheus({ vllm: { target }, dcgm: { target, path: '/dcgm/metrics' } });
		await prometheus.start();
		const client = new PrometheusClient({ url: prometheus.url });
		await waitFor('both targets up', async () => (await client.query('up == 1').catch(() => [])).length === 2, 20_000);
		scrapedSince = Date.now();
		source = createPrometheusSource({ url: prometheus.url, window: `${WINDOW_S}s`, refreshIntervalMs: 1000 });
		source.onHealth?.((problem) => health.push(problem));
		source.start((samples) => batches.push({ receivedAt: Date.now(), samples }));
	}, 45_000);

	afterAll(async () => {
		source?.stop();
		sim?.metrics.stop();
		await prometheus?.dispose();
		await server?.close();
	});

	const latestBatch = () => batches[batches.length - 1];

	it("reads each replica's values back within the stated tolerances", async () => {
		// Replicas serving traffic throughout the window: without requests there is no latency to observe.
		const readyPods = () =>
			[...truth[truth.length - 1].samples.values()].filter((s) =>
				truth.slice(-(WINDOW_S + 2)).every((t) => (t.samples.get(podKey(s.namespace, s.pod))?.values.rps ?? 0) > 0.5),
			);
		// Wait until a full rate window has been scraped for every serving replica.
		await waitFor(
			'complete samples',
			() => {
				const batch = latestBatch();
				if (!batch || batch.receivedAt < scrapedSince + (WINDOW_S + 1) * 1000) return false;
				const got = new Map(batch.samples.map((s) => [podKey(s.namespace, s.pod), s]));
				return readyPods().every((t) => got.get(podKey(t.namespace, t.pod))?.values.p99 !== undefined);
			},
			15_000,
		);
		const batch = latestBatch();
		const recent = truth.filter((t) => t.wallAt <= batch.receivedAt).slice(-(WINDOW_S + 1));
		const pods = readyPods();
		expect(pods.length).toBeGreaterThan(1);
		for (const t of pods) {
			const key = podKey(t.namespace, t.pod);
			const got = batch.samples.find((s) => podKey(s.namespace, s.pod) === key)!;
			const history = recent.map((r) => r.samples.get(key)).filter((s): s is ReplicaSample => Boolean(s));
			const values = (metric: keyof ReplicaSample['values']) => history.map((s) => s.values[metric]!);
			const within = (metric: keyof ReplicaSample['values'], slack: number) => {
				// A gauge is whatever one of the last few seconds reported (DCGM rounds to integers).
				const seen = values(metric);
				expect(got.values[metric], `${key} ${metric}`).toBeGreaterThanOrEqual(Math.min(...seen) - slack);
				expect(got.values[metric], `${key} ${metric}`).toBeLessThanOrEqual(Math.max(...seen) + slack);
			};
			const gpus = t.gpus ?? 1;
			expect(got.gpus, `${key} gpus`).toBe(gpus);
			within('gpuUtil', 0.5);
			within('gpuMemUsed', 0.5 * gpus);
			within('gpuMemTotal', gpus);
			within('gpuTemp', 0.5);
			within('gpuPower', 0.001 * gpus);
			// Rates are averages over the window: compare with the truth's average, ±10 %.
			const mean = (metric: keyof ReplicaSample['values']) => values(metric).reduce((a, b) => a + b, 0) / history.length;
			expect(got.values.rps, `${key} rps`).toBeGreaterThanOrEqual(mean('rps') * 0.9 - 0.05);
			expect(got.values.rps, `${key} rps`).toBeLessThanOrEqual(mean('rps') * 1.1 + 0.05);
			expect(Math.abs(got.values.errorRate! - mean('errorRate')), `${key} errorRate`).toBeLessThanOrEqual(0.25 * mean('errorRate') + 0.3);
			// Quantiles: the bucket histogram_quantile interpolated in must hold the truth.
			for (const [metric, bounds] of [['p50', E2E_LATENCY_BUCKETS], ['p99', E2E_LATENCY_BUCKETS], ['ttft', TTFT_BUCKETS]] as const) {
				const [lower, upper] = bucketRange(bounds, values(metric));
				expect(got.values[metric], `${key} ${metric} (truth ${values(metric)})`).toBeGreaterThanOrEqual(lower);
				expect(got.values[metric], `${key} ${metric} (truth ${values(metric)})`).toBeLessThanOrEqual(upper);
			}
		}
		expect(health[health.length - 1]).toBeNull();
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
