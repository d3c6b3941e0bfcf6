// Latest sample and a bounded history per replica and metric (ring buffers), for cells and charts.
import { METRIC_IDS, podKey, type MetricId, type ReplicaSample } from '../domain/metrics';

export const HISTORY_POINTS = 300;

class Ring {
	private readonly times = new Float64Array(HISTORY_POINTS);
	private readonly values = new Float64Array(HISTORY_POINTS);
	private start = 0;
	private size = 0;

	push(at: number, value: number): void {
		if (this.size > 0 && at <= this.times[(this.start + this.size - 1) % HISTORY_POINTS]) return;
		const index = (this.start + this.size) % HISTORY_POINTS;
		this.times[index] = at;
		this.values[index] = value;
		if (this.size < HISTORY_POINTS) this.size++;
		else this.start = (this.start + 1) % HISTORY_POINTS;
	}

	/** Adds older points (a backfill): merged in time order, newest kept when over capacity. */
	merge(points: Array<[number, number]>): void {
		const byTime = new Map(this.points(-Infinity).map(([at, value]) => [at, value]));
		for (const [at, value] of points) if (!byTime.has(at)) byTime.set(at, value);
		const merged = [...byTime].sort((a, b) => a[0] - b[0]).slice(-HISTORY_POINTS);
		this.start = 0;
		this.size = 0;
		for (const [at, value] of merged) this.push(at, value);
	}

	points(since: number): Array<[number, number]> {
		const result: Array<[number, number]> = [];
		for (let i = 0; i < this.size; i++) {
			const index = (this.start + i) % HISTORY_POINTS;
			if (this.times[index] >= since) result.push([this.times[index], this.values[index]]);
		}
		return result;
	}
}

export interface ReplicaMetrics {
	latest: ReplicaSample;
	history: Map<MetricId, Ring>;
}

export class MetricsHistory {
	private readonly replicas = new Map<string, ReplicaMetrics>();
	version = 0;
	problem: string | null = null;

	ingest(samples: ReplicaSample[]): void {
		for (const sample of samples) {
			const key = podKey(sample.namespace, sample.pod);
			let entry = this.replicas.get(key);
			if (!entry) {
				entry = { latest: sample, history: new Map() };
				this.replicas.set(key, entry);
			}
			if (sample.at >= entry.latest.at) entry.latest = sample;
			for (const id of METRIC_IDS) {
				const value = sample.values[id];
				if (value === undefined) continue;
				let ring = entry.history.get(id);
				if (!ring) entry.history.set(id, (ring = new Ring()));
				ring.push(sample.at, value);
			}
		}
		this.version++;
	}

	/** History from a metrics source's range query; never replaces a newer latest sample. */
	backfill(samples: ReplicaSample[]): void {
		const points = new Map<string, Map<MetricId, Array<[number, number]>>>();
		for (const sample of samples) {
			const key = podKey(sample.namespace, sample.pod);
			if (!this.replicas.has(key)) this.replicas.set(key, { latest: sample, history: new Map() });
			let perMetric = points.get(key);
			if (!perMetric) points.set(key, (perMetric = new Map()));
			for (const id of METRIC_IDS) {
				const value = sample.values[id];
				if (value === undefined) continue;
				const list = perMetric.get(id) ?? [];
				list.push([sample.at, value]);
				perMetric.set(id, list);
			}
		}
		for (const [key, perMetric] of points) {
			const entry = this.replicas.get(key)!;
			for (const [id, list] of perMetric) {
				let ring = entry.history.get(id);
				if (!ring) entry.history.set(id, (ring = new Ring()));
				ring.merge(list);
			}
		}
		this.version++;
	}

	latest(namespace: string, pod: string): ReplicaSample | undefined {
		return this.replicas.get(podKey(namespace, pod))?.latest;
	}

	series(namespace: string, pod: string, metric: MetricId, since: number): Array<[number, number]> {
		return this.replicas.get(podKey(namespace, pod))?.history.get(metric)?.points(since) ?? [];
	}

	/** Forget replicas that no longer exist, so memory follows the cluster. */
	retain(keep: (key: string) => boolean): void {
		for (const key of this.replicas.keys()) if (!keep(key)) this.replicas.delete(key);
	}
}
