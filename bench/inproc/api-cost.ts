// What the console costs the cluster: Kubernetes requests made by the live source (list + watch per
// kind, then nothing but watch re-opens) and Prometheus queries per metrics refresh, each measured
// at a small and a large cluster, so "independent of the replica count" is a measured comparison.
import { performance } from 'node:perf_hooks';
import { createKubernetesSource } from '../../source/sources/kubernetes';
import { WATCH_TIMEOUT_SECONDS } from '../../source/sources/kubernetes/list-watch';
import { createPrometheusSource, PrometheusClient } from '../../source/sources/prometheus';
import { preparePrometheus, prometheusMissingReason, waitFor } from '../../test/prometheus/prometheus-process';
import type { Figure } from './figure';
import { serveGeneratedCluster } from './served-cluster';

export interface ClusterSize {
	replicas: number;
	workloads: number;
}

interface KubernetesCost {
	startup: number;
	watches: number;
	/** Requests per minute once every watch is open; `polling` counts those that are not watches. */
	perMinute: number;
	pollingPerMinute: number;
}

const isWatch = (query: string) => /[?&]watch=(true|1)/.test(query);

export async function measureKubernetesCost(size: ClusterSize, steadySeconds: number): Promise<KubernetesCost> {
	const cluster = await serveGeneratedCluster(size);
	const source = createKubernetesSource({ kubeconfig: cluster.kubeconfig, allNamespaces: true, env: {} });
	const api = () => cluster.server.requests.filter((r) => r.path !== '/metrics');
	try {
		source.start(() => {});
		// Started once the watch count has held for a second.
		let last = -1;
		let since = 0;
		await waitFor(
			'every watch to open',
			() => {
				const open = cluster.server.openWatches();
				if (open !== last) [last, since] = [open, performance.now()];
				return open > 0 && performance.now() - since >= 1000;
			},
			30_000,
			100,
		);
		const startup = api().length;
		const start = performance.now();
		// The steady-state window: real time has to pass to see whether anything polls.
		await new Promise((resolve) => setTimeout(resolve, steadySeconds * 1000));
		const minutes = (performance.now() - start) / 60_000;
		const steady = api().slice(startup);
		return {
			startup,
			watches: cluster.server.openWatches(),
			perMinute: steady.length / minutes,
			pollingPerMinute: steady.filter((r) => !isWatch(r.query)).length / minutes,
		};
	} finally {
		source.stop();
		await cluster.stop();
	}
}

export async function kubernetesFigures(small: ClusterSize, large: ClusterSize, steadySeconds: number): Promise<Figure[]> {
	const base = await measureKubernetesCost(small, 2);
	const cost = await measureKubernetesCost(large, steadySeconds);
	const tag = `${large.replicas}r`;
	return [
		{ name: `k8s.startup_requests.${tag}`, value: cost.startup, unit: 'requests', budget: base.startup, note: `budget: the same as at ${small.replicas} replicas` },
		{ name: `k8s.watches.${tag}`, value: cost.watches, unit: 'watches', budget: base.watches, note: 'one per resource kind' },
		{ name: `k8s.requests_per_min.${tag}`, value: cost.perMinute, unit: 'req/min', budget: null, note: `steady state over ${steadySeconds} s, longer than the watch timeout (${WATCH_TIMEOUT_SECONDS} s): each watch re-opens once` },
		{ name: `k8s.polling_requests_per_min.${tag}`, value: cost.pollingPerMinute, unit: 'req/min', budget: 0 },
	];
}

export const PROMETHEUS_REFRESH_BUDGET_MS = 300;

interface PrometheusCost {
	/** Queries of a refresh after the first (which also detects the exporters). */
	queries: number;
	firstQueries: number;
	refreshMs: number;
}

export async function measurePrometheusCost(size: ClusterSize): Promise<PrometheusCost> {
	const cluster = await serveGeneratedCluster(size);
	const prometheus = await preparePrometheus({ sim: { target: `${cluster.server.host}:${cluster.server.port}` } });
	try {
		await prometheus.start();
		const client = new PrometheusClient({ url: prometheus.url });
		await waitFor('the first scrape', async () => (await client.query('up{job="sim"} == 1').catch(() => [])).length === 1, 30_000);
		const source = createPrometheusSource({ url: prometheus.url, window: '5s' });
		await source.refresh();
		const firstQueries = source.lastQueryCount;
		const start = performance.now();
		await source.refresh();
		return { queries: source.lastQueryCount, firstQueries, refreshMs: performance.now() - start };
	} finally {
		await prometheus.dispose();
		await cluster.stop();
	}
}

export async function prometheusFigures(small: ClusterSize, large: ClusterSize): Promise<Figure[]> {
	const tag = `${large.replicas}r`;
	const missing = prometheusMissingReason();
	if (missing) {
		const note = `not measured: ${missing}`;
		return [{ name: `prometheus.queries_per_refresh.${tag}`, value: null, unit: 'queries', budget: null, note }];
	}
	const base = await measurePrometheusCost(small);
	const cost = await measurePrometheusCost(large);
	return [
		{ name: `prometheus.queries_per_refresh.${tag}`, value: cost.queries, unit: 'queries', budget: base.queries, note: `budget: the same as at ${small.replicas} replicas` },
		{ name: `prometheus.first_refresh_queries.${tag}`, value: cost.firstQueries, unit: 'queries', budget: base.firstQueries, note: 'includes exporter detection' },
		{ name: `prometheus.refresh_ms.${tag}`, value: cost.refreshMs, unit: 'ms', budget: PROMETHEUS_REFRESH_BUDGET_MS },
	];
}
