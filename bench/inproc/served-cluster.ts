// A generated cluster served as `rolltop sim serve` serves it (source/cli/sim-serve.ts): the
// Kubernetes API over the simulator's store plus a Prometheus `/metrics` page, on a free loopback
// port, with every request recorded.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Pod } from '../../source/domain/k8s';
import { startApiServer, type ApiServer } from '../../source/serve/api-server';
import { EXPOSITION_CONTENT_TYPE } from '../../source/serve/exposition-format';
import { writeKubeconfig } from '../../source/serve/kubeconfig';
import { MetricsExposition } from '../../source/serve/metrics-exposition';
import { createSimulator, generateScenario, type Simulator } from '../../source/sources/simulator';

export interface ServedCluster {
	server: ApiServer;
	kubeconfig: string;
	sim: Simulator;
	stop(): Promise<void>;
}

/** `speed` 0 freezes the cluster after its warm-up: a live cluster with no changes. */
export async function serveGeneratedCluster(options: { replicas: number; workloads: number; warmupSeconds?: number; speed?: number }): Promise<ServedCluster> {
	const sim = createSimulator(generateScenario({ workloads: options.workloads, replicas: options.replicas, seed: 1 }), { seed: 1, speed: options.speed ?? 1 });
	sim.advance((options.warmupSeconds ?? 90) * 1000);
	const exposition = new MetricsExposition();
	const lookupPod = (namespace: string, name: string) => sim.store.get({ kind: 'Pod', namespace, name }) as Pod | undefined;
	const server = await startApiServer({
		store: sim.store,
		host: '127.0.0.1',
		port: 0,
		record: true,
		routes: { '/metrics': () => ({ contentType: EXPOSITION_CONTENT_TYPE, body: exposition.render() }) },
	});
	sim.start(() => {});
	sim.metrics.start((samples) => exposition.ingest(samples, lookupPod));
	const dir = mkdtempSync(join(tmpdir(), 'rolltop-bench-'));
	const kubeconfig = join(dir, 'kubeconfig');
	writeKubeconfig(kubeconfig, { server: server.url, context: 'rolltop-bench' });
	return {
		server,
		kubeconfig,
		sim,
		async stop() {
			sim.metrics.stop();
			sim.stop();
			await server.close();
			rmSync(dir, { recursive: true, force: true });
		},
	};
}
