// The simulator's per-replica samples as a Prometheus `/metrics` page, in the formats of the real
// exporters (NVIDIA DCGM exporter and vLLM), so a real Prometheus and rolltop's own prometheus
// source read it exactly as they would read a GPU cluster.
import type { Pod } from '../domain/k8s';
import { podKey, type ReplicaSample } from '../domain/metrics';
import type { VllmMetricNames } from '../sources/simulator/scenario';
import { histogramSeries, renderFamilies, type Family, type Labels, type Series } from './exposition-format';
import { GpuAllocator, gpuModelName, type GpuIdentity } from './exposition-gpus';
import {
	CumulativeHistogram,
	E2E_LATENCY_BUCKETS,
	ITL_BUCKETS,
	TTFT_BUCKETS,
	logNormalFromQuantiles,
	logNormalMean,
	type LogNormal,
} from './exposition-histogram';

/**
 * `pod`: series carry the replica's `namespace`/`pod` (DCGM with pod mapping, vLLM scraped per pod).
 * `exported`: they carry `exported_namespace`/`exported_pod`, with `namespace`/`pod` naming the exporter,
 * as Prometheus renames them when a cluster-wide exporter is scraped without `honor_labels`.
 */
export type ExpositionLabelStyle = 'pod' | 'exported';

/** The exporters a page imitates; real clusters scrape them as separate targets. */
export type ExporterKind = 'dcgm' | 'vllm';

export interface ExpositionOptions {
	labelStyle?: ExpositionLabelStyle;
	/** The exporter's own identity, used by the `exported` style. */
	exporter?: { namespace: string; pod: string };
	/** Which exporters' metrics to render (default both). */
	exporters?: ExporterKind[];
	/** A replica not sampled for this long (ms of sample time) is dropped, as its exporter would be. */
	expireAfterMs?: number;
	/** vLLM's metric names: current, or those of servers before 0.9.2 (default current). */
	vllmNames?: VllmMetricNames;
	/** The last XID error code of a node's GPUs (DCGM_FI_DEV_XID_ERRORS; 0 or absent: none). */
	xidOf?: (node: string) => number | undefined;
}

/** The vLLM series that were renamed, under each naming. */
const VLLM_NAMES: Record<VllmMetricNames, { kvCache: string; itl: string }> = {
	current: { kvCache: 'vllm:kv_cache_usage_perc', itl: 'vllm:inter_token_latency_seconds' },
	legacy: { kvCache: 'vllm:gpu_cache_usage_perc', itl: 'vllm:time_per_output_token_seconds' },
};

export type PodLookup = (namespace: string, name: string) => Pod | undefined;

/** vLLM's default `max_num_seqs`: requests beyond it wait in the queue. */
const MAX_RUNNING = 256;
const DRIVER_VERSION = '550.90.07';
/** Sample gaps longer than this are treated as one interval, so a paused clock does not burst counters. */
const MAX_INTERVAL_S = 10;
/** Spread of inter-token latency: decode steps vary far less than whole requests. */
const ITL_SIGMA = 0.3;
const FINISHED_REASONS = ['stop', 'length', 'abort', 'error'] as const;

interface ReplicaState {
	sample: ReplicaSample;
	node?: string;
	container: string;
	model: string;
	e2e: CumulativeHistogram;
	ttft: CumulativeHistogram;
	itl: CumulativeHistogram;
	finished: Record<(typeof FINISHED_REASONS)[number], number>;
	latency?: LogNormal;
}

function gpuContainer(pod: Pod | undefined): string | undefined {
	const containers = pod?.spec.containers ?? [];
	return (containers.find((c) => c.resources?.limits?.['nvidia.com/gpu']) ?? containers[0])?.name;
}

function modelOf(pod: Pod | undefined, fallback: string): string {
	const labels = pod?.metadata.labels ?? {};
	return labels['app.kubernetes.io/name'] ?? labels.app ?? fallback;
}

export class MetricsExposition {
	private readonly replicas = new Map<string, ReplicaState>();
	private readonly gpus = new GpuAllocator();
	private readonly labelStyle: ExpositionLabelStyle;
	private readonly exporter: { namespace: string; pod: string };
	private readonly expireAfterMs: number;
	private readonly exporters: ReadonlySet<ExporterKind>;
	private readonly vllmNames: { kvCache: string; itl: string };
	private readonly xidOf: (node: string) => number | undefined;

	constructor(options: ExpositionOptions = {}) {
		this.xidOf = options.xidOf ?? (() => undefined);
		this.labelStyle = options.labelStyle ?? 'pod';
		this.exporter = options.exporter ?? { namespace: 'rolltop-system', pod: 'rolltop-sim-exporter' };
		this.expireAfterMs = options.expireAfterMs ?? 10_000;
		this.exporters = new Set(options.exporters ?? ['dcgm', 'vllm']);
		this.vllmNames = VLLM_NAMES[options.vllmNames ?? 'current'];
	}

