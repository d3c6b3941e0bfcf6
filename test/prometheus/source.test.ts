import { KubeConfig } from '@kubernetes/client-node';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReplicaSample } from '../../source/domain/metrics';
import { createPrometheusSource, type PrometheusSource, type PrometheusSourceOptions } from '../../source/sources/prometheus';
import { answerFromRecording, loadFixture, startFakePrometheus, type Answer, type FakePrometheus, type FakeRequest } from './fake-prometheus';
import { freePort, waitFor } from './prometheus-process';

const recording = loadFixture('refresh-dcgm-vllm.json');
const replay = answerFromRecording(recording);

let fake: FakePrometheus | undefined;
let source: PrometheusSource | undefined;
afterEach(async () => {
	source?.stop();
	source = undefined;
	await fake?.close();
	fake = undefined;
});

interface Started {
	batches: ReplicaSample[][];
	health: Array<string | null>;
}

function startSource(options: PrometheusSourceOptions): Started {
	const started: Started = { batches: [], health: [] };
	source = createPrometheusSource({ window: recording.window, refreshIntervalMs: 60_000, ...options });
	source.onHealth?.((problem) => started.health.push(problem));
	source.start((samples) => started.batches.push(samples));
	return started;
}

const lastHealth = (s: Started) => s.health[s.health.length - 1];

