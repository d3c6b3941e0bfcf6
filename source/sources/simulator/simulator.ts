// The simulator as a ClusterSource and a MetricsSource: the engine's store changes batched into
// source events per tick, a real-time timer scaled by `speed`, and PATCHes applied to the store.
import type { PatchRequest, PatchResponse } from '../../domain/action';
import { KINDS, keyOf, type Deployment, type KubeObject, type ObjectRef, type Pod, type ReplicaSet, type Rollout } from '../../domain/k8s';
import type { ReplicaSample } from '../../domain/metrics';
import { aggregateNodeSamples, type NodeSample } from '../../domain/node-metrics';
import { PatchError } from '../../domain/patch';
import type { ClusterSource, MetricsSource, SimulatorControls, SourceEvent } from '../../domain/source';
import { createObject, deleteObject } from './api-writes';
import { Engine } from './engine';
import { LogFollowers } from './logs/follow';
import type { ObjectStore, StoreChange } from './object-store';
import type { Scenario } from './scenario';

export interface Simulator extends ClusterSource, SimulatorControls {
	readonly store: ObjectStore;
	readonly metrics: MetricsSource;
	/** Simulated clock, ms since the epoch. */
	now(): number;
	/** The latest per-replica ground truth (what the last metrics emission carried). */
	truth(): ReplicaSample[];
	/** Current offered requests per second of a workload. */
	offeredLoad(namespace: string, workload: string): number;
	/** A workload, ReplicaSet or bare pod created over the API (`sim serve`): stored, and run by the controllers, scheduler and kubelets from the next tick. */
	create(obj: Deployment | Rollout | ReplicaSet | Pod): KubeObject;
	/** A deletion over the API; the object as the DELETE response shows it, undefined if absent. */
	remove(ref: ObjectRef, gracePeriodSeconds?: number): KubeObject | undefined;
	/** The last XID error code of a node's GPUs (0 when none). */
	nodeXid(node: string): number;
}

export interface SimulatorOptions {
	seed?: number;
	speed?: number;
	/**
	 * Called when a step of the clock throws (say, on an object written over the API that a controller
	 * cannot handle); the clock goes on with the next step. Without it the error propagates.
	 */
	onTickError?: (error: Error) => void;
}

export const MAX_SPEED = 100;
/** Below this timer interval (ms), fast speeds run several ticks per timer callback instead. */
const MIN_INTERVAL_MS = 50;

function clampSpeed(speed: number): number {
	return Number.isFinite(speed) ? Math.min(MAX_SPEED, Math.max(0, speed)) : 1;
}

function toEvent(change: StoreChange): SourceEvent {
	const { object } = change;
	return change.type === 'DELETED'
		? { type: 'delete', kind: object.kind, namespace: object.metadata.namespace, name: object.metadata.name }
		: { type: 'upsert', object };
}

