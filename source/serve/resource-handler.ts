// GET (get/list/watch), PATCH and PUT (scale) on served resources, answered from an ObjectStore.
import type { ServerResponse } from 'node:http';
import { PATCH_CONTENT_TYPES, type PatchType } from '../domain/action';
import type { KubeObject, ObjectRef } from '../domain/k8s';
import { PatchError } from '../domain/patch';
import type { ObjectStore } from '../sources/simulator/object-store';
import { CUSTOM_GROUPS, groupVersion, type ServedResource } from './discovery';
import type { ResourcePath } from './resource-path';
import { toScale } from './scale';
import { selectorFilter } from './selectors';
import { ApiError } from './status';
import { toTable, wantsTable } from './table';
import { serveWatch } from './watch';

export interface ResourceRequest {
	method: string;
	url: URL;
	path: ResourcePath;
	contentType: string;
	body: string;
	/** The Accept header: `kubectl get` asks for a Table. */
	accept?: string;
}

export interface HandlerContext {
	store: ObjectStore;
	bookmarkIntervalMs?: number;
	/** Registers an open watch so the server can drop it (tests) or close it on shutdown. */
	trackWatch(res: ServerResponse): void;
}

export function verbOf(method: string, path: ResourcePath, url: URL): string {
	if (method === 'PATCH') return 'patch';
	if (method === 'PUT') return 'update';
	if (method !== 'GET') return method.toLowerCase();
	if (path.name !== undefined) return 'get';
	const watch = url.searchParams.get('watch');
	return watch === 'true' || watch === '1' ? 'watch' : 'list';
}

function present(resource: ServedResource, obj: KubeObject): KubeObject {
	return obj.apiVersion ? obj : { ...obj, apiVersion: groupVersion(resource.group, resource.version) };
}

function json(res: ServerResponse, status: number, body: unknown): void {
	res.writeHead(status, { 'Content-Type': 'application/json' });
	res.end(JSON.stringify(body));
}

function notFound(resource: ServedResource, name: string): ApiError {
	const qualified = resource.group ? `${resource.plural}.${resource.group}` : resource.plural;
	return new ApiError(404, `${qualified} "${name}" not found`, { name, group: resource.group, kind: resource.plural });
}

function patchTypeOf(contentType: string, resource: ServedResource): PatchType {
	const entry = Object.entries(PATCH_CONTENT_TYPES).find(([, value]) => value === contentType);
	// Custom resources have no strategic-merge schema; the real API server refuses such patches too.
	const custom = CUSTOM_GROUPS.has(resource.group);
	if (!entry || (custom && entry[0] === 'strategic')) {
		const accepted = Object.values(PATCH_CONTENT_TYPES).filter((t) => !(custom && t === PATCH_CONTENT_TYPES.strategic));
		throw new ApiError(415, `the body of the request was in an unknown format - accepted media types include: ${accepted.join(', ')}`);
	}
	return entry[0] as PatchType;
}

function parseJson(body: string): unknown {
	try {
		return JSON.parse(body);
	} catch {
		throw new ApiError(400, 'the request body is not valid JSON');
	}
}

/** A resourceVersion in the body is a precondition, as on a real API server. */
function checkPrecondition(resource: ServedResource, current: KubeObject, body: unknown): void {
	const wanted = (body as { metadata?: { resourceVersion?: unknown } } | null)?.metadata?.resourceVersion;
	if (wanted !== undefined && wanted !== current.metadata.resourceVersion) {
		const qualified = resource.group ? `${resource.plural}.${resource.group}` : resource.plural;
		throw new ApiError(
			409,
			`Operation cannot be fulfilled on ${qualified} "${current.metadata.name}": the object has been modified; please apply your changes to the latest version and try again`,
			{ name: current.metadata.name, group: resource.group, kind: resource.plural },
		);
	}
}

function write(ctx: HandlerContext, ref: ObjectRef, sub: ResourcePath['subresource'], type: PatchType, body: unknown): KubeObject {
	try {
		return ctx.store.patch(ref, sub, type, body);
	} catch (error) {
		if (error instanceof PatchError) throw new ApiError(error.status, error.message);
		throw error;
	}
}

export function handleResource(req: ResourceRequest, res: ServerResponse, ctx: HandlerContext): void {
	const { resource, namespace, name, subresource } = req.path;
	const { url } = req;
	const verb = verbOf(req.method, req.path, url);
	if (name === undefined) {
		if (verb !== 'list' && verb !== 'watch') throw new ApiError(405, `${req.method} is not supported on a collection`);
		const filter = selectorFilter(url.searchParams.get('labelSelector'), url.searchParams.get('fieldSelector'));
		if (verb === 'watch') {
			const timeout = Number(url.searchParams.get('timeoutSeconds') ?? 0);
			const bookmarks = url.searchParams.get('allowWatchBookmarks') === 'true';
			ctx.trackWatch(res);
			serveWatch(res, {
				store: ctx.store,
				kind: resource.kind,
				apiVersion: groupVersion(resource.group, resource.version),
				namespace,
				filter,
				resourceVersion: url.searchParams.get('resourceVersion') ?? undefined,
				timeoutSeconds: Number.isFinite(timeout) ? timeout : 0,
				bookmarkIntervalMs: bookmarks ? ctx.bookmarkIntervalMs : undefined,
				present: (obj) => present(resource, obj),
			});
			return;
		}
		const items = ctx.store
			.list(resource.kind, namespace)
			.filter(filter)
			.sort((a, b) => (a.metadata.namespace ?? '').localeCompare(b.metadata.namespace ?? '') || a.metadata.name.localeCompare(b.metadata.name))
			.map((obj) => present(resource, obj));
		const metadata = { resourceVersion: String(ctx.store.resourceVersion) };
		const table = wantsTable(req.accept) ? toTable(items, ctx.store.now(), metadata.resourceVersion) : undefined;
		json(res, 200, table ?? { apiVersion: groupVersion(resource.group, resource.version), kind: `${resource.kind}List`, metadata, items });
		return;
	}
	if (resource.namespaced && namespace === undefined) throw notFound(resource, name);
	const ref: ObjectRef = { kind: resource.kind, namespace, name };
	const current = ctx.store.get(ref);
	if (!current) throw notFound(resource, name);
	const answer = (obj: KubeObject) => json(res, 200, subresource === 'scale' ? toScale(obj) : present(resource, obj));
	switch (verb) {
		case 'get': {
			const table = !subresource && wantsTable(req.accept) ? toTable([current], ctx.store.now(), String(ctx.store.resourceVersion)) : undefined;
			return table ? json(res, 200, table) : answer(current);
		}
		case 'patch': {
			const type = patchTypeOf(req.contentType, resource);
			const body = parseJson(req.body);
			if (type !== 'json' && subresource !== 'scale') checkPrecondition(resource, current, body);
			return answer(write(ctx, ref, subresource, type, body));
		}
		case 'update': {
			if (subresource !== 'scale') throw new ApiError(405, 'only the scale subresource accepts PUT here');
			const scale = parseJson(req.body) as { metadata?: { resourceVersion?: string }; spec?: { replicas?: unknown } };
			checkPrecondition(resource, current, scale);
			return answer(write(ctx, ref, 'scale', 'merge', { spec: { replicas: scale?.spec?.replicas } }));
		}
		default:
			throw new ApiError(405, `${req.method} is not supported`);
	}
}
