// Per-node GPU health through a real Prometheus: the simulator's DCGM page (with a node whose GPUs
// report XID 48) is scraped, and the prometheus source's node-level queries — one per family,
// grouped by Hostname — read back each node's mean utilisation, hottest GPU, total power and XID.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Pod } from '../../source/domain/k8s';
import type { ReplicaSample } from '../../source/domain/metrics';
import { aggregateNodeSamples, type NodeSample } from '../../source/domain/node-metrics';
import { startApiServer, type ApiServer } from '../../source/serve/api-server';
import { EXPOSITION_CONTENT_TYPE } from '../../source/serve/exposition-format';
import { MetricsExposition } from '../../source/serve/metrics-exposition';
import { createSimulator, loadScenario, type Simulator } from '../../source/sources/simulator';
import { createPrometheusSource, PrometheusClient, type PrometheusSource } from '../../source/sources/prometheus';
import { presetQueries } from '../../source/sources/prometheus/presets';
import { preparePrometheus, prometheusMissingReason, waitFor, type PrometheusProcess } from './prometheus-process';

const missing = prometheusMissingReason();
if (missing) console.warn(`skipping the real-Prometheus node test: ${missing}`);

describe.skipIf(missing)('per-node DCGM values through a real Prometheus', () => {
	let sim: Simulator;
	let server: ApiServer;
	let prometheus: PrometheusProcess;
	let source: PrometheusSource;
	const truth: ReplicaSample[][] = [];
	const nodeBatches: NodeSample[][] = [];

	beforeAll(async () => {
		sim = createSimulator(loadScenario('default'), { seed: 7, speed: 1 });
		sim.advance(120_000);
		const lookup = (namespace: string, name: string) => sim.store.get({ kind: 'Pod', namespace, name }) as Pod | undefined;
		const dcgm = new MetricsExposition({ exporters: ['dcgm'], xidOf: (node) => sim.nodeXid(node) });
		sim.metrics.start((samples) => {
			dcgm.ingest(samples, lookup);
			truth.push(samples);
		});
		server = await startApiServer({ store: sim.store, routes: { '/metrics': () => ({ contentType: EXPOSITION_CONTENT_TYPE, body: dcgm.render() }) } });
		prometheus = await preparePrometheus({ dcgm: { target: `${server.host}:${server.port}` } });
		await prometheus.start();
		const client = new PrometheusClient({ url: prometheus.url });
		await waitFor('target up', async () => (await client.query('up == 1').catch(() => [])).length === 1, 20_000);
		source = createPrometheusSource({ url: prometheus.url, refreshIntervalMs: 1000, presets: ['dcgm'] });
		source.onNodeSamples?.((samples) => nodeBatches.push(samples));
		source.start(() => {});
	}, 45_000);

	afterAll(async () => {
		source?.stop();
		sim?.metrics.stop();
		await prometheus?.dispose();
		await server?.close();
	});

	it('reads each node’s utilisation, temperature, power and XID, one query per family', async () => {
		const nodeOf = (namespace: string, pod: string) => (sim.store.get({ kind: 'Pod', namespace, name: pod }) as Pod | undefined)?.spec.nodeName;
		const busyNodes = new Set(truth[truth.length - 1].map((s) => nodeOf(s.namespace, s.pod)).filter(Boolean));
		await waitFor('a sample for every node with GPUs in use', () => (nodeBatches[nodeBatches.length - 1]?.filter((n) => n.gpuUtil !== undefined).length ?? 0) >= busyNodes.size, 15_000);
		const got = nodeBatches[nodeBatches.length - 1];
		// Gauges: the value of one of the last few seconds (DCGM rounds util and temperature per GPU).
		const recent = truth.slice(-6).map((samples) => new Map(aggregateNodeSamples(samples, nodeOf, 0).map((n) => [n.node, n])));
		const xidNode = (sim.store.list('Node') as Array<{ metadata: { name: string } }>).map((n) => n.metadata.name).find((name) => sim.nodeXid(name) === 48);
		expect(xidNode).toBeDefined();
		for (const node of got) {
			const seen = (key: 'gpuUtil' | 'gpuTemp' | 'gpuPower') => recent.map((r) => r.get(node.node)?.[key]).filter((v): v is number => v !== undefined);
			const within = (key: 'gpuUtil' | 'gpuTemp' | 'gpuPower', slack: number) => {
				expect(node[key], `${node.node} ${key}`).toBeGreaterThanOrEqual(Math.min(...seen(key)) - slack);
				expect(node[key], `${node.node} ${key}`).toBeLessThanOrEqual(Math.max(...seen(key)) + slack);
			};
			within('gpuUtil', 0.5);
			within('gpuTemp', 0.5);
			within('gpuPower', 0.01);
			expect(node.xid, node.node).toBe(node.node === xidNode ? 48 : 0);
		}
		expect(got.map((n) => n.node)).toContain(xidNode);
		// Four node queries next to the DCGM preset's own (its values and freshness): none per node or per pod.
		expect(source.lastQueryCount).toBe(Object.keys(presetQueries('dcgm', '1m')).length + 1 + 4);
	}, 30_000);
});