export function createSimulator(scenario: Scenario, options: SimulatorOptions = {}): Simulator {
	const engine = new Engine(scenario, options.seed ?? 1);
	const store = engine.ctx.store;
	const logs = new LogFollowers(engine.ctx);
	let speed = clampSpeed(options.speed ?? 1);
	let clusterListener: ((events: SourceEvent[]) => void) | undefined;
	let metricsListener: ((samples: ReplicaSample[], at: number) => void) | undefined;
	const nodeListeners = new Set<(samples: NodeSample[]) => void>();
	const nodeOf = (namespace: string, pod: string) => engine.ctx.pods.get(`${namespace}/${pod}`)?.node;
	const emitMetrics = () => {
		if (!metricsListener) return;
		metricsListener(engine.latestSamples, engine.now);
		if (nodeListeners.size === 0) return;
		const nodes = aggregateNodeSamples(engine.latestSamples, nodeOf, engine.now).map((n) => ({ ...n, xid: engine.ctx.node(n.node)?.xid ?? 0 }));
		for (const listener of nodeListeners) listener(nodes);
	};
	let timer: ReturnType<typeof setInterval> | undefined;
	let carryMs = 0;
	let tickBudget = 0;
	// Changes since the last emission, one per object (the latest wins).
	const pending = new Map<string, SourceEvent>();
	store.subscribe((change) => {
		if (clusterListener) pending.set(keyOf(change.object), toEvent(change));
	});

	const flush = (withClock: boolean) => {
		if (!clusterListener) return;
		const events = [...pending.values()];
		pending.clear();
		if (withClock) events.push({ type: 'clock', now: engine.now, speed });
		if (events.length) clusterListener(events);
	};

	const tick = () => {
		engine.tick();
		logs.tick();
		emitMetrics();
	};

	const reschedule = () => {
		if (timer) clearInterval(timer);
		timer = undefined;
		if (speed <= 0 || (!clusterListener && !metricsListener)) return;
		const interval = Math.max(1000 / speed, MIN_INTERVAL_MS);
		const ticksPerFire = (speed * interval) / 1000;
		timer = setInterval(() => {
			tickBudget += ticksPerFire;
			const ticks = Math.floor(tickBudget + 1e-9);
			tickBudget -= ticks;
			try {
				for (let i = 0; i < ticks; i++) tick();
				if (ticks) flush(true);
			} catch (error) {
				if (!options.onTickError) throw error;
				options.onTickError(error instanceof Error ? error : new Error(String(error)));
			}
		}, interval);
	};

	const metrics: MetricsSource = {
		label: `sim:${scenario.name}`,
		start(emit) {
			metricsListener = emit;
			emitMetrics();
			reschedule();
		},
		stop() {
			metricsListener = undefined;
			reschedule();
		},
		onNodeSamples(listener) {
			nodeListeners.add(listener);
		},
	};

	return {
		kind: 'simulated',
		label: `sim:${scenario.name}`,
		store,
		metrics,
		start(emit) {
			clusterListener = emit;
			pending.clear();
			const events: SourceEvent[] = KINDS.map((kind) => ({ type: 'sync', kind, objects: store.list(kind) as KubeObject[] }));
			events.push({ type: 'connection', state: 'connected' }, { type: 'clock', now: engine.now, speed });
			emit(events);
			reschedule();
		},
		stop() {
			clusterListener = undefined;
			pending.clear();
			reschedule();
		},
		async patch(request: PatchRequest): Promise<PatchResponse> {
			try {
				const body = store.patch(request.target, request.subresource, request.patchType, request.body);
				flush(false);
				return { status: 200, body };
			} catch (error) {
				if (error instanceof PatchError) return { status: error.status, message: error.message };
				return { status: 500, message: (error as Error).message };
			}
		},
		setSpeed(next: number) {
			speed = clampSpeed(next);
			reschedule();
			flush(true);
		},
		getSpeed: () => speed,
		advance(ms: number) {
			carryMs += Math.max(0, ms);
			const ticks = Math.floor(carryMs / 1000);
			carryMs -= ticks * 1000;
			for (let i = 0; i < ticks; i++) tick();
			flush(true);
		},
		openLogs: (request, sink) => logs.open(store.get({ kind: 'Pod', namespace: request.namespace, name: request.pod }) as Pod | undefined, request, sink),
		now: () => engine.now,
		truth: () => engine.latestSamples,
		offeredLoad: (namespace, workload) => engine.traffic.offeredLoad(namespace, workload),
		create(obj) {
			const stored = createObject(engine.ctx, obj);
			flush(false);
			return stored;
		},
		remove(ref, gracePeriodSeconds) {
			const answer = deleteObject(engine.ctx, ref, gracePeriodSeconds);
			flush(false);
			return answer;
		},
		setLoadBalancing(namespace, name, policy) {
			if (!engine.ctx.workload('Deployment', namespace, name) && !engine.ctx.workload('Rollout', namespace, name)) return `the simulator has no workload ${namespace}/${name}`;
			engine.traffic.setPolicy(namespace, name, policy);
			return null;
		},
		nodeXid: (node) => engine.ctx.node(node)?.xid ?? 0,
	};
}
