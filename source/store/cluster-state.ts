// The cluster as the console knows it: objects by kind, connection health, clock. Mutated in place
// by source events (5,000 pods must not be copied per event); `version` tells readers what changed.
import { controllerOf, KINDS, type Kind, type KubeObject } from '../domain/k8s';
import { podKey } from '../domain/metrics';
import type { ConnectionState, SourceEvent } from '../domain/source';

export interface ClusterState {
	objects: Map<Kind, Map<string, KubeObject>>;
	/** Bumped on every change of `objects`, per kind, so selectors can cache by it. */
	versions: Map<Kind, number>;
	/**
	 * Objects by their controller (`ownerKey`), per kind, kept up to date as events arrive: a pod that
	 * changes must not cost a regrouping of 5,000 pods. Each group keeps the order of `objects`.
	 */
	owned: Map<Kind, Map<string, Map<string, KubeObject>>>;
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
		owned: new Map(KINDS.map((kind) => [kind, new Map()])),
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

/** The group an object belongs to: its controller's kind, namespace and name. */
export function ownerKey(ownerKind: string, namespace: string | undefined, name: string): string {
	return `${ownerKind}/${namespace ?? ''}/${name}`;
}

function ownerKeyOf(obj: KubeObject): string | undefined {
	const owner = controllerOf(obj);
	return owner && ownerKey(owner.kind, obj.metadata.namespace, owner.name);
}

function setObjects(state: ClusterState, kind: Kind, objects: Map<string, KubeObject>): void {
	state.objects.set(kind, objects);
	const groups = new Map<string, Map<string, KubeObject>>();
	for (const [key, obj] of objects) {
		const owner = ownerKeyOf(obj);
		if (!owner) continue;
		const group = groups.get(owner);
		if (group) group.set(key, obj);
		else groups.set(owner, new Map([[key, obj]]));
	}
	state.owned.set(kind, groups);
}

function putObject(state: ClusterState, obj: KubeObject): void {
	const key = nameKey(obj.metadata.namespace, obj.metadata.name);
	const objects = state.objects.get(obj.kind);
	if (!objects) return;
	const before = objects.get(key);
	objects.set(key, obj);
	const groups = state.owned.get(obj.kind)!;
	const owner = ownerKeyOf(obj);
	const previousOwner = before && ownerKeyOf(before);
	if (previousOwner !== undefined && previousOwner !== owner) removeFromGroup(groups, previousOwner, key);
	if (owner === undefined) return;
	// An object adopted by another owner joins the end of its new group; readers sort their groups.
	const group = groups.get(owner);
	if (group) group.set(key, obj);
	else groups.set(owner, new Map([[key, obj]]));
}

function removeObject(state: ClusterState, kind: Kind, namespace: string | undefined, name: string): void {
	const key = nameKey(namespace, name);
	const objects = state.objects.get(kind);
	const before = objects?.get(key);
	if (!objects || !before) return;
	objects.delete(key);
	const owner = ownerKeyOf(before);
	if (owner !== undefined) removeFromGroup(state.owned.get(kind)!, owner, key);
}

function removeFromGroup(groups: Map<string, Map<string, KubeObject>>, owner: string, key: string): void {
	const group = groups.get(owner);
	if (!group) return;
	group.delete(key);
	if (group.size === 0) groups.delete(owner);
}

/** Applies events in order; answers whether anything a reader could see changed. */
export function applySourceEvents(state: ClusterState, events: SourceEvent[]): boolean {
	let changed = false;
	for (const event of events) {
		switch (event.type) {
			case 'sync': {
				const map = new Map<string, KubeObject>();
				for (const obj of event.objects) map.set(nameKey(obj.metadata.namespace, obj.metadata.name), obj);
				setObjects(state, event.kind, map);
				state.staleKinds.delete(event.kind);
				state.unavailable.delete(event.kind);
				bump(state, event.kind);
				break;
			}
			case 'upsert':
				putObject(state, event.object);
				bump(state, event.object.kind);
				break;
			case 'delete':
				removeObject(state, event.kind, event.namespace, event.name);
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
				setObjects(state, event.kind, new Map());
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

/** The objects of `kind` whose controller is the given object, in the order of `objects`. */
export function ownedObjects<K extends Kind>(state: ClusterState, kind: K, ownerKind: string, namespace: string | undefined, name: string): Array<Extract<KubeObject, { kind: K }>> {
	const group = state.owned.get(kind)?.get(ownerKey(ownerKind, namespace, name));
	return (group ? [...group.values()] : []) as Array<Extract<KubeObject, { kind: K }>>;
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
		setObjects(state, kind, new Map());
		bump(state, kind);
	}
	state.connection = empty.connection;
	state.staleKinds.clear();
	state.unavailable.clear();
	state.lastError = undefined;
	state.now = now;
}
