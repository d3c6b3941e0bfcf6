// `rolltop sim serve`: the simulator on its real-time clock, exposed over the Kubernetes API (so
// kubectl and `rolltop --kubeconfig` work against it) and as a Prometheus `/metrics` page.
import type { Pod } from '../domain/k8s';
import { ClusterAddons } from '../serve/addons';
import type { DenyRule } from '../serve/access';
import { startApiServer, type ApiServer } from '../serve/api-server';
import { writeKubeconfig } from '../serve/kubeconfig';
import { MetricsExposition } from '../serve/metrics-exposition';
import { NamespaceController } from '../serve/namespace-lifecycle';
import { ResourceMetrics } from '../serve/resource-metrics';
import { createSimulator, loadScenario } from '../sources/simulator';
import { UsageError } from './usage-error';

export interface SimServeOptions {
	/** HOST:PORT; port 0 picks a free one. */
	listen: string;
	kubeconfigOut?: string;
	scenario?: string;
	seed?: number;
	speed?: number;
	/** Requests answered 403, as RBAC would (`--deny`). */
	deny?: DenyRule[];
}

export interface RunningSimServe {
	server: ApiServer;
	stop(): Promise<void>;
}

export function parseListen(listen: string): { host: string; port: number } {
	const match = /^(?:\[([^\]]+)\]|([^:]+)):(\d{1,5})$/.exec(listen.trim());
	const port = match ? Number(match[3]) : NaN;
	if (!match || port > 65535) throw new UsageError(`--listen must be HOST:PORT (e.g. 127.0.0.1:8443), not '${listen}'`);
	return { host: match[1] ?? match[2], port };
}

function listenError(listen: string, error: NodeJS.ErrnoException): UsageError {
	const why: Record<string, string> = {
		EADDRINUSE: 'the address is already in use',
		EADDRNOTAVAIL: 'no local interface has that address',
		EACCES: 'permission denied (ports below 1024 need privileges)',
		ENOTFOUND: 'unknown host name',
	};
	return new UsageError(`cannot listen on ${listen}: ${why[error.code ?? ''] ?? error.message}`);
}

/**
 * A step of the simulated clock that throws (a controller meeting an object it cannot handle) must
 * not take the API down, as a controller's crash does not take down a real API server: one line per
 * distinct error, and the clock goes on.
 */
export function tickErrorReporter(write: (line: string) => void): (error: Error) => void {
	const reported = new Set<string>();
	return (error) => {
		if (reported.has(error.message)) return;
		reported.add(error.message);
		write(`rolltop sim serve: a simulated controller failed (${error.message}); the API keeps serving and the clock goes on\n`);
	};
}

/** Starts everything and returns a handle; `runSimServe` is this plus signal handling. */
export async function startSimServe(options: SimServeOptions): Promise<RunningSimServe> {
	const { host, port } = parseListen(options.listen);
	const scenario = await loadScenario(options.scenario ?? 'default');
	// A real cluster's timestamps are the wall clock's: unless the scenario fixes its start, the simulated
	// clock starts now, so ages computed by clients (rolltop, k9s) agree with kubectl's server-side tables.
	const startTime = scenario.startTime ?? new Date(Math.floor(Date.now() / 1000) * 1000).toISOString();
	const simulator = createSimulator({ ...scenario, startTime }, { seed: options.seed, speed: options.speed, onTickError: tickErrorReporter((line) => process.stderr.write(line)) });
	const exposition = new MetricsExposition({ vllmNames: scenario.vllmMetricNames, xidOf: (node) => simulator.nodeXid(node) });
	const lookupPod = (namespace: string, name: string) => simulator.store.get({ kind: 'Pod', namespace, name }) as Pod | undefined;
	const addons = new ClusterAddons(simulator.store);
	let server: ApiServer;
	try {
		server = await startApiServer({
			store: simulator.store,
			writes: simulator,
			addons,
			resourceMetrics: new ResourceMetrics(simulator.store, () => simulator.truth()),
			host,
			port,
			logs: { open: simulator.openLogs!, now: simulator.now },
			deny: options.deny,
			routes: { '/metrics': () => ({ contentType: 'text/plain; version=0.0.4; charset=utf-8', body: exposition.render() }) },
		});
	} catch (error) {
		throw listenError(options.listen, error as NodeJS.ErrnoException);
	}
	// The API server reads the store directly; after each tick the namespace controller removes what
	// is in Terminating namespaces, and the Services and Endpoints follow the pods.
	const namespaces = new NamespaceController(simulator.store, simulator);
	simulator.start(() => {
		namespaces.sync();
		addons.sync();
	});
	simulator.metrics.start((samples) => exposition.ingest(samples, lookupPod));
	const stop = async () => {
		simulator.metrics.stop();
		simulator.stop();
		await server.close();
	};
	if (options.kubeconfigOut) {
		try {
			writeKubeconfig(options.kubeconfigOut, { server: server.url, context: 'rolltop-sim' });
		} catch (error) {
			await stop();
			throw new UsageError(`cannot write kubeconfig ${options.kubeconfigOut}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
		}
	}
	return { server, stop };
}

/** Serves until SIGINT or SIGTERM, then stops cleanly. Throws UsageError (exit 2) on bad input. */
export async function runSimServe(options: SimServeOptions): Promise<void> {
	const running = await startSimServe(options);
	const scenario = options.scenario ?? 'default';
	const kubeconfig = options.kubeconfigOut ? `; kubeconfig: ${options.kubeconfigOut}` : '';
	process.stdout.write(`rolltop sim serve: scenario ${scenario} at ${running.server.url} (Kubernetes API and /metrics)${kubeconfig} — Ctrl-C to stop\n`);
	await new Promise<void>((resolve) => {
		const finish = () => {
			process.off('SIGINT', finish);
			process.off('SIGTERM', finish);
			resolve();
		};
		process.on('SIGINT', finish);
		process.on('SIGTERM', finish);
	});
	await running.stop();
}
