// The live metrics source: polls Prometheus at the refresh interval with a fixed set of queries
// (one per preset value, grouped by namespace and pod), and reports its health as one line.
import { podKey, type MetricId, type ReplicaSample } from '../../domain/metrics';
import type { MetricsSource } from '../../domain/source';
import type { NodeMetricKey, NodeSample } from '../../domain/node-metrics';
import { PrometheusClient, type PrometheusConnection, type VectorResult } from './client';
import { NODE_QUERIES, nodeSamplesOf } from './node-queries';
import { PrometheusError } from './errors';
import { mergeSamples, type PresetChooser, type PresetResults } from './merge';
import { detectedNames, matrixByPod, vectorByPod } from './parse';
import { detectionQuery } from './promql';
import { PRESET_NAMES, PRESETS, presetFreshnessQuery, presetQueries, type PresetName, type QueryKey, type QueryOverrides } from './presets';

export interface PrometheusSourceOptions extends PrometheusConnection {
	refreshIntervalMs?: number;
	/** Rate window for counters and histograms, a PromQL duration ("1m"); at least 2 scrape intervals. */
	window?: string;
	/** Query exactly these presets; when absent, the presets whose metrics exist are detected. */
	presets?: PresetName[];
	/** A replica's own presets, most preferred first (from its workload's annotation or config). */
	presetsFor?: PresetChooser;
	overrides?: QueryOverrides;
	/** How often detection runs again, so exporters installed later are picked up. */
	redetectIntervalMs?: number;
	clock?: () => number;
}

export interface PrometheusSource extends MetricsSource {
	/** One refresh now (the timer calls it too); resolves when its samples have been emitted. */
	refresh(): Promise<void>;
	/** How many HTTP queries the last refresh sent. */
	readonly lastQueryCount: number;
}

interface PlannedQuery {
	preset: PresetName;
	key: QueryKey | 'live';
	expr: string;
}

class Poller implements PrometheusSource {
	readonly label: string;
	lastQueryCount = 0;
	private readonly client?: PrometheusClient;
	private readonly healthListeners = new Set<(problem: string | null) => void>();
	private readonly nodeListeners = new Set<(samples: NodeSample[]) => void>();
	private health: string | null = null;
	private emit?: (samples: ReplicaSample[], at: number) => void;
	private timer?: NodeJS.Timeout;
	/** Bumped by start/stop, so a refresh still in flight from an earlier start schedules nothing. */
	private generation = 0;
	private detected?: { presets: PresetName[]; at: number };
	private readonly clock: () => number;

	constructor(private readonly options: PrometheusSourceOptions) {
		this.clock = options.clock ?? Date.now;
		try {
			this.client = new PrometheusClient(options);
		} catch (error) {
			// A bad URL must not stop the console: it is reported like any other health problem.
			this.setHealth(error instanceof PrometheusError ? error.message : String(error));
		}
		this.label = this.client ? `prometheus ${this.client.target}` : 'prometheus (not configured)';
	}

	start(emit: (samples: ReplicaSample[], at: number) => void): void {
		this.stop();
		this.emit = emit;
		if (this.client) void this.loop(this.generation);
	}

	stop(): void {
		this.generation++;
		this.emit = undefined;
		clearTimeout(this.timer);
		this.timer = undefined;
	}

	/** Asking for node samples adds the node-level DCGM queries (one per family) to each refresh. */
	onNodeSamples(listener: (samples: NodeSample[]) => void): void {
		this.nodeListeners.add(listener);
	}

	onHealth(listener: (problem: string | null) => void): void {
		this.healthListeners.add(listener);
		listener(this.health);
	}

	private async loop(generation: number): Promise<void> {
		await this.refresh();
		if (generation === this.generation) {
			this.timer = setTimeout(() => void this.loop(generation), this.options.refreshIntervalMs ?? 5000);
		}
	}

	async refresh(): Promise<void> {
		if (!this.client) return;
		try {
			const { presets, detectionQueries } = await this.activePresets(this.client);
			const planned = this.plan(presets);
			const nodeKeys = this.nodeListeners.size ? (Object.keys(NODE_QUERIES) as NodeMetricKey[]) : [];
			this.lastQueryCount = planned.length + detectionQueries + nodeKeys.length;
			const nodes = Promise.allSettled(nodeKeys.map((key) => this.client!.query(NODE_QUERIES[key])));
			const settled = await Promise.allSettled(planned.map((q) => this.client!.query(q.expr)));
			this.emitNodes(nodeKeys, await nodes);
			const failure = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
			this.setHealth(failure ? messageOf(failure.reason) : presets.length ? null : this.nothingFound());
			if (settled.every((s) => s.status === 'rejected')) return;
			const results = new Map<PresetName, PresetResults>(presets.map((p) => [p, { preset: p, values: {} }]));
			let evaluatedAt = 0;
			settled.forEach((outcome, i) => {
				if (outcome.status === 'rejected') return;
				const { preset, key } = planned[i];
				const byPod = vectorByPod(outcome.value);
				for (const v of byPod.values()) evaluatedAt = Math.max(evaluatedAt, v.at);
				const result = results.get(preset)!;
				if (key === 'live') result.live = byPod;
				else result.values[key] = byPod;
			});
			const samples = mergeSamples([...results.values()], this.options.presetsFor ?? (() => undefined), evaluatedAt || this.clock());
			this.emit?.(samples, evaluatedAt || this.clock());
		} catch (error) {
			this.setHealth(messageOf(error));
		}
	}

