// Parsing `/api/v1/…` and `/apis/GROUP/VERSION/…` resource paths into what they address.
import type { ServedResource } from './discovery';

export interface ResourcePath {
	resource: ServedResource;
	namespace?: string;
	name?: string;
	subresource?: 'status' | 'scale' | 'log';
}

/** undefined when the path is not a served resource (the caller answers 404). */
export function parseResourcePath(pathname: string, resources: readonly ServedResource[]): ResourcePath | undefined {
	const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
	let group: string;
	let version: string;
	let rest: string[];
	if (parts[0] === 'api') [group, version, rest] = ['', parts[1], parts.slice(2)];
	else if (parts[0] === 'apis') [group, version, rest] = [parts[1], parts[2], parts.slice(3)];
	else return undefined;
	let namespace: string | undefined;
	if (rest[0] === 'namespaces' && rest.length >= 3) {
		namespace = rest[1];
		rest = rest.slice(2);
	}
	const [plural, name, subresource, ...extra] = rest;
	const resource = resources.find((r) => r.group === group && r.version === version && r.plural === plural);
	if (!resource || extra.length > 0) return undefined;
	if (namespace !== undefined && !resource.namespaced) return undefined;
	if (subresource !== undefined && !resource.subresources.includes(subresource as 'status' | 'scale' | 'log')) return undefined;
	return { resource, namespace, name, subresource: subresource as ResourcePath['subresource'] };
}
