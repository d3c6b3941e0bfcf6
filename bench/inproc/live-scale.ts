// A big live cluster: 10,000 pods in 100 workloads served over the Kubernetes API (as `rolltop sim
// serve` serves them), watched by the real live source in the console as the CLI assembles it. First
// complete frame, key latency, and the frame gaps while every workload restarts at once; next to it,
// the time real kubectl takes to print the same pods.
import { execFile } from 'node:child_process';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import type { Console } from '../../source/cli/console';
import type { Kind } from '../../source/domain/k8s';
import type { ClusterSource, SourceEvent } from '../../source/domain/source';
import { createKubernetesSource } from '../../source/sources/kubernetes';
import { noMetrics } from '../../source/sources/no-metrics';
import { percentile, type Figure } from './figure';
import { KEY_LATENCY_BUDGET_MS, timeKeyPresses } from './key-latency';
import { consoleOn, mount, settle, type Mounted } from './mount';

export const FIRST_COMPLETE_FRAME_BUDGET_MS = 2000;
export const FRAME_GAP_BUDGET_MS = 200;

export interface LiveScaleOptions {
	presses: number;
	warmupPresses: number;
	/** How long the restart burst is watched. */
	burstSeconds: number;
}

const SIZE = { columns: 120, rows: 40 };
const run = promisify(execFile);

/** The time real kubectl takes to list and print every pod of the served cluster. */
async function kubectlGetPods(kubeconfig: string): Promise<{ ms: number; lines: number } | string> {
	const start = performance.now();
	try {
		const { stdout } = await run('kubectl', ['--kubeconfig', kubeconfig, 'get', 'pods', '-A'], { maxBuffer: 64 * 2 ** 20 });
		return { ms: performance.now() - start, lines: stdout.trimEnd().split('\n').length - 1 };
	} catch (error) {
		return `kubectl failed: ${(error as Error).message.split('\n')[0]}`;
	}
}

/** The live source, counting the Pod updates it delivers. */
function countingSource(source: ClusterSource, counted: { pods: number }): ClusterSource {
	const countPods = (events: SourceEvent[]) => {
		for (const e of events) if ((e.type === 'upsert' && e.object.kind === 'Pod') || (e.type === 'delete' && e.kind === 'Pod')) counted.pods++;
	};
	return {
		kind: source.kind,
		label: source.label,
		scope: source.scope,
		start: (emit) =>
			source.start((events) => {
				countPods(events);
				emit(events);
			}),
		stop: () => source.stop(),
		patch: (request) => source.patch(request),
		canI: source.canI?.bind(source),
	};
}

const count = (console: Console, kind: Kind) => console.store.cluster.objects.get(kind)?.size ?? 0;

/** A served cluster in another process (bench/process/cluster.mjs). */
export interface RemoteCluster {
	kubeconfig: string;
	pods: number;
	workloads: number;
	send(command: string): Promise<Record<string, unknown>>;
}

/** From the console's start until a frame was written after every pod and workload had arrived. */
async function firstCompleteFrame(console: Console, term: Mounted, cluster: RemoteCluster, started: number): Promise<number> {
	const deadline = performance.now() + 120_000;
	while (count(console, 'Pod') < cluster.pods || count(console, 'Rollout') + count(console, 'Deployment') < cluster.workloads) {
		if (performance.now() > deadline) throw new Error(`the console had ${count(console, 'Pod')} of ${cluster.pods} pods after 120 s`);
		await new Promise((resolve) => setTimeout(resolve, 5));
	}
	const complete = performance.now();
	if (term.stdout.lastWriteAt() < complete) await term.stdout.nextWrite(10_000);
	return term.stdout.writes.find((w) => w.at >= complete)!.at - started;
}

/** Restarts every workload at once and watches the frames while the pod updates pour in. */
async function restartBurst(cluster: RemoteCluster, term: Mounted, counted: { pods: number }, seconds: number) {
	const before = counted.pods;
	const lag = monitorEventLoopDelay({ resolution: 10 });
	let lastUpdateAt = 0;
	let seen = counted.pods;
	const watcher = setInterval(() => {
		if (counted.pods !== seen) [seen, lastUpdateAt] = [counted.pods, performance.now()];
	}, 20);
	const start = performance.now();
	lag.enable();
	await cluster.send('speed 10');
	await cluster.send('restart-all');
	// The burst itself: the simulated controllers need real time to replace the pods.
	await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
	clearInterval(watcher);
	lag.disable();
	await cluster.send('speed 0');
	const frames = term.stdout.writes.filter((w) => w.at >= start && w.at <= lastUpdateAt).map((w) => w.at);
	// Gaps between frames while updates were still arriving: the console must keep drawing.
	let maxGap = 0;
	for (let i = 1; i < frames.length; i++) maxGap = Math.max(maxGap, frames[i] - frames[i - 1]);
	return { updates: counted.pods - before, maxGap, maxLagMs: lag.max / 1e6, frames: frames.length, busySeconds: (lastUpdateAt - start) / 1000 };
}

export async function liveScaleFigures(cluster: RemoteCluster, options: LiveScaleOptions): Promise<Figure[]> {
	const tag = `${cluster.pods}pods`;
	const kubectl = await kubectlGetPods(cluster.kubeconfig);
	const counted = { pods: 0 };
	const started = performance.now();
	const source = countingSource(createKubernetesSource({ kubeconfig: cluster.kubeconfig, allNamespaces: true, env: {} }), counted);
	const console = consoleOn({ cluster: source, metrics: noMetrics('no Prometheus in this benchmark') }, SIZE, Date.now());
	const term = mount(console, SIZE, 'incremental');
	try {
		const firstFrame = await firstCompleteFrame(console, term, cluster, started);
		await settle(term.stdout, 300, 30_000);
		const latencies = await timeKeyPresses(term, options.presses, options.warmupPresses);
		const burst = await restartBurst(cluster, term, counted, options.burstSeconds);
		const burstNote = `${burst.updates} pod updates reached the console over ${burst.busySeconds.toFixed(1)} s after every workload was restarted; ${burst.frames} frames`;
		return [
			{ name: `live.first_complete_frame.${tag}`, value: firstFrame, unit: 'ms', budget: FIRST_COMPLETE_FRAME_BUDGET_MS, note: 'from the console start (list + watch of every kind) to a frame drawn after all pods arrived' },
			typeof kubectl === 'string'
				? { name: `live.kubectl_get_pods.${tag}`, value: null, unit: 'ms', budget: null, note: `not measured: ${kubectl}` }
				: { name: `live.kubectl_get_pods.${tag}`, value: kubectl.ms, unit: 'ms', budget: null, note: `anchor: real kubectl get pods -A printing ${kubectl.lines} pods from the same server` },
			{ name: `live.key_latency.p50.${tag}`, value: percentile(latencies, 50), unit: 'ms', budget: null },
			{ name: `live.key_latency.p95.${tag}`, value: percentile(latencies, 95), unit: 'ms', budget: KEY_LATENCY_BUDGET_MS },
			{ name: `live.burst.max_frame_gap.${tag}`, value: burst.maxGap, unit: 'ms', budget: FRAME_GAP_BUDGET_MS, note: burstNote },
			{ name: `live.burst.max_event_loop_lag.${tag}`, value: burst.maxLagMs, unit: 'ms', budget: null, note: 'the console process; the API server and simulator run in another' },
		];
	} finally {
		term.unmount();
		console.stop();
	}
}
