// One store for cluster state, metrics and UI state. Source events are applied at once but
// listeners hear of them at most once per coalescing window; UI changes notify immediately.
import { podKey, type ReplicaSample } from '../domain/metrics';
import type { SourceEvent } from '../domain/source';
import { appendLog, type ActionLogEntry } from './action-log';
import { applySourceEvents, emptyClusterState, resetClusterState, type ClusterState } from './cluster-state';
import { MetricsHistory } from './metrics-history';
import { initialUiState, type UiState } from './ui-state';

export const COALESCE_MS = 150;

export interface StoreSnapshot {
	cluster: ClusterState;
	metrics: MetricsHistory;
	ui: UiState;
	log: ActionLogEntry[];
	/** Increments on every notification: the identity useSyncExternalStore compares. */
	revision: number;
}

export class Store {
	readonly cluster: ClusterState;
	readonly metrics = new MetricsHistory();
	private uiState: UiState;
	private logEntries: ActionLogEntry[] = [];
	private readonly listeners = new Set<() => void>();
	private timer: ReturnType<typeof setTimeout> | undefined;
	private snapshot: StoreSnapshot;

	constructor(options: { now: number; themeName: string; readonly: boolean; viewport?: { columns: number; rows: number }; coalesceMs?: number }) {
		this.cluster = emptyClusterState(options.now);
		this.uiState = initialUiState(options);
		this.coalesceMs = options.coalesceMs ?? COALESCE_MS;
		this.snapshot = this.makeSnapshot(0);
	}

	private readonly coalesceMs: number;

	get ui(): UiState {
		return this.uiState;
	}

	get log(): ActionLogEntry[] {
		return this.logEntries;
	}

	ingest(events: SourceEvent[]): void {
		if (!applySourceEvents(this.cluster, events)) return;
		// Metrics history follows the pods: a pod that is gone takes its history with it.
		if (events.some((e) => (e.type === 'delete' || e.type === 'sync') && e.kind === 'Pod')) {
			const pods = this.cluster.objects.get('Pod');
			this.metrics.retain((key) => pods?.has(key) ?? false);
		}
		this.schedule();
	}

	ingestSamples(samples: ReplicaSample[]): void {
		this.metrics.ingest(this.knownPods(samples));
		this.schedule();
	}

	backfillSamples(samples: ReplicaSample[]): void {
		this.metrics.backfill(this.knownPods(samples));
		this.schedule();
	}

	/** Prometheus answers for the whole cluster; only pods in the console's scope are kept. */
	private knownPods(samples: ReplicaSample[]): ReplicaSample[] {
		const pods = this.cluster.objects.get('Pod');
		return samples.filter((sample) => pods?.has(podKey(sample.namespace, sample.pod)));
	}

	setMetricsProblem(problem: string | null): void {
		if (this.metrics.problem === problem) return;
		this.metrics.problem = problem;
		this.schedule();
	}

	/** Another cluster: nothing of the old one may stay on screen or be acted on. The action log stays. */
	resetCluster(now: number): void {
		resetClusterState(this.cluster, now);
		this.metrics.retain(() => false);
		this.metrics.problem = null;
		this.uiState = { ...this.uiState, workloadKey: undefined, replicaKey: undefined, eventKey: undefined, mode: { kind: 'normal' } };
		this.notifyNow();
	}

	updateUi(change: Partial<UiState> | ((ui: UiState) => Partial<UiState>)): void {
		const patch = typeof change === 'function' ? change(this.uiState) : change;
		this.uiState = { ...this.uiState, ...patch };
		this.notifyNow();
	}

	addLog(entry: ActionLogEntry): void {
		this.logEntries = appendLog(this.logEntries, entry);
		this.notifyNow();
	}

	subscribe = (listener: () => void): (() => void) => {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	};

	getSnapshot = (): StoreSnapshot => this.snapshot;

	/** Deliver any pending coalesced change now (tests, and before quitting). */
	flush(): void {
		if (this.timer) this.notifyNow();
	}

	dispose(): void {
		if (this.timer) clearTimeout(this.timer);
		this.timer = undefined;
		this.listeners.clear();
	}

	private schedule(): void {
		if (this.coalesceMs === 0) return this.notifyNow();
		this.timer ??= setTimeout(() => this.notifyNow(), this.coalesceMs);
	}

	private notifyNow(): void {
		if (this.timer) clearTimeout(this.timer);
		this.timer = undefined;
		this.snapshot = this.makeSnapshot(this.snapshot.revision + 1);
		for (const listener of this.listeners) listener();
	}

	private makeSnapshot(revision: number): StoreSnapshot {
		return { cluster: this.cluster, metrics: this.metrics, ui: this.uiState, log: this.logEntries, revision };
	}
}
