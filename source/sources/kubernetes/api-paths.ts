// URL paths of rolltop's kinds on a Kubernetes API server.
import { RESOURCES, type Kind, type ObjectRef } from '../../domain/k8s';

function groupPrefix(kind: Kind): string {
	const { group, version } = RESOURCES[kind];
	return group ? `/apis/${group}/${version}` : `/api/${version}`;
}

/** The list/watch path of a kind: in one namespace, or across all when `namespace` is undefined. */
export function collectionPath(kind: Kind, namespace?: string): string {
	const { plural, namespaced } = RESOURCES[kind];
	const scope = namespaced && namespace !== undefined ? `/namespaces/${encodeURIComponent(namespace)}` : '';
	return `${groupPrefix(kind)}${scope}/${plural}`;
}

export function objectPath(ref: ObjectRef, subresource?: 'status' | 'scale'): string {
	const base = collectionPath(ref.kind, RESOURCES[ref.kind].namespaced ? (ref.namespace ?? 'default') : undefined);
	return `${base}/${encodeURIComponent(ref.name)}${subresource ? `/${subresource}` : ''}`;
}

/** apiVersion of a kind ("apps/v1", "v1", …), for objects that arrive without one (list items). */
export function apiVersionOf(kind: Kind): string {
	const { group, version } = RESOURCES[kind];
	return group ? `${group}/${version}` : version;
}
