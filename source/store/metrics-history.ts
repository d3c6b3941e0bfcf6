// Latest sample and a bounded history per replica, for cells and charts. Memory matters at 5,000
// replicas: a replica's metrics share one ring of sample times, values are 32-bit, and rings grow
// on demand up to the longest history a chart can show.
import { METRIC_IDS, podKey, type MetricId, type ReplicaSample } from '../domain/metrics';

/** Points kept per replica: a chart at 250 columns shows about 100 slots. */
export const HISTORY_POINTS = 128;
const INITIAL_CAPACITY = 8;

class ReplicaHistory {
	private times = new Float64Array(INITIAL_CAPACITY);
	private readonly values = new Map<MetricId, Float32Array>();
	private start = 0;
	private size = 0;

	constructor(public latest: ReplicaSample) {}

	private get capacity(): number {
		return this.times.length;
	}

	/** Appends a sample newer than every point held; older ones go through `merge`. */
	push(sample: ReplicaSample): void {
		if (this.size > 0 && sample.at <= this.timeAt(this.size - 1)) return;
		if (this.size === this.capacity && this.capacity < HISTORY_POINTS) this.grow();
		const index = (this.start + this.size) % this.capacity;
		this.times[index] = sample.at;
		for (const id of METRIC_IDS) {
			const value = sample.values[id];
			let column = this.values.get(id);
			if (value !== undefined && !column) this.values.set(id, (column = new Float32Array(this.capacity).fill(Number.NaN)));
			if (column) column[index] = value ?? Number.NaN;
		}
		if (this.size < this.capacity) this.size++;
		else this.start = (this.start + 1) % this.capacity;
	}

	/** Adds older samples (a backfill): everything is re-laid in time order, newest kept. */
	merge(samples: ReplicaSample[]): void {
		// A backfill carries one metric; samples at the same instant are merged, held values winning.
		const byTime = new Map<number, ReplicaSample>();
		const add = (sample: ReplicaSample, wins: boolean) => {
			const held = byTime.get(sample.at);
			if (!held) byTime.set(sample.at, sample);
			else byTime.set(sample.at, { ...held, values: wins ? { ...held.values, ...sample.values } : { ...sample.values, ...held.values } });
		};
		for (const sample of samples) add(sample, false);
		for (let i = 0; i < this.size; i++) add(this.sampleAt(i), true);
		const ordered = [...byTime.values()].sort((a, b) => a.at - b.at).slice(-HISTORY_POINTS);
		this.times = new Float64Array(Math.max(INITIAL_CAPACITY, Math.min(HISTORY_POINTS, ordered.length)));
		this.values.clear();
		this.start = 0;
		this.size = 0;
		for (const sample of ordered) this.push(sample);
	}

	points(metric: MetricId, since: number): Array<[number, number]> {
		const column = this.values.get(metric);
		if (!column) return [];
		const result: Array<[number, number]> = [];
		for (let i = 0; i < this.size; i++) {
			const index = (this.start + i) % this.capacity;
			const value = column[index];
			if (this.times[index] >= since && !Number.isNaN(value)) result.push([this.times[index], value]);
		}
		return result;
	}

	private timeAt(i: number): number {
		return this.times[(this.start + i) % this.capacity];
	}

	private sampleAt(i: number): ReplicaSample {
		const index = (this.start + i) % this.capacity;
		const values: ReplicaSample['values'] = {};
		for (const [id, column] of this.values) if (!Number.isNaN(column[index])) values[id] = column[index];
		return { ...this.latest, at: this.times[index], values };
	}

	private grow(): void {
		const capacity = Math.min(HISTORY_POINTS, this.capacity * 2);
		const relay = <T extends Float64Array | Float32Array>(old: T, make: (n: number) => T): T => {
			const next = make(capacity);
			for (let i = 0; i < this.size; i++) next[i] = old[(this.start + i) % this.capacity];
			return next;
		};
		for (const [id, column] of this.values) this.values.set(id, relay(column, (n) => new Float32Array(n).fill(Number.NaN)));
		this.times = relay(this.times, (n) => new Float64Array(n));
		this.start = 0;
	}
}

export class MetricsHistory {
	private readonly replicas = new Map<string, ReplicaHistory>();
	version = 0;
	problem: string | null = null;

	ingest(samples: ReplicaSample[]): void {
		for (const sample of samples) {
			const key = podKey(sample.namespace, sample.pod);
			const entry = this.replicas.get(key);
			if (!entry) {
				const created = new ReplicaHistory(sample);
				created.push(sample);
				this.replicas.set(key, created);
				continue;
			}
			if (sample.at >= entry.latest.at) entry.latest = sample;
			entry.push(sample);
		}
		this.version++;
	}

	/** History from a metrics source's range query; never replaces a newer latest sample. */
	backfill(samples: ReplicaSample[]): void {
		const byReplica = new Map<string, ReplicaSample[]>();
		for (const sample of samples) {
			const key = podKey(sample.namespace, sample.pod);
			const list = byReplica.get(key);
			if (list) list.push(sample);
			else byReplica.set(key, [sample]);
		}
		for (const [key, list] of byReplica) {
			let entry = this.replicas.get(key);
			if (!entry) this.replicas.set(key, (entry = new ReplicaHistory(list[list.length - 1])));
			entry.merge(list);
		}
		this.version++;
	}

	latest(namespace: string, pod: string): ReplicaSample | undefined {
		return this.replicas.get(podKey(namespace, pod))?.latest;
	}

	series(namespace: string, pod: string, metric: MetricId, since: number): Array<[number, number]> {
		return this.replicas.get(podKey(namespace, pod))?.points(metric, since) ?? [];
	}

	/** Forget replicas that no longer exist, so memory follows the cluster. */
	retain(keep: (key: string) => boolean): void {
		for (const key of this.replicas.keys()) if (!keep(key)) this.replicas.delete(key);
	}
}
