// An in-memory API server's object storage: resource versions, generations, subresources and a
// change history for watches. The simulator's controllers write to it; in-process actions and
// `sim serve` patch it through the same `patch` method, so both behave alike.
import { applyPatch, PatchError } from '../../domain/patch';
import type { PatchType } from '../../domain/action';
import { keyOf, objectKey, type Kind, type KubeObject, type ObjectRef } from '../../domain/k8s';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface StoreChange {
	type: WatchEventType;
	object: KubeObject;
	resourceVersion: number;
}

/**
 * Kinds whose `status` is a subresource (main-object patches leave status alone, and vice versa),
 * including those only `sim serve` stores (Namespaces, Services). AnalysisRuns have none: Argo's CRD
 * declares no status subresource.
 */
const STATUS_SUBRESOURCE: ReadonlySet<string> = new Set(['Rollout', 'Deployment', 'ReplicaSet', 'Pod', 'Node', 'HorizontalPodAutoscaler', 'ScaledObject', 'Namespace', 'Service']);
/** Kinds with a `scale` subresource. */
export const SCALABLE: ReadonlySet<Kind> = new Set<Kind>(['Rollout', 'Deployment', 'ReplicaSet']);
const HISTORY_LIMIT = 5000;

export class GoneError extends Error {
	readonly status = 410;
}

export class ObjectStore {
	private readonly objects = new Map<string, KubeObject>();
	private readonly history: StoreChange[] = [];
	private readonly listeners = new Set<(change: StoreChange) => void>();
	private revision = 0;
	private uidCounter = 0;

	constructor(private readonly clock: () => number) {}

	get resourceVersion(): number {
		return this.revision;
	}

	/** The clock objects are stamped with (the simulator's), e.g. to print their ages. */
	now(): number {
		return this.clock();
	}

	list(kind: Kind, namespace?: string): KubeObject[] {
		const result: KubeObject[] = [];
		for (const obj of this.objects.values()) {
			if (obj.kind === kind && (namespace === undefined || obj.metadata.namespace === namespace)) result.push(obj);
		}
		return result;
	}

	get(ref: ObjectRef): KubeObject | undefined {
		return this.objects.get(objectKey(ref.kind, ref.namespace, ref.name));
	}

	/** Create or replace (controllers own their objects, so no optimistic concurrency here). */
	put(obj: KubeObject): KubeObject {
		const key = keyOf(obj);
		const previous = this.objects.get(key);
		const stored = structuredClone(obj);
		stored.metadata.resourceVersion = String(++this.revision);
		stored.metadata.uid = previous?.metadata.uid ?? stored.metadata.uid ?? `uid-${++this.uidCounter}`;
		stored.metadata.creationTimestamp =
			previous?.metadata.creationTimestamp ?? stored.metadata.creationTimestamp ?? new Date(this.clock()).toISOString();
		if ('spec' in stored && stored.kind !== 'Node') {
			const specChanged = !previous || JSON.stringify((previous as { spec?: unknown }).spec) !== JSON.stringify(stored.spec);
			stored.metadata.generation = (previous?.metadata.generation ?? 0) + (specChanged ? 1 : 0) || 1;
		}
		this.objects.set(key, stored);
		this.record({ type: previous ? 'MODIFIED' : 'ADDED', object: stored, resourceVersion: this.revision });
		return stored;
	}

	delete(ref: ObjectRef): boolean {
		const key = objectKey(ref.kind, ref.namespace, ref.name);
		const previous = this.objects.get(key);
		if (!previous) return false;
		this.objects.delete(key);
		const tombstone = structuredClone(previous);
		tombstone.metadata.resourceVersion = String(++this.revision);
		this.record({ type: 'DELETED', object: tombstone, resourceVersion: this.revision });
		return true;
	}

	/**
	 * Apply a PATCH as an API server would. Throws PatchError with 404 (no object or no such
	 * subresource), 400 or 422 (bad body). A status change sent to the main object is ignored.
	 * `check` sees the object about to be stored and may throw to refuse it (validation).
	 */
	patch(ref: ObjectRef, subresource: 'status' | 'scale' | undefined, patchType: PatchType, body: unknown, check?: (next: KubeObject) => void): KubeObject {
		return this.put(this.patched(ref, subresource, patchType, body, check));
	}

	/** The object `patch` would store, without storing it (a dry run); same errors. */
	patched(ref: ObjectRef, subresource: 'status' | 'scale' | undefined, patchType: PatchType, body: unknown, check?: (next: KubeObject) => void): KubeObject {
		const current = this.get(ref);
		if (!current) throw new PatchError(`${ref.kind.toLowerCase()}s "${ref.name}" not found`, 404);
		if (subresource === 'scale') return this.scaled(current, patchType, body);
		if (subresource === 'status' && !STATUS_SUBRESOURCE.has(current.kind)) {
			throw new PatchError(`the server could not find the requested resource (status of ${current.kind})`, 404);
		}
		const patched = applyPatch(structuredClone(current), patchType, body) as KubeObject;
		if (patched.metadata?.name !== current.metadata.name || patched.kind !== current.kind) {
			throw new PatchError('a patch may not change kind or name', 422);
		}
		const next = structuredClone(current) as unknown as Record<string, unknown>;
		const changed = patched as unknown as Record<string, unknown>;
		if (subresource === 'status') next.status = changed.status;
		else {
			for (const key of Object.keys(changed)) if (key !== 'status') next[key] = changed[key];
			for (const key of Object.keys(next)) if (key !== 'status' && !(key in changed)) delete next[key];
			if (!STATUS_SUBRESOURCE.has(current.kind)) next.status = changed.status;
		}
		check?.(next as unknown as KubeObject);
		return next as unknown as KubeObject;
	}

	private scaled(current: KubeObject, patchType: PatchType, body: unknown): KubeObject {
		if (!SCALABLE.has(current.kind)) throw new PatchError(`${current.kind} has no scale subresource`, 404);
		const spec = (current as { spec: { replicas?: number } }).spec;
		const scale = { spec: { replicas: spec.replicas ?? 1 }, status: {} };
		const patched = applyPatch(scale, patchType, body) as { spec?: { replicas?: unknown } };
		const replicas = patched.spec?.replicas;
		if (typeof replicas !== 'number' || !Number.isInteger(replicas) || replicas < 0) {
			throw new PatchError('spec.replicas must be a non-negative integer', 422);
		}
		const next = structuredClone(current) as KubeObject & { spec: { replicas?: number } };
		next.spec.replicas = replicas;
		return next;
	}

	/** Changes after `sinceResourceVersion`; throws GoneError when the history no longer reaches back. */
	changesSince(sinceResourceVersion: number, kind?: Kind): StoreChange[] {
		const oldest = this.history[0]?.resourceVersion ?? this.revision + 1;
		if (sinceResourceVersion < oldest - 1 && sinceResourceVersion < this.revision) {
			throw new GoneError(`too old resource version: ${sinceResourceVersion} (${oldest - 1})`);
		}
		return this.history.filter((c) => c.resourceVersion > sinceResourceVersion && (!kind || c.object.kind === kind));
	}

	/** Drop all history (tests use it to force 410 Gone on the next watch). */
	compact(): void {
		this.history.length = 0;
	}

	subscribe(listener: (change: StoreChange) => void): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}

	private record(change: StoreChange): void {
		this.history.push(change);
		if (this.history.length > HISTORY_LIMIT) this.history.splice(0, this.history.length - HISTORY_LIMIT);
		for (const listener of this.listeners) listener(change);
	}
}
