// The one interface every cluster and metrics source implements; the UI never knows which it has.
import type { PatchRequest, PatchResponse } from './action';
import type { Kind, KubeObject } from './k8s';
import type { OpenLogs } from './logs';
import type { LbPolicy } from './load-balancing';
import type { NodeSample } from './node-metrics';
import type { MetricId, ReplicaSample } from './metrics';

export type SourceKind = 'simulated' | 'live' | 'replay';

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'disconnected';

export type SourceEvent =
	/** The complete current set of one kind (initial list or relist): replaces what the store had. */
	| { type: 'sync'; kind: Kind; objects: KubeObject[] }
	| { type: 'upsert'; object: KubeObject }
	| { type: 'delete'; kind: Kind; namespace?: string; name: string }
	/** Per-kind connection health; `stale` kinds keep their last data, marked as such. */
	| { type: 'connection'; state: ConnectionState; kind?: Kind; message?: string }
	/** A kind the cluster does not serve (e.g. Argo Rollouts CRDs not installed), with a hint. */
	| { type: 'unavailable'; kind: Kind; hint: string }
	/** The source's clock (simulated time, or wall time for live sources), ms since the epoch. */
	| { type: 'clock'; now: number; speed?: number }
	| { type: 'error'; message: string };

export interface ClusterSource {
	readonly kind: SourceKind;
	/** Shown in the header: context name, "sim:default", a fixture path, … */
	readonly label: string;
	/** What part of the cluster is watched, for the header: "namespace llm", "all namespaces". */
	readonly scope?: string;
	start(emit: (events: SourceEvent[]) => void): void;
	stop(): void;
	/** Send one PATCH; the caller (domain/execute-plan) handles status-first fallbacks. */
	patch(request: PatchRequest): Promise<PatchResponse>;
	/**
	 * Whether the current user may do `verb` on the resource (SelfSubjectAccessReview on live
	 * clusters). Resolves to null when allowed, else the reason shown as the key's disabled reason.
	 */
	canI?(verb: string, resource: string, namespace?: string, subresource?: string): Promise<string | null>;
	/** Streams one container's log (`pods/log`); lines carry the time the container wrote them. */
	openLogs?: OpenLogs;
}

/** Extra controls only the simulator has (speed, pause of the clock, scenario switch). */
export interface SimulatorControls {
	setSpeed(speed: number): void;
	getSpeed(): number;
	/** Advance simulated time by `ms` at once (tests, and the `.` key when the clock is frozen). */
	advance(ms: number): void;
	/** Changes how a workload's traffic is split over its replicas; null, or what is wrong. */
	setLoadBalancing?(namespace: string, name: string, policy: LbPolicy): string | null;
}

export interface MetricsSource {
	readonly label: string;
	start(emit: (samples: ReplicaSample[], at: number) => void): void;
	stop(): void;
	/** History of one metric for the given pods over [from, to], for charts; one query for all pods. */
	backfill?(
		pods: Array<{ namespace: string; pod: string }>,
		metric: MetricId,
		from: number,
		to: number,
		stepMs: number,
	): Promise<ReplicaSample[]>;
	/** Health shown in the header (e.g. "prometheus unreachable"); null when fine. */
	onHealth?(listener: (problem: string | null) => void): void;
	/** Per-node GPU health each refresh (the Nodes pane); sources that cannot tell leave it out. */
	onNodeSamples?(listener: (samples: NodeSample[]) => void): void;
}

/** Where a replay stands: the recording's first and last instants, the playhead, and how it plays. */
export interface ReplayPosition {
	start: number;
	end: number;
	at: number;
	paused: boolean;
	speed: number;
}

/** The controls only a replay has: move the playhead, pause, change the playback speed. */
export interface ReplayControls {
	position(): ReplayPosition;
	/** Show the recording as it was at `at` (clamped to the recording). */
	seek(at: number): void;
	setPaused(paused: boolean): void;
	setSpeed(speed: number): void;
}
