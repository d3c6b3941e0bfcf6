// What every verb's answer is made of: JSON bodies, objects with their apiVersion, and the
// NotFound / Conflict Status errors worded as a real API server words them.
import type { ServerResponse } from 'node:http';
import { groupVersion, type ServedResource } from './discovery';
import { isHpaV1, toHpaV1 } from './hpa-v1';
import type { ServedObject } from './served-objects';
import { ApiError } from './status';

export function apiVersionOf(resource: ServedResource): string {
	return groupVersion(resource.group, resource.version);
}

/** A stored object as a client of `resource` reads it: with its apiVersion, converted where the store keeps another version. */
export function present(resource: ServedResource, obj: ServedObject): ServedObject {
	if (isHpaV1(resource) && obj.kind === 'HorizontalPodAutoscaler') return toHpaV1(obj);
	return obj.apiVersion ? obj : ({ ...obj, apiVersion: apiVersionOf(resource) } as ServedObject);
}

export function json(res: ServerResponse, status: number, body: unknown): void {
	res.writeHead(status, { 'Content-Type': 'application/json' });
	res.end(JSON.stringify(body));
}

export function qualified(resource: ServedResource): string {
	return resource.group ? `${resource.plural}.${resource.group}` : resource.plural;
}

export function notFound(resource: ServedResource, name: string): ApiError {
	return new ApiError(404, `${qualified(resource)} "${name}" not found`, { name, group: resource.group, kind: resource.plural });
}

function conflict(resource: ServedResource, name: string): ApiError {
	return new ApiError(
		409,
		`Operation cannot be fulfilled on ${qualified(resource)} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
		{ name, group: resource.group, kind: resource.plural },
	);
}

export function parseJson(body: string): unknown {
	try {
		return JSON.parse(body);
	} catch {
		throw new ApiError(400, 'the request body is not valid JSON');
	}
}

/** A resourceVersion in the body is a precondition, as on a real API server. */
export function checkPrecondition(resource: ServedResource, current: ServedObject, wanted: unknown): void {
	if (wanted !== undefined && wanted !== '' && wanted !== current.metadata.resourceVersion) throw conflict(resource, current.metadata.name);
}

/** `?dryRun=All` (kubectl `--dry-run=server`): validate and answer, store nothing. */
export function isDryRun(url: URL): boolean {
	return url.searchParams.get('dryRun') === 'All';
}
