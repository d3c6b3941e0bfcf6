// Keeps the objects only `sim serve` has (Namespaces, Services, Endpoints, EndpointSlices) in step
// with the simulator's workloads and pods. Run after every simulated tick and API write; an object
// is written only when it changed, so watchers see real changes only. Namespaces and Services
// created over the API are the user's: left alone here, though their Services get Endpoints too; a
// Service deleted over the API stays deleted.
import type { Deployment, Pod, Rollout } from '../domain/k8s';
import type { ObjectStore } from '../sources/simulator/object-store';
import { desiredEndpoints } from './endpoints';
import { desiredNamespaces } from './namespaces';
import { asRef, deleteServed, getServed, listServed, putServed, type AddonObject, type ServedObject } from './served-objects';
import { desiredServices } from './services';

export class ClusterAddons {
	/** Key → the JSON last written, for the objects this keeps. */
	private readonly written = new Map<string, string>();
	/** The store's resourceVersion after the last sync: nothing to do while it is unchanged. */
	private syncedAt = -1;

	constructor(private readonly store: ObjectStore) {}

	sync(): void {
		if (this.store.resourceVersion === this.syncedAt) return;
		const seen = new Set<string>();
		const apply = (obj: AddonObject): ServedObject => {
			const key = `${obj.kind}/${obj.metadata.namespace ?? ''}/${obj.metadata.name}`;
			seen.add(key);
			const json = JSON.stringify(obj);
			const stored = getServed(this.store, asRef(obj));
			if (stored && !this.written.has(key)) return stored;
			// Written here, gone now: deleted over the API, and nothing recreates a deleted Service on a real cluster.
			if (!stored && this.written.has(key) && obj.kind === 'Service') return obj;
			if (stored && this.written.get(key) === json) return stored;
			this.written.set(key, json);
			// Namespaces are created once and left alone.
			if (stored && obj.kind === 'Namespace') return stored;
			return putServed(this.store, obj);
		};
		for (const ns of desiredNamespaces(this.store)) apply(ns);
		const podsByNamespace = new Map<string, Pod[]>();
		for (const pod of this.store.list('Pod') as Pod[]) {
			const ns = pod.metadata.namespace ?? '';
			const list = podsByNamespace.get(ns);
			if (list) list.push(pod);
			else podsByNamespace.set(ns, [pod]);
		}
		const workloads = [...this.store.list('Deployment'), ...this.store.list('Rollout')] as Array<Deployment | Rollout>;
		for (const service of workloads.flatMap(desiredServices)) apply(service);
		for (const service of listServed(this.store, 'Service') as AddonObject[]) {
			for (const obj of desiredEndpoints(service, podsByNamespace.get(service.metadata.namespace ?? '') ?? [])) apply(obj);
		}
		for (const key of [...this.written.keys()]) {
			if (seen.has(key)) continue;
			this.written.delete(key);
			const [kind, namespace, name] = key.split('/');
			deleteServed(this.store, { kind: kind as AddonObject['kind'], namespace: namespace || undefined, name });
		}
		this.syncedAt = this.store.resourceVersion;
	}
}
