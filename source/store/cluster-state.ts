// The cluster as the console knows it: objects by kind, connection health, clock. Mutated in place
// by source events (5,000 pods must not be copied per event); `version` tells readers what changed.
import { KINDS, type Kind, type KubeObject } from '../domain/k8s';
import { podKey } from '../domain/metrics';
import type { ConnectionState, SourceEvent } from '../domain/source';

export interface ClusterState {
	objects: Map<Kind, Map<string, KubeObject>>;
	/** Bumped on every change of `objects`, per kind, so selectors can cache by it. */
	versions: Map<Kind, number>;
	connection: { state: ConnectionState; message?: string };
	/** Kinds whose watch is broken: their objects are shown as stale. */
	staleKinds: Set<Kind>;
	/** Kinds the cluster does not serve, with a hint (e.g. Argo CRDs missing). */
	unavailable: Map<Kind, string>;
	now: number;
	speed?: number;
	lastError?: { at: number; message: string };
}

export function emptyClusterState(now: number): ClusterState {
	return {
		objects: new Map(KINDS.map((kind) => [kind, new Map()])),
		versions: new Map(KINDS.map((kind) => [kind, 0])),
		connection: { state: 'connecting' },
		staleKinds: new Set(),
		unavailable: new Map(),
		now,
	};
}

/** The same key as domain/metrics `podKey`, so pods and their metrics line up. */
function nameKey(namespace: string | undefined, name: string): string {
	return podKey(namespace ?? '', name);
}

function bump(state: ClusterState, kind: Kind): void {
	state.versions.set(kind, (state.versions.get(kind) ?? 0) + 1);
}

/** Applies events in order; answers whether anything a reader could see changed. */
export function applySourceEvents(state: ClusterState, events: SourceEvent[]): boolean {
	let changed = false;
	for (const event of events) {
		switch (event.type) {
			case 'sync': {
				const map = new Map<string, KubeObject>();
				for (const obj of event.objects) map.set(nameKey(obj.metadata.namespace, obj.metadata.name), obj);
				state.objects.set(event.kind, map);
				state.staleKinds.delete(event.kind);
				state.unavailable.delete(event.kind);
				bump(state, event.kind);
				break;
			}
			case 'upsert':
				state.objects.get(event.object.kind)?.set(nameKey(event.object.metadata.namespace, event.object.metadata.name), event.object);
				bump(state, event.object.kind);
				break;
			case 'delete':
				state.objects.get(event.kind)?.delete(nameKey(event.namespace, event.name));
				bump(state, event.kind);
				break;
			case 'connection':
				if (event.kind) {
					if (event.state === 'connected') state.staleKinds.delete(event.kind);
					else if (event.state !== 'connecting') state.staleKinds.add(event.kind);
				}
				state.connection = { state: overallState(state, event.state, event.kind), message: event.message };
				break;
			case 'unavailable':
				state.unavailable.set(event.kind, event.hint);
				state.objects.set(event.kind, new Map());
				// A kind that is not there is not stale: the pane that needs it says why, the header stays calm.
				if (state.staleKinds.delete(event.kind) && state.staleKinds.size === 0 && state.connection.state === 'reconnecting') {
					state.connection = { state: 'connected' };
				}
				bump(state, event.kind);
				break;
			case 'clock':
				state.now = event.now;
				if (event.speed !== undefined) state.speed = event.speed;
				break;
			case 'error':
				state.lastError = { at: state.now, message: event.message };
				break;
		}
		changed = true;
	}
	return changed;
}

/** A per-kind "connected" only means connected overall once no kind is stale any more. */
function overallState(state: ClusterState, reported: ConnectionState, kind: Kind | undefined): ConnectionState {
	if (reported === 'connected' && kind && state.staleKinds.size > 0) return 'reconnecting';
	return reported;
}

export function objectsOf<K extends Kind>(state: ClusterState, kind: K): Array<Extract<KubeObject, { kind: K }>> {
	return [...(state.objects.get(kind)?.values() ?? [])] as Array<Extract<KubeObject, { kind: K }>>;
}

export function getObject<K extends Kind>(
	state: ClusterState,
	kind: K,
	namespace: string | undefined,
	name: string,
): Extract<KubeObject, { kind: K }> | undefined {
	return state.objects.get(kind)?.get(nameKey(namespace, name)) as Extract<KubeObject, { kind: K }> | undefined;
}

/** Forget everything about the cluster (after switching to another one), keeping the object maps. */
export function resetClusterState(state: ClusterState, now: number): void {
	const empty = emptyClusterState(now);
	for (const kind of KINDS) {
		state.objects.set(kind, new Map());
		bump(state, kind);
	}
	state.connection = empty.connection;
	state.staleKinds.clear();
	state.unavailable.clear();
	state.lastError = undefined;
	state.now = now;
}
