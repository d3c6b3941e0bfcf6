// Namespace objects for every namespace the cluster's objects live in, plus the ones every
// cluster has. Created when first seen and never changed, as namespaces rarely are.
import type { Kind } from '../domain/k8s';
import { listServed, type AddonObject } from './served-objects';
import type { ObjectStore } from '../sources/simulator/object-store';

const SYSTEM_NAMESPACES = ['default', 'kube-node-lease', 'kube-public', 'kube-system'];
const HOLDERS: Kind[] = ['Deployment', 'Rollout', 'ReplicaSet', 'Pod'];

export function namespaceObject(name: string, creationTimestamp: string | undefined): AddonObject {
	return {
		apiVersion: 'v1',
		kind: 'Namespace',
		metadata: { name, labels: { 'kubernetes.io/metadata.name': name }, creationTimestamp },
		spec: { finalizers: ['kubernetes'] },
		status: { phase: 'Active' },
	};
}

/** Namespaces that should exist, each with the creation time of its oldest object. */
export function desiredNamespaces(store: ObjectStore): AddonObject[] {
	const created = new Map<string, string | undefined>();
	const clusterBorn = store
		.list('Node')
		.map((n) => n.metadata.creationTimestamp)
		.sort()[0];
	for (const name of SYSTEM_NAMESPACES) created.set(name, clusterBorn);
	for (const kind of HOLDERS) {
		for (const obj of listServed(store, kind)) {
			const ns = obj.metadata.namespace;
			const at = obj.metadata.creationTimestamp;
			if (ns === undefined) continue;
			const known = created.get(ns);
			if (!created.has(ns) || (at !== undefined && (known === undefined || at < known))) created.set(ns, at);
		}
	}
	return [...created].map(([name, at]) => namespaceObject(name, at));
}