	ingest(samples: ReplicaSample[], lookupPod: PodLookup): void {
		let newest = -Infinity;
		for (const sample of samples) {
			this.ingestOne(sample, lookupPod(sample.namespace, sample.pod));
			newest = Math.max(newest, sample.at);
		}
		for (const [key, state] of this.replicas) {
			if (state.sample.at < newest - this.expireAfterMs) {
				this.replicas.delete(key);
				this.gpus.release(key);
			}
		}
	}

	private ingestOne(sample: ReplicaSample, pod: Pod | undefined): void {
		const key = podKey(sample.namespace, sample.pod);
		const container = gpuContainer(pod) ?? 'main';
		let state = this.replicas.get(key);
		const previousAt = state?.sample.at;
		if (!state) {
			state = {
				sample,
				container,
				model: modelOf(pod, container),
				e2e: new CumulativeHistogram(E2E_LATENCY_BUCKETS),
				ttft: new CumulativeHistogram(TTFT_BUCKETS),
				itl: new CumulativeHistogram(ITL_BUCKETS),
				finished: { stop: 0, length: 0, abort: 0, error: 0 },
			};
			this.replicas.set(key, state);
		}
		// Counters grow by rate x the sample interval (1 s for the first sample of a replica).
		const intervalS = previousAt === undefined ? 1 : Math.min(Math.max((sample.at - previousAt) / 1000, 0), MAX_INTERVAL_S);
		state.sample = sample;
		state.node = pod?.spec.nodeName ?? state.node;
		state.container = container;
		this.accumulate(state, sample, intervalS);
	}

	private accumulate(state: ReplicaState, sample: ReplicaSample, intervalS: number): void {
		const { p50, p99, ttft, itl, rps, errorRate } = sample.values;
		const requests = (rps ?? 0) * intervalS;
		const errors = (requests * Math.min(Math.max(errorRate ?? 0, 0), 100)) / 100;
		state.latency = p50 !== undefined && p50 > 0 ? logNormalFromQuantiles(p50, p99) : undefined;
		if (state.latency) state.e2e.observe(state.latency, requests);
		if (ttft !== undefined && ttft > 0) {
			state.ttft.observe({ medianSeconds: ttft / 1000, sigma: state.latency?.sigma ?? 0.5 }, requests);
		}
		// One observation per request stands for its tokens' intervals: quantiles do not change.
		if (itl !== undefined && itl > 0) state.itl.observe({ medianSeconds: itl / 1000, sigma: ITL_SIGMA }, requests);
		if (rps !== undefined) {
			state.finished.stop += requests - errors;
			state.finished.error += errors;
		}
	}

	/** Labels naming the replica, in the configured style. */
	private podLabels(state: ReplicaState, container?: string): Labels {
		const { namespace, pod } = state.sample;
		if (this.labelStyle === 'pod') return { ...(container ? { container } : {}), namespace, pod };
		return {
			...(container ? { container: 'exporter', exported_container: container } : {}),
			namespace: this.exporter.namespace,
			pod: this.exporter.pod,
			exported_namespace: namespace,
			exported_pod: pod,
		};
	}

