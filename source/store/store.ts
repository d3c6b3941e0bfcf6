// One store for cluster state, metrics, permission answers and UI state. Source events are applied
// at once but listeners hear of them at most once per coalescing window; UI changes notify
// immediately. Deadlines (a flash fading) are state with a time: the store applies them when due.
import { podKey, type ReplicaSample } from '../domain/metrics';
import type { NodeSample } from '../domain/node-metrics';
import type { SourceEvent } from '../domain/source';
import { DEFAULT_VERDICT_CONFIG, type VerdictConfig } from '../domain/verdict-spec';
import { appendLog, type ActionLogEntry } from './action-log';
import { applySourceEvents, emptyClusterState, resetClusterState, type ClusterState } from './cluster-state';
import { LogBuffer, type NewLogEntry } from './log-buffer';
import { MetricsHistory } from './metrics-history';
import { pinSelection } from './selection';
import { expireUi, FLASH_MS, FULL_PANES, initialUiState, nextDeadline, type Flash, type UiState } from './ui-state';
import { forgetGone, updateVerdicts, type Verdicts } from './verdicts';

export const COALESCE_MS = 150;

/** Answers of the API server about what the user may do: null allowed, else the reason. */
export type PermissionAnswers = ReadonlyMap<string, string | null>;

export interface StoreSnapshot {
	cluster: ClusterState;
	metrics: MetricsHistory;
	ui: UiState;
	log: ActionLogEntry[];
	permissions: PermissionAnswers;
	/** rolltop's verdict per Rollout under judgement, by workload key. */
	verdicts: Verdicts;
	/** Lines of the open log pane (mutated in place; its `version` says when). */
	logs: LogBuffer;
	/** The latest GPU health per node (by node name), when the metrics source reports it. */
	nodeMetrics: ReadonlyMap<string, NodeSample>;
	/** Increments on every notification: the identity useSyncExternalStore compares. */
	revision: number;
}

export interface StoreOptions {
	now: number;
	themeName: string;
	readonly: boolean;
	viewport?: { columns: number; rows: number };
	coalesceMs?: number;
	/** Real time, for deadlines such as a flash fading. */
	wallNow?: () => number;
	verdict?: VerdictConfig;
	/** Lines the log pane keeps (config `logs.bufferLines`). */
	logLines?: number;
}

export class Store {
	readonly cluster: ClusterState;
	readonly metrics = new MetricsHistory();
	readonly logs: LogBuffer;
	private uiState: UiState;
	private logEntries: ActionLogEntry[] = [];
	private permissionAnswers = new Map<string, string | null>();
	private verdicts: Verdicts = new Map();
	private readonly verdictConfig: VerdictConfig;
	private nodeSamples: ReadonlyMap<string, NodeSample> = new Map();
	private readonly listeners = new Set<() => void>();
	private timer: ReturnType<typeof setTimeout> | undefined;
	private deadline: { at: number; timer: ReturnType<typeof setTimeout> } | undefined;
	private snapshot: StoreSnapshot;
	private readonly coalesceMs: number;
	private readonly wallNow: () => number;