describe('prometheus source', () => {
	it('detects the presets and emits one sample per live replica from a recorded refresh', async () => {
		fake = await startFakePrometheus(replay);
		const started = startSource({ url: fake.url });
		await waitFor('a batch', () => started.batches.length > 0, 5000, 20);
		const byPod = Object.fromEntries(started.batches[0].map((s) => [s.pod, s]));
		expect(Object.keys(byPod).sort()).toEqual(['llama-burst-1', 'llama-canary-1', 'llama-idle-1', 'llama-stable-1']);
		const stable = byPod['llama-stable-1'];
		expect(stable.gpus).toBe(1);
		expect(stable.values).toMatchObject({ gpuUtil: 62, gpuMemUsed: 61000, gpuMemTotal: 81559, gpuTemp: 64, gpuPower: 410.5, rps: 12 });
		expect(stable.values.p99).toBeCloseTo(1873.6, 1);
		expect(stable.values.ttft).toBeCloseTo(85.47, 2);
		expect(stable.at).toBeGreaterThan(1.7e12);
		expect(byPod['llama-canary-1'].gpus).toBe(2);
		expect(lastHealth(started)).toBeNull();
		// detection + (6 dcgm + 8 vllm values) + 2 freshness queries
		expect(fake.requests).toHaveLength(17);
		expect(source!.lastQueryCount).toBe(17);
	});

	it('sends the same number of queries for 3 replicas as for 300', async () => {
		const counts: number[] = [];
		for (const replicas of [3, 300]) {
			const result = Array.from({ length: replicas }, (_, i) => ({ metric: { namespace: 'llm', pod: `p-${i}` }, value: [1.7e9, '1'] }));
			fake = await startFakePrometheus(({ params }) =>
				params.query.startsWith('count by (__name__)')
					? replay({ path: '/api/v1/query', params, headers: {} })
					: { status: 200, body: { status: 'success', data: { resultType: 'vector', result } } },
			);
			const started = startSource({ url: fake.url });
			await waitFor('a batch', () => started.batches.length > 0, 5000, 20);
			expect(started.batches[0]).toHaveLength(replicas);
			counts.push(fake.requests.length);
			expect(fake.requests.every((r) => !/p-\d/.test(r.params.query))).toBe(true);
			source!.stop();
			await fake.close();
		}
		expect(counts[0]).toBe(counts[1]);
		fake = undefined;
	});

	it.each<[string, Partial<PrometheusSourceOptions>, (url: string) => string, string]>([
		['a bearer token', { auth: { token: 's3cret-token' } }, (url) => url, 'Bearer s3cret-token'],
		['basic auth', { auth: { username: 'ops', password: 'pa55' } }, (url) => url, `Basic ${Buffer.from('ops:pa55').toString('base64')}`],
		['credentials in the URL', {}, (url) => url.replace('http://', 'http://ops:pa55@'), `Basic ${Buffer.from('ops:pa55').toString('base64')}`],
	])('authenticates with %s and keeps it out of messages', async (_name, options, url, header) => {
		fake = await startFakePrometheus(() => ({ status: 401, body: 'Unauthorized' }));
		const started = startSource({ ...options, url: url(fake.url) });
		await waitFor('a health problem', () => Boolean(lastHealth(started)), 5000, 20);
		expect(fake.requests[0].headers.authorization).toBe(header);
		expect(lastHealth(started)).toBe(
			`prometheus ${fake.url}: 401 unauthorized (set ROLLTOP_PROMETHEUS_TOKEN, or ROLLTOP_PROMETHEUS_USER and ROLLTOP_PROMETHEUS_PASSWORD)`,
		);
		expect(source!.label).toBe(`prometheus ${fake.url}`);
	});

	it('reports an unreachable Prometheus, keeps retrying and recovers by itself', async () => {
		const port = await freePort();
		const started = startSource({ url: `http://127.0.0.1:${port}`, refreshIntervalMs: 50 });
		await waitFor('a health problem', () => Boolean(lastHealth(started)), 5000, 20);
		expect(lastHealth(started)).toBe(`prometheus http://127.0.0.1:${port} unreachable: connection refused`);
		expect(started.batches).toEqual([]);
		fake = await startFakePrometheus(replay, port);
		await waitFor('recovery', () => started.batches.length > 0 && lastHealth(started) === null, 5000, 20);
		expect(started.health.filter((h) => h !== null)).toHaveLength(1);
	});

	it('reports a rejected query with Prometheus’s reason', async () => {
		fake = await startFakePrometheus(() => ({ status: 400, body: loadFixture('error-bad-data.json') }));
		const started = startSource({ url: fake.url, presets: ['vllm'] });
		await waitFor('a health problem', () => Boolean(lastHealth(started)), 5000, 20);
		expect(lastHealth(started)).toBe(
			`prometheus ${fake.url}: query rejected (bad_data: invalid parameter "query": 1:28: parse error: unclosed left parenthesis)`,
		);
	});

	it.each([
		['prometheus:9090', 'prometheus URL "prometheus:9090" must start with http:// or https://'],
		['not a url', 'prometheus URL "not a url" is not a valid URL (expected http(s)://host:port)'],
	])('reports the bad URL %j without throwing', (url, message) => {
		const started = startSource({ url });
		expect(started.health).toEqual([message]);
		expect(source!.label).toBe('prometheus (not configured)');
	});

	it('says so when none of the known metrics exist', async () => {
		fake = await startFakePrometheus(() => ({ status: 200, body: { status: 'success', data: { resultType: 'vector', result: [] } } }));
		const started = startSource({ url: fake.url });
		await waitFor('a health problem', () => Boolean(lastHealth(started)), 5000, 20);
		expect(lastHealth(started)).toMatch(/: none of the known metrics found \(looked for DCGM_FI_DEV_GPU_UTIL, vllm:e2e_request_latency_seconds_count, /);
	});

	it("reaches a Kubernetes service through the API server's proxy with the kubeconfig's credentials", async () => {
		const prefix = '/api/v1/namespaces/monitoring/services/prometheus-k8s:9090/proxy';
		fake = await startFakePrometheus((request: FakeRequest): Answer =>
			request.path.startsWith(prefix) ? replay({ ...request, path: request.path.slice(prefix.length) }) : { status: 404, body: {} },
		);
		const kubeConfig = new KubeConfig();
		kubeConfig.loadFromOptions({
			// client-node refuses plain http unless TLS verification is off
			clusters: [{ name: 'c', server: fake.url, skipTLSVerify: true }],
			users: [{ name: 'u', token: 'kube-token' }],
			contexts: [{ name: 'ctx', cluster: 'c', user: 'u' }],
			currentContext: 'ctx',
		});
		const started = startSource({ service: { namespace: 'monitoring', name: 'prometheus-k8s', port: '9090' }, kubeConfig });
		await waitFor('a batch', () => started.batches.length > 0 || Boolean(lastHealth(started)), 5000, 20);
		expect(lastHealth(started)).toBeNull();
		expect(fake.requests[0].path).toBe(`${prefix}/api/v1/query`);
		expect(fake.requests[0].headers.authorization).toBe('Bearer kube-token');
		expect(source!.label).toBe('prometheus service monitoring/prometheus-k8s:9090');
		expect(started.batches[0].length).toBe(4);
	});

	it('reports kubeconfig credential failures as such, not as an unreachable Prometheus', async () => {
		fake = await startFakePrometheus(replay);
		const kubeConfig = new KubeConfig();
		kubeConfig.loadFromOptions({
			clusters: [{ name: 'c', server: fake.url, skipTLSVerify: false }],
			users: [{ name: 'u', token: 'kube-token' }],
			contexts: [{ name: 'ctx', cluster: 'c', user: 'u' }],
			currentContext: 'ctx',
		});
		const started = startSource({ service: { namespace: 'monitoring', name: 'prometheus-k8s', port: '9090' }, kubeConfig });
		await waitFor('a health problem', () => Boolean(lastHealth(started)), 5000, 20);
		expect(lastHealth(started)).toMatch(/^prometheus service monitoring\/prometheus-k8s:9090: kubeconfig credentials failed: /);
		expect(lastHealth(started)).not.toContain('kube-token');
		expect(fake.requests).toEqual([]);
	});

	it('backfills a chart with one query_range for all pods of the selection', async () => {
		fake = await startFakePrometheus(replay);
		startSource({ url: fake.url, presets: ['dcgm', 'vllm'] });
		source!.stop();
		const from = 1_795_313_944_000;
		const history = await source!.backfill!(
			[
				{ namespace: 'llm', pod: 'llama-stable-1' },
				{ namespace: 'llm', pod: 'llama-canary-1' },
			],
			'p99',
			from,
			from + 6000,
			2000,
		);
		const ranges = fake.requests.filter((r) => r.path === '/api/v1/query_range');
		expect(ranges).toHaveLength(1);
		expect(ranges[0].params).toMatchObject({ start: '1795313944', end: '1795313950', step: '2' });
		expect(ranges[0].params.query).toContain('histogram_quantile(0.99');
		expect(history.filter((s) => s.pod === 'llama-stable-1')).toHaveLength(4);
		expect(history.filter((s) => s.pod === 'llama-canary-1')).toHaveLength(4);
		expect(history.some((s) => s.pod === 'llama-idle-1')).toBe(false);
		expect(history[0].values.p99).toBeGreaterThan(0);
	});
});