	render(): string {
		const states = [...this.replicas.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, s]) => s);
		return renderFamilies([
			...(this.exporters.has('dcgm') ? this.dcgmFamilies(states) : []),
			...(this.exporters.has('vllm') ? this.vllmFamilies(states) : []),
		]);
	}

	private dcgmFamilies(states: ReplicaState[]): Family[] {
		const util: Series[] = [];
		const used: Series[] = [];
		const free: Series[] = [];
		const temp: Series[] = [];
		const power: Series[] = [];
		const xid: Series[] = [];
		for (const state of states) {
			const { values, gpus } = state.sample;
			const count = gpus ?? (values.gpuUtil !== undefined ? 1 : 0);
			if (!state.node || count <= 0) continue;
			const perGpuTotal = values.gpuMemTotal !== undefined ? values.gpuMemTotal / count : undefined;
			const key = podKey(state.sample.namespace, state.sample.pod);
			for (const gpu of this.gpus.gpusFor(state.node, key, count, gpuModelName(perGpuTotal))) {
				const labels = { ...this.gpuLabels(gpu, state.node), ...this.podLabels(state, state.container) };
				// DCGM reports utilisation, framebuffer and temperature as integers; memory and power per GPU.
				push(util, labels, values.gpuUtil, Math.round);
				push(used, labels, values.gpuMemUsed !== undefined ? values.gpuMemUsed / count : undefined, Math.round);
				if (values.gpuMemTotal !== undefined && values.gpuMemUsed !== undefined) {
					push(free, labels, Math.max(values.gpuMemTotal - values.gpuMemUsed, 0) / count, Math.round);
				}
				push(temp, labels, values.gpuTemp, Math.round);
				push(power, labels, values.gpuPower !== undefined ? values.gpuPower / count : undefined, round3);
				push(xid, labels, this.xidOf(state.node) ?? 0, Math.round);
			}
		}
		return [
			{ name: 'DCGM_FI_DEV_GPU_UTIL', type: 'gauge', help: 'GPU utilization (in %).', series: util },
			{ name: 'DCGM_FI_DEV_FB_USED', type: 'gauge', help: 'Framebuffer memory used (in MiB).', series: used },
			{ name: 'DCGM_FI_DEV_FB_FREE', type: 'gauge', help: 'Framebuffer memory free (in MiB).', series: free },
			{ name: 'DCGM_FI_DEV_GPU_TEMP', type: 'gauge', help: 'GPU temperature (in C).', series: temp },
			{ name: 'DCGM_FI_DEV_POWER_USAGE', type: 'gauge', help: 'Power draw (in W).', series: power },
			{ name: 'DCGM_FI_DEV_XID_ERRORS', type: 'gauge', help: 'Value of the last XID error encountered.', series: xid },
		];
	}

	private gpuLabels(gpu: GpuIdentity, node: string): Labels {
		return {
			gpu: String(gpu.index),
			UUID: gpu.uuid,
			pci_bus_id: gpu.pciBusId,
			device: gpu.device,
			modelName: gpu.modelName,
			Hostname: node,
			DCGM_FI_DRIVER_VERSION: DRIVER_VERSION,
		};
	}

	private vllmFamilies(states: ReplicaState[]): Family[] {
		const e2e: Series[] = [];
		const ttft: Series[] = [];
		const itl: Series[] = [];
		const finished: Series[] = [];
		const running: Series[] = [];
		const waiting: Series[] = [];
		const kvCache: Series[] = [];
		for (const state of states) {
			if (state.sample.values.rps === undefined && !state.e2e.count) continue;
			const labels = { engine: '0', model_name: state.model, ...this.podLabels(state) };
			e2e.push(...histogramSeries(labels, state.e2e.bounds, state.e2e.buckets, state.e2e.sum, state.e2e.count));
			ttft.push(...histogramSeries(labels, state.ttft.bounds, state.ttft.buckets, state.ttft.sum, state.ttft.count));
			itl.push(...histogramSeries(labels, state.itl.bounds, state.itl.buckets, state.itl.sum, state.itl.count));
			for (const reason of FINISHED_REASONS) {
				finished.push({ labels: { ...labels, finished_reason: reason }, value: state.finished[reason] });
			}
			// Little's law: requests in flight = arrival rate x mean time in the system.
			const inFlight = (state.sample.values.rps ?? 0) * (state.latency ? logNormalMean(state.latency) : 0);
			running.push({ labels, value: Math.min(Math.round(inFlight), MAX_RUNNING) });
			const { queue, kvCache: kvPercent } = state.sample.values;
			push(waiting, labels, queue, Math.round);
			push(kvCache, labels, kvPercent !== undefined ? kvPercent / 100 : undefined, round3);
		}
		const names = this.vllmNames;
		return [
			{ name: 'vllm:num_requests_running', type: 'gauge', help: 'Number of requests in model execution batches.', series: running },
			{ name: 'vllm:num_requests_waiting', type: 'gauge', help: 'Number of requests waiting to be processed.', series: waiting },
			{ name: names.kvCache, type: 'gauge', help: 'KV-cache usage. 1 means 100 percent usage.', series: kvCache },
			{ name: 'vllm:request_success_total', type: 'counter', help: 'Count of successfully processed requests.', series: finished },
			{ name: 'vllm:e2e_request_latency_seconds', type: 'histogram', help: 'Histogram of e2e request latency in seconds.', series: e2e },
			{ name: 'vllm:time_to_first_token_seconds', type: 'histogram', help: 'Histogram of time to first token in seconds.', series: ttft },
			{ name: names.itl, type: 'histogram', help: 'Histogram of inter-token latency in seconds.', series: itl },
		];
	}
}

function round3(value: number): number {
	return Math.round(value * 1000) / 1000;
}

function push(into: Series[], labels: Labels, value: number | undefined, round: (v: number) => number): void {
	if (value !== undefined && Number.isFinite(value)) into.push({ labels, value: round(value) });
}
