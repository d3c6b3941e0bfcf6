// Objects `sim serve` keeps next to the simulator's: the kinds a real cluster has but rolltop's
// domain does not model (Namespaces, Services and their Endpoints). They live in the same
// ObjectStore, so one resourceVersion sequence orders every list and watch; the casts that lets
// the store hold kinds outside the domain's union are kept to this file.
import type { Kind, KubeObject, ObjectMeta, ObjectRef } from '../domain/k8s';
import type { ObjectStore } from '../sources/simulator/object-store';

export type AddonKind = 'Namespace' | 'Service' | 'Endpoints' | 'EndpointSlice';
export type ServedKind = Kind | AddonKind;

export interface AddonObject {
	apiVersion: string;
	kind: AddonKind;
	metadata: ObjectMeta;
	[key: string]: unknown;
}

export type ServedObject = KubeObject | AddonObject;

export interface ServedRef {
	kind: ServedKind;
	namespace?: string;
	name: string;
}

export function listServed(store: ObjectStore, kind: ServedKind, namespace?: string): ServedObject[] {
	return store.list(kind as Kind, namespace);
}

export function getServed(store: ObjectStore, ref: ServedRef): ServedObject | undefined {
	return store.get(ref as ObjectRef);
}

export function putServed(store: ObjectStore, obj: ServedObject): ServedObject {
	return store.put(obj as KubeObject);
}

export function deleteServed(store: ObjectStore, ref: ServedRef): boolean {
	return store.delete(ref as ObjectRef);
}

export function asRef(obj: ServedObject): ServedRef {
	return { kind: obj.kind, namespace: obj.metadata.namespace, name: obj.metadata.name };
}
