// Per-replica GPU and serving metrics from a queueing model: utilisation follows load ÷ capacity,
// latency rises steeply as utilisation nears 1, load beyond capacity is shed as errors, KV-cache
// memory and usage grow with load, requests queue as utilisation nears 1, and temperature and
// power follow utilisation with some inertia.
import type { ReplicaSample } from '../../domain/metrics';
import type { PodRuntime, SimContext } from './context';
import type { Random } from './random';

const RHO_CAP = 0.985;
const AMBIENT_C = 31;
const FULL_LOAD_RISE_C = 47;

function jitter(random: Random, spread: number): number {
	return 1 + random.between(-spread, spread);
}

function round(value: number, digits: number): number {
	const f = 10 ** digits;
	return Math.round(value * f) / f;
}

/** What the replica's GPU and server report this second, and its memory demand for the kubelet. */
export function sampleReplica(ctx: SimContext, pod: PodRuntime): ReplicaSample | undefined {
	// A plain container has no model server to report and no GPU memory to fill.
	if (!pod.workload.server || (pod.stage !== 'Ready' && pod.stage !== 'Loading' && pod.stage !== 'Terminating')) {
		pod.memDemandMiB = 0;
		return undefined;
	}
	const node = ctx.node(pod.node);
	if (!node) return undefined;
	const random = ctx.random.metrics;
	const profile = pod.profile;
	const gpus = Math.max(1, pod.gpus);
	const memTotal = node.pool.gpuMemoryMiB * gpus;
	const values: ReplicaSample['values'] = { gpuMemTotal: memTotal };
	let util: number;
	let memDemand: number;
	if (pod.stage === 'Ready') {
		const offered = pod.load;
		const capacity = profile.capacityRps * pod.speed;
		const served = Math.min(offered, capacity);
		const shed = offered - served;
		const rho = Math.min(served / capacity, RHO_CAP);
		const queueing = rho / (1 - rho);
		const p50 = (profile.p50Ms / pod.speed) * (1 + 0.35 * queueing) * jitter(random, 0.04);
		values.p50 = round(p50, 1);
		values.p99 = round(p50 * profile.tailFactor * (1 + 0.6 * rho * rho) * jitter(random, 0.07), 1);
		values.ttft = round(profile.ttftMs * (1 + 0.9 * queueing) * jitter(random, 0.05), 1);
		values.itl = round(profile.itlMs * (1 + 0.5 * queueing) * jitter(random, 0.05), 2);
		// Requests waiting for a batch slot (M/M/1 queue length, a few in flight per slot).
		values.queue = Math.round(2 * rho * queueing * jitter(random, 0.2));
		// The KV cache holds the running requests' tokens: it fills with the offered load.
		values.kvCache = round(100 * Math.min(0.99, (0.05 + 0.85 * Math.min(1, offered / profile.capacityRps)) * jitter(random, 0.03)), 1);
		values.rps = served;
		const failing = shed + served * (profile.errorRate / 100) * jitter(random, 0.5);
		values.errorRate = offered > 0 ? round((failing / offered) * 100, 3) : 0;
		util = Math.min(100, 3 + 96 * (served / capacity) * jitter(random, 0.03));
		// vLLM holds KV blocks for queued work too, up to the configured cache size.
		memDemand = profile.weightsMiB + profile.kvCacheMiB * Math.min(1, offered / capacity) + 900 * gpus;
	} else {
		const span = Math.max(1, pod.stageUntil - (pod.startedAt ?? ctx.now));
		const loaded = pod.stage === 'Loading' ? Math.min(1, (ctx.now - (pod.startedAt ?? ctx.now)) / span) : 1;
		util = pod.stage === 'Loading' ? random.between(0, 6) : random.between(0, 2);
		memDemand = pod.stage === 'Loading' ? 600 * gpus + profile.weightsMiB * loaded : profile.weightsMiB;
		values.rps = 0;
	}
	pod.memDemandMiB = memDemand;
	values.gpuUtil = round(util, 1);
	values.gpuMemUsed = Math.round(Math.min(memDemand, memTotal * 0.995));
	const target = AMBIENT_C + FULL_LOAD_RISE_C * (util / 100);
	pod.temperature = pod.temperature ? pod.temperature + (target - pod.temperature) * 0.12 : target;
	values.gpuTemp = Math.round(pod.temperature + random.between(-0.4, 0.4));
	const idle = node.pool.gpuPowerLimitW * 0.1;
	const perGpu = idle + (node.pool.gpuPowerLimitW * 0.92 - idle) * (util / 100);
	values.gpuPower = round(perGpu * gpus * jitter(random, 0.02), 1);
	return { namespace: pod.namespace, pod: pod.name, at: ctx.now, values, gpus: pod.gpus };
}

export function sampleAll(ctx: SimContext): ReplicaSample[] {
	const samples: ReplicaSample[] = [];
	for (const pod of ctx.pods.values()) {
		const sample = sampleReplica(ctx, pod);
		if (sample) samples.push(sample);
	}
	return samples;
}
