// Namespace deletion as a real cluster does it. DELETE only marks the namespace Terminating
// (deletionTimestamp set, the `kubernetes` finalizer kept); the namespace controller then deletes
// its content — workloads cascade, pods terminate gracefully — reports what remains in the
// namespace's conditions, and removes the namespace once nothing is left. Until then the
// NamespaceLifecycle admission plugin refuses to create anything in it.
import { rfc3339 } from '../domain/format';
import { RESOURCES, type Condition, type Kind, type ObjectRef } from '../domain/k8s';
import type { ObjectStore } from '../sources/simulator/object-store';
import type { ClusterWrites } from './cluster-writes';
import type { ServedResource } from './discovery';
import { deleteServed, getServed, listServed, putServed, type AddonKind, type AddonObject, type ServedKind, type ServedObject } from './served-objects';
import { ApiError } from './status';

/** The namespaces a real API server refuses to delete. */
const IMMORTAL_NAMESPACES = new Set(['default', 'kube-public', 'kube-system']);
/** Kinds the cluster runs (their deletion cascades and pods terminate gracefully), owners first. */
const RUN: Kind[] = ['Rollout', 'Deployment', 'ReplicaSet', 'Pod'];
/** `resource.group` of the kinds only `sim serve` keeps, as the namespace controller names them. */
const ADDON_RESOURCES: Record<AddonKind, string> = { Namespace: 'namespaces.', Service: 'services.', Endpoints: 'endpoints.', EndpointSlice: 'endpointslices.discovery.k8s.io' };
const REST: ServedKind[] = [
	...(Object.keys(RESOURCES) as Kind[]).filter((kind) => RESOURCES[kind].namespaced && !RUN.includes(kind)),
	...(['Service', 'Endpoints', 'EndpointSlice'] as const),
];

function isTerminating(ns: ServedObject | undefined): boolean {
	return ns?.metadata.deletionTimestamp !== undefined;
}

function resourceOf(kind: ServedKind): string {
	return kind in RESOURCES ? `${RESOURCES[kind as Kind].plural}.${RESOURCES[kind as Kind].group}` : ADDON_RESOURCES[kind as AddonKind];
}

/** DELETE of a namespace: the namespace as it is now, Terminating. */
export function terminateNamespace(store: ObjectStore, name: string): ServedObject {
	if (IMMORTAL_NAMESPACES.has(name)) {
		throw new ApiError(403, `namespaces "${name}" is forbidden: this namespace may not be deleted`, { name, kind: 'namespaces' });
	}
	const ns = getServed(store, { kind: 'Namespace', name }) as AddonObject;
	if (isTerminating(ns)) {
		const why = 'The system is ensuring all content is removed from this namespace.  Upon completion, this namespace will automatically be purged by the system.';
		throw new ApiError(409, `Operation cannot be fulfilled on namespaces "${name}": ${why}`, { name, kind: 'namespaces' });
	}
	const status = (ns.status ?? {}) as Record<string, unknown>;
	return putServed(store, { ...ns, metadata: { ...ns.metadata, deletionTimestamp: rfc3339(store.now()) }, status: { ...status, phase: 'Terminating' } });
}

/** The NamespaceLifecycle admission plugin's refusal to create in a Terminating namespace. */
export function refuseInTerminatingNamespace(store: ObjectStore, resource: ServedResource, namespace: string | undefined, name: string | undefined): void {
	if (namespace === undefined || !isTerminating(getServed(store, { kind: 'Namespace', name: namespace }))) return;
	const qualified = resource.group ? `${resource.plural}.${resource.group}` : resource.plural;
	const why = `unable to create new content in namespace ${namespace} because it is being terminated`;
	throw new ApiError(403, name ? `${qualified} "${name}" is forbidden: ${why}` : `${qualified} is forbidden: ${why}`, {
		...(name ? { name } : {}),
		...(resource.group ? { group: resource.group } : {}),
		kind: resource.plural,
		causes: [{ reason: 'NamespaceTerminating', message: `namespace ${namespace} is being terminated`, field: 'metadata.namespace' }],
	});
}

/** The namespace controller's conditions on a Terminating namespace, `remaining` being what is still in it. */
function deletionConditions(remaining: Map<ServedKind, number>, previous: Condition[], now: string): Condition[] {
	const counts = [...remaining].map(([kind, n]) => `${resourceOf(kind)} has ${n} resource instances`).sort();
	const wanted: Condition[] = [
		{ type: 'NamespaceDeletionDiscoveryFailure', status: 'False', reason: 'ResourcesDiscovered', message: 'All resources successfully discovered' },
		{ type: 'NamespaceDeletionGroupVersionParsingFailure', status: 'False', reason: 'ParsedGroupVersions', message: 'All legacy kube types successfully parsed' },
		{ type: 'NamespaceDeletionContentFailure', status: 'False', reason: 'ContentDeleted', message: 'All content successfully deleted, may be waiting on finalization' },
		counts.length
			? { type: 'NamespaceContentRemaining', status: 'True', reason: 'SomeResourcesRemain', message: `Some resources are remaining: ${counts.join(', ')}` }
			: { type: 'NamespaceContentRemaining', status: 'False', reason: 'ContentRemoved', message: 'All content successfully removed' },
		{ type: 'NamespaceFinalizersRemaining', status: 'False', reason: 'ContentHasNoFinalizers', message: 'All content-preserving finalizers finished' },
	];
	return wanted.map((c) => {
		const before = previous.find((p) => p.type === c.type);
		const same = before && before.status === c.status && before.reason === c.reason && before.message === c.message;
		return { ...c, lastTransitionTime: same ? before.lastTransitionTime : now };
	});
}

/** The namespace controller: run after every simulated tick, it finishes what `terminateNamespace` started. */
export class NamespaceController {
	/** Deleting through the cluster triggers another sync (the tick hook); one pass at a time. */
	private syncing = false;

	constructor(
		private readonly store: ObjectStore,
		private readonly writes: ClusterWrites,
	) {}

	sync(): void {
		if (this.syncing) return;
		this.syncing = true;
		try {
			for (const ns of listServed(this.store, 'Namespace')) if (isTerminating(ns)) this.finalize(ns);
		} finally {
			this.syncing = false;
		}
	}

	private finalize(ns: ServedObject): void {
		const name = ns.metadata.name;
		for (const kind of RUN) {
			// A pod already terminating is left to finish its grace period.
			for (const obj of listServed(this.store, kind, name)) if (!obj.metadata.deletionTimestamp) this.writes.remove({ kind, namespace: name, name: obj.metadata.name } as ObjectRef);
		}
		for (const kind of REST) for (const obj of listServed(this.store, kind, name)) deleteServed(this.store, { kind, namespace: name, name: obj.metadata.name });
		const remaining = new Map<ServedKind, number>();
		for (const kind of [...RUN, ...REST]) {
			const n = listServed(this.store, kind, name).length;
			if (n) remaining.set(kind, n);
		}
		// Nothing left: the finalizer is done, and with it the namespace.
		if (!remaining.size) return void deleteServed(this.store, { kind: 'Namespace', name });
		const current = getServed(this.store, { kind: 'Namespace', name }) as AddonObject;
		const status = (current.status ?? {}) as { conditions?: Condition[] };
		const conditions = deletionConditions(remaining, status.conditions ?? [], rfc3339(this.store.now()));
		if (JSON.stringify(conditions) !== JSON.stringify(status.conditions)) putServed(this.store, { ...current, status: { ...status, conditions } });
	}
}
