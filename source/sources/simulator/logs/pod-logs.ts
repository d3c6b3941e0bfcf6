// A simulated container's log, generated when it is read: start-up lines from the run's facts,
// sampled request lines and stats from the load the replica really had each second, warnings under
// pressure, and the failure that ended the run. The same seed, pod and second give the same lines.
import { logUnavailable, tail, type LogLine } from '../../../domain/logs';
import type { Pod } from '../../../domain/k8s';
import type { ContainerRun, PodRuntime, SimContext } from '../context';
import { Random } from '../random';
import type { ServerKind } from '../scenario';
import { retainedFrom } from './load-history';
import type { RunFacts, ServerLog } from './server-log';
import { TGI_LOG } from './tgi';
import { TRITON_LOG } from './triton';
import { VLLM_LOG } from './vllm';

const SERVER_LOGS: Record<ServerKind, ServerLog> = { vllm: VLLM_LOG, tgi: TGI_LOG, triton: TRITON_LOG };

/** Request lines per second are capped: a log is read by people. */
const MAX_REQUEST_LINES = 3;

function factsOf(ctx: SimContext, pod: PodRuntime, run: ContainerRun): RunFacts {
	const node = ctx.node(pod.node);
	return {
		model: pod.workload.model,
		version: pod.image.split(':')[1] ?? 'latest',
		gpus: Math.max(1, pod.gpus),
		gpuMemoryMiB: node?.pool.gpuMemoryMiB ?? 81_559,
		weightsMiB: pod.profile.weightsMiB,
		kvCacheMiB: pod.profile.kvCacheMiB,
		capacityRps: pod.profile.capacityRps,
		errorRate: pod.profile.errorRate,
		p50Ms: pod.profile.p50Ms,
		podIP: pod.podIP ?? '10.64.0.2',
		nodeIP: node?.internalIP ?? '10.128.0.2',
		startedAt: run.startedAt,
		readyAt: run.readyAt,
	};
}

/** When the run's output ends: its termination, the end of a graceful shutdown, or not yet. */
function endOf(pod: PodRuntime, run: ContainerRun): number {
	if (run.termination) return run.termination.finishedAt;
	if (pod.run === run && pod.deletedAt !== undefined) return pod.deletedAt;
	return Infinity;
}

/** Lines of `run` written in [from, to), in order. */
export function runLines(ctx: SimContext, pod: PodRuntime, run: ContainerRun, from: number, to: number): LogLine[] {
	// A plain container (busybox, say) writes nothing the simulator could know of.
	if (!pod.workload.server) return [];
	const server = SERVER_LOGS[pod.workload.server];
	const facts = factsOf(ctx, pod, run);
	const end = endOf(pod, run);
	const lines: LogLine[] = [];
	const within = (at: number) => at >= from && at < to;
	for (const entry of server.startup(facts)) if (entry.at < end && within(entry.at)) lines.push({ at: entry.at, text: entry.text(entry.at) });
	const first = Math.max(Math.ceil(run.readyAt / 1000), Math.floor(from / 1000));
	const last = Math.min(Math.ceil(to / 1000), Math.ceil(end / 1000));
	for (let second = first; second < last; second++) {
		const load = pod.loadHistory?.at(second);
		if (load === undefined) continue;
		const random = new Random(ctx.seed, `log/${pod.uid}/${run.id}/${second}`);
		const utilisation = load / facts.capacityRps;
		const count = Math.min(MAX_REQUEST_LINES, Math.floor(load + random.next()));
		const entries: LogLine[] = [];
		for (let i = 0; i < count; i++) {
			const at = second * 1000 + random.int(0, 999);
			entries.push({ at, text: server.request(facts, at, random, utilisation) });
		}
		const warning = server.pressure(facts, second * 1000 + random.int(0, 999), utilisation, random);
		if (warning) entries.push({ at: second * 1000 + 999, text: warning });
		if (second % server.statsEvery === 0) entries.push({ at: second * 1000, text: server.stats(facts, second * 1000, load, random) });
		for (const entry of entries.sort((a, b) => a.at - b.at)) if (entry.at < end && within(entry.at)) lines.push(entry);
	}
	if (within(end)) {
		const closing = run.termination ? server.failure(facts, end, run.termination) : server.shutdown(facts, end);
		for (const text of closing) lines.push({ at: end, text });
	}
	return lines.sort((a, b) => a.at - b.at);
}

export interface ReadOptions {
	previous?: boolean;
	sinceTime?: number;
	tailLines?: number;
}

export type ReadResult = { run: ContainerRun; lines: LogLine[] } | { error: string; status: number };

/** The run a log request reads: `--previous` the one before, a crash-looping container its dead run. */
export function runFor(pod: PodRuntime, previous: boolean): ContainerRun | undefined {
	if (previous) return pod.stage === 'BackOff' ? pod.run : pod.previousRun;
	return pod.run;
}

/** What the kubelet answers for `kubectl logs` of one container, up to the simulated now. */
export function readPodLogs(ctx: SimContext, podObject: Pod, container: string, options: ReadOptions): ReadResult {
	const pod = ctx.pods.get(`${podObject.metadata.namespace}/${podObject.metadata.name}`);
	const unavailable = logUnavailable(podObject, container, options.previous ?? false);
	if (unavailable) return { error: unavailable, status: 400 };
	const run = pod && runFor(pod, options.previous ?? false);
	if (!pod || !run) return { error: `container "${container}" in pod "${podObject.metadata.name}" is not available`, status: 400 };
	// Whole seconds, as the API server passes sinceTime to the kubelet.
	const since = options.sinceTime === undefined ? -Infinity : Math.floor(options.sinceTime / 1000) * 1000;
	const from = Math.max(run.startedAt, retainedFrom(ctx.now), since);
	return { run, lines: tail(runLines(ctx, pod, run, from, ctx.now + 1), options.tailLines) };
}