	/** Node samples go out even when the pod queries fail: a node's XID matters most then. */
	private emitNodes(keys: NodeMetricKey[], settled: Array<PromiseSettledResult<VectorResult[]>>): void {
		if (!keys.length || !this.emit) return;
		const results: Partial<Record<NodeMetricKey, VectorResult[]>> = {};
		settled.forEach((outcome, i) => {
			if (outcome.status === 'fulfilled') results[keys[i]] = outcome.value;
		});
		const samples = nodeSamplesOf(results, this.clock());
		for (const listener of this.nodeListeners) listener(samples);
	}

	private plan(presets: PresetName[]): PlannedQuery[] {
		const window = this.options.window ?? '1m';
		return presets.flatMap((preset) => [
			...Object.entries(presetQueries(preset, window, this.options.overrides)).map(([key, expr]) => ({
				preset,
				key: key as QueryKey,
				expr: expr as string,
			})),
			{ preset, key: 'live' as const, expr: presetFreshnessQuery(preset) },
		]);
	}

	private async activePresets(client: PrometheusClient): Promise<{ presets: PresetName[]; detectionQueries: number }> {
		if (this.options.presets) return { presets: this.options.presets, detectionQueries: 0 };
		const now = this.clock();
		const due = !this.detected || !this.detected.presets.length || now - this.detected.at >= (this.options.redetectIntervalMs ?? 60_000);
		if (due) {
			const names = detectedNames(await client.query(detectionQuery(PRESET_NAMES.map((p) => PRESETS[p].detect))));
			this.detected = { presets: PRESET_NAMES.filter((p) => names.has(PRESETS[p].detect)), at: now };
		}
		return { presets: this.detected!.presets, detectionQueries: due ? 1 : 0 };
	}

	private nothingFound(): string {
		const looked = PRESET_NAMES.map((p) => PRESETS[p].detect).join(', ');
		return `prometheus ${this.client!.target}: none of the known metrics found (looked for ${looked})`;
	}

	async backfill(
		pods: Array<{ namespace: string; pod: string }>,
		metric: MetricId,
		from: number,
		to: number,
		stepMs: number,
	): Promise<ReplicaSample[]> {
		if (!this.client || !pods.length) return [];
		const window = this.options.window ?? '1m';
		const fallback = this.options.presets ?? this.detected?.presets ?? [...PRESET_NAMES];
		// Pods normally share one preset (one workload), so this is one query_range for the selection.
		const groups = new Map<string, Map<string, { namespace: string; pod: string }>>();
		for (const { namespace, pod } of pods) {
			const order = this.options.presetsFor?.(namespace, pod) ?? fallback;
			const preset = order.find((p) => presetQueries(p, window, this.options.overrides)[metric]);
			if (!preset) continue;
			const expr = presetQueries(preset, window, this.options.overrides)[metric]!;
			if (!groups.has(expr)) groups.set(expr, new Map());
			groups.get(expr)!.set(podKey(namespace, pod), { namespace, pod });
		}
		const samples: ReplicaSample[] = [];
		for (const [expr, wanted] of groups) {
			const byPod = matrixByPod(await this.client.queryRange(expr, from, to, stepMs));
			for (const [key, { namespace, pod }] of wanted) {
				for (const point of byPod.get(key) ?? []) samples.push({ namespace, pod, at: point.at, values: { [metric]: point.value } });
			}
		}
		return samples;
	}

	private setHealth(problem: string | null): void {
		if (problem === this.health) return;
		this.health = problem;
		// A stopped source (e.g. after :ctx) keeps quiet: a refresh still in flight must not report
		// into the header of the source that replaced it. onHealth replays the state on registration.
		if (!this.emit) return;
		for (const listener of this.healthListeners) listener(problem);
	}
}

function messageOf(error: unknown): string {
	return error instanceof PrometheusError ? error.message : `prometheus: ${error instanceof Error ? error.message : String(error)}`;
}

export function createPrometheusSource(options: PrometheusSourceOptions): PrometheusSource {
	return new Poller(options);
}