	constructor(options: StoreOptions) {
		this.cluster = emptyClusterState(options.now);
		this.logs = new LogBuffer(options.logLines);
		this.uiState = initialUiState(options);
		this.coalesceMs = options.coalesceMs ?? COALESCE_MS;
		this.wallNow = options.wallNow ?? Date.now;
		this.verdictConfig = options.verdict ?? DEFAULT_VERDICT_CONFIG;
		this.snapshot = this.makeSnapshot(0);
	}

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
		// So does a verdict: a Rollout that is gone (deleted, or a replay rewound) starts its count anew.
		if (events.some((e) => (e.type === 'delete' || e.type === 'sync') && e.kind === 'Rollout')) this.verdicts = forgetGone(this.verdicts, this.cluster);
		this.schedule();
	}

	/** One metrics refresh: the samples are kept and every canary under judgement is judged on them. */
	ingestSamples(samples: ReplicaSample[]): void {
		this.metrics.ingest(this.knownPods(samples));
		const at = samples.reduce((newest, s) => Math.max(newest, s.at), this.cluster.now);
		this.verdicts = updateVerdicts(this.verdicts, this.cluster, this.metrics, this.verdictConfig, at);
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

	/** Lines for the log pane; lines of another session (target or options changed) start afresh. */
	appendLogs(session: string, entries: NewLogEntry[]): void {
		if (this.logs.session !== session) this.logs.reset(session);
		this.logs.push(entries);
		this.schedule();
	}

	/** One refresh's node samples replace the previous ones (a node that is gone drops out). */
	ingestNodeSamples(samples: NodeSample[]): void {
		this.nodeSamples = new Map(samples.map((s) => [s.node, s]));
		this.schedule();
	}

	setMetricsProblem(problem: string | null): void {
		if (this.metrics.problem === problem) return;
		this.metrics.problem = problem;
		this.schedule();
	}

	/** An answer about a permission (undefined: no answer, ask again). */
	setPermission(key: string, answer: string | null | undefined): void {
		if (answer === undefined ? !this.permissionAnswers.has(key) : this.permissionAnswers.get(key) === answer) return;
		this.permissionAnswers = new Map(this.permissionAnswers);
		if (answer === undefined) this.permissionAnswers.delete(key);
		else this.permissionAnswers.set(key, answer);
		this.notifyNow();
	}

	/** Another cluster: nothing of the old one may stay on screen or be acted on. The action log stays. */
	resetCluster(now: number): void {
		resetClusterState(this.cluster, now);
		this.metrics.retain(() => false);
		this.metrics.problem = null;
		this.permissionAnswers = new Map();
		this.verdicts = new Map();
		this.logs.reset('');
		this.nodeSamples = new Map();
		const focus = FULL_PANES.includes(this.uiState.focus) ? 'workloads' : this.uiState.focus;
		this.uiState = { ...this.uiState, focus, nodeKey: undefined, view: undefined, workloadKey: undefined, replicaKey: undefined, eventKey: undefined, mode: { kind: 'normal' } };
		this.notifyNow();
	}

	updateUi(change: Partial<UiState> | ((ui: UiState) => Partial<UiState>)): void {
		const patch = typeof change === 'function' ? change(this.uiState) : change;
		this.uiState = { ...this.uiState, ...patch };
		this.notifyNow();
	}

	setViewport(viewport: { columns: number; rows: number }): void {
		const { columns, rows } = this.uiState.viewport;
		if (columns !== viewport.columns || rows !== viewport.rows) this.updateUi({ viewport });
	}

	/** A short message in the footer that fades after FLASH_MS of real time. */
	flash(text: string, tone: Flash['tone'], extra: Partial<UiState> = {}): void {
		this.updateUi({ ...extra, flash: { text, tone, until: this.wallNow() + FLASH_MS } });
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

	/** Applies the deadlines due at wall-clock `now` (the store's own timer calls this when one is due). */
	expire(now: number): void {
		const ui = expireUi(this.uiState, now);
		if (ui === this.uiState) return;
		this.uiState = ui;
		this.notifyNow();
	}

	dispose(): void {
		if (this.timer) clearTimeout(this.timer);
		if (this.deadline) clearTimeout(this.deadline.timer);
		this.timer = undefined;
		this.deadline = undefined;
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
		const pinned = pinSelection(this.snapshot);
		if (pinned) {
			this.uiState = { ...this.uiState, ...pinned };
			this.snapshot = { ...this.snapshot, ui: this.uiState };
		}
		this.armDeadline();
		for (const listener of this.listeners) listener();
	}

	private armDeadline(): void {
		const at = nextDeadline(this.uiState);
		if (this.deadline?.at === at) return;
		if (this.deadline) clearTimeout(this.deadline.timer);
		this.deadline = at === undefined ? undefined : { at, timer: setTimeout(() => this.expire(this.wallNow()), Math.max(0, at - this.wallNow())) };
	}

	private makeSnapshot(revision: number): StoreSnapshot {
		return {
			cluster: this.cluster,
			metrics: this.metrics,
			ui: this.uiState,
			log: this.logEntries,
			permissions: this.permissionAnswers,
			verdicts: this.verdicts,
			logs: this.logs,
			nodeMetrics: this.nodeSamples,
			revision,
		};
	}
}
