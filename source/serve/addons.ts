// Keeps the objects only `sim serve` has (Namespaces, Services, Endpoints, EndpointSlices) in step
// with the simulator's workloads and pods. Run after every simulated tick and API write; an object
// is written only when it changed, so watchers see real changes only.
// - Namespaces and Services are created once, as a workload's manifests would create them, and are
//   the user's from then on (labels, annotations, ports … edited over the API stay); only the
//   Argo controller's part of a Service a Rollout names — its selector's pod-template hash — is
//   reconciled. Ones created over the API are left alone but get Endpoints too; a Service deleted
//   over the API stays deleted. A namespace stays when its workloads go (only deleting it ends it).
// - Endpoints and EndpointSlices are the endpoints controllers': deleted ones come back (a new uid),
//   edits other than annotations are reconciled away.
import type { Deployment, Pod, Rollout } from '../domain/k8s';
import type { ObjectStore } from '../sources/simulator/object-store';
import { desiredEndpoints } from './endpoints';
import { desiredNamespaces } from './namespaces';
import { asRef, deleteServed, getServed, listServed, putServed, type AddonObject, type ServedObject } from './served-objects';
import { desiredServices, withRolloutSelector } from './services';

/** JSON with object keys sorted, so contents compare whatever order a patch left the keys in. */
function canonical(value: unknown): string {
	return JSON.stringify(value, (_key, v: unknown) =>
		v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
	);
}

/** An object's contents without what the API server stamps on it. */
function contents(obj: ServedObject): string {
	const { uid: _uid, resourceVersion: _rv, generation: _generation, ...metadata } = obj.metadata;
	return canonical({ ...obj, metadata });
}

export class ClusterAddons {
	/** Key → the objects this created, with (for the reconciled endpoints) the desired JSON last written and the resourceVersion it got. */
	private readonly written = new Map<string, { json?: string; resourceVersion?: string }>();
	/** The store's resourceVersion after the last sync: nothing to do while it is unchanged. */
	private syncedAt = -1;

	constructor(private readonly store: ObjectStore) {}

	sync(): void {
		if (this.store.resourceVersion === this.syncedAt) return;
		const seen = new Set<string>();
		const keep = (obj: AddonObject): void => {
			const key = `${obj.kind}/${obj.metadata.namespace ?? ''}/${obj.metadata.name}`;
			seen.add(key);
			const stored = getServed(this.store, asRef(obj)) as AddonObject | undefined;
			if (obj.kind === 'Endpoints' || obj.kind === 'EndpointSlice') return this.reconcile(key, obj, stored);
			if (stored) {
				const argo = obj.kind === 'Service' ? withRolloutSelector(stored, obj) : undefined;
				if (argo) putServed(this.store, argo);
				return;
			}
			// Written here, gone now: nothing recreates a deleted Service on a real cluster (a system namespace comes back).
			if (this.written.has(key) && obj.kind === 'Service') return;
			this.written.set(key, {});
			putServed(this.store, obj);
		};
		for (const ns of desiredNamespaces(this.store)) keep(ns);
		const podsByNamespace = new Map<string, Pod[]>();
		for (const pod of this.store.list('Pod') as Pod[]) {
			const ns = pod.metadata.namespace ?? '';
			const list = podsByNamespace.get(ns);
			if (list) list.push(pod);
			else podsByNamespace.set(ns, [pod]);
		}
		const workloads = [...this.store.list('Deployment'), ...this.store.list('Rollout')] as Array<Deployment | Rollout>;
		for (const service of workloads.flatMap(desiredServices)) keep(service);
		for (const service of listServed(this.store, 'Service') as AddonObject[]) {
			for (const obj of desiredEndpoints(service, podsByNamespace.get(service.metadata.namespace ?? '') ?? [])) keep(obj);
		}
		for (const key of [...this.written.keys()]) {
			if (seen.has(key)) continue;
			const [kind, namespace, name] = key.split('/');
			// A namespace outlives the workloads in it: only deleting it ends it.
			if (kind === 'Namespace') continue;
			this.written.delete(key);
			deleteServed(this.store, { kind: kind as AddonObject['kind'], namespace: namespace || undefined, name });
		}
		this.syncedAt = this.store.resourceVersion;
	}

	/** The endpoints controllers' way: written when missing or different from what they want; annotations are left to the user. */
	private reconcile(key: string, desired: AddonObject, stored: AddonObject | undefined): void {
		const json = JSON.stringify(desired);
		const last = this.written.get(key);
		if (stored && last?.json === json && last.resourceVersion === stored.metadata.resourceVersion) return;
		const annotations = stored?.metadata.annotations;
		const next = annotations ? { ...desired, metadata: { ...desired.metadata, annotations } } : desired;
		const same = stored && contents(stored) === contents(next);
		const resourceVersion = same ? stored.metadata.resourceVersion : putServed(this.store, next).metadata.resourceVersion;
		this.written.set(key, { json, resourceVersion });
	}
}
