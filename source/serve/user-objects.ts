// Namespaces and Services created and deleted over the API (`kubectl create namespace`,
// `kubectl create service`), kept next to the ones maintained from the workloads. Deleting a
// namespace deletes everything in it, as the namespace controller does — at once here, so the
// namespace is gone when the DELETE answers rather than Terminating for a while.
import { RESOURCES, type Kind, type ObjectRef } from '../domain/k8s';
import type { ObjectStore } from '../sources/simulator/object-store';
import type { ClusterWrites } from './cluster-writes';
import { namespaceObject } from './namespaces';
import { serviceWithDefaults } from './services';
import { deleteServed, listServed, type AddonKind, type AddonObject, type ServedKind } from './served-objects';
import { ApiError } from './status';

/** The namespaces a real API server refuses to delete. */
const IMMORTAL_NAMESPACES = new Set(['default', 'kube-public', 'kube-system']);
/** Kinds the cluster runs (their deletion cascades through the simulator), owners first. */
const RUN: ServedKind[] = ['Rollout', 'Deployment', 'ReplicaSet', 'Pod'];
const ADDON_KINDS: AddonKind[] = ['Service', 'Endpoints', 'EndpointSlice'];

/** The object as the API server stores it: defaults filled in, a cluster IP allocated. */
export function prepareAddon(obj: AddonObject, now: number): AddonObject {
	if (obj.kind === 'Namespace') {
		const fresh = namespaceObject(obj.metadata.name, new Date(now).toISOString());
		return { ...fresh, metadata: { ...obj.metadata, ...fresh.metadata, labels: { ...obj.metadata.labels, ...fresh.metadata.labels } } };
	}
	return serviceWithDefaults(obj);
}

export function deleteNamespace(store: ObjectStore, writes: ClusterWrites, name: string): void {
	if (IMMORTAL_NAMESPACES.has(name)) {
		throw new ApiError(403, `namespaces "${name}" is forbidden: this namespace may not be deleted`, { name, kind: 'namespaces' });
	}
	for (const kind of RUN) {
		// Pods last and without a grace period, so none is left terminating in a namespace that is gone.
		const grace = kind === 'Pod' ? 0 : undefined;
		for (const obj of listServed(store, kind, name)) writes.remove({ kind, namespace: name, name: obj.metadata.name } as ObjectRef, grace);
	}
	const rest = [...(Object.keys(RESOURCES) as Kind[]).filter((kind) => RESOURCES[kind].namespaced && !RUN.includes(kind)), ...ADDON_KINDS];
	for (const kind of rest) for (const obj of listServed(store, kind, name)) deleteServed(store, { kind, namespace: name, name: obj.metadata.name });
	deleteServed(store, { kind: 'Namespace', name });
}
