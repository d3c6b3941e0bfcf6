// The verbs on served resources — get, list (paged), watch, create, update, patch (each with
// `dryRun`), delete and deletecollection (serve/deletion.ts) — with server-side printing (Tables)
// for kubectl, answered from an ObjectStore and a ClusterWrites.
import type { ServerResponse } from 'node:http';
import { PATCH_CONTENT_TYPES, type PatchType } from '../domain/action';
import type { KubeObject, ObjectRef } from '../domain/k8s';
import { applyPatch, PatchError } from '../domain/patch';
import type { ObjectStore } from '../sources/simulator/object-store';
import { runsInCluster, type ClusterWrites } from './cluster-writes';
import { hpaWithDefaults, nodeWithAdmissionTaint, podWithDefaults, withDefaults } from './defaults';
import { isHpaV1, storageOf, toStored } from './hpa-v1';
import { removeCollection, remove } from './deletion';
import { CUSTOM_GROUPS, type ServedResource, type Verb } from './discovery';
import { byKey, type ListPager } from './pagination';
import { decodeProtobufObject, PROTOBUF_CONTENT_TYPE } from './protobuf';
import type { ResourcePath } from './resource-path';
import { apiVersionOf, checkPrecondition, isDryRun, json, notFound, parseJson, present, qualified } from './responses';
import { toScale } from './scale';
import { selectorFilter } from './selectors';
import { APPLY_PATCH_CONTENT_TYPE, serverSideApply } from './server-side-apply';
import { getServed, listServed, putServed, type AddonObject, type ServedObject } from './served-objects';
import { withAllocatedIP } from './services';
import { ApiError } from './status';
import { includeObjectOf, toTable, wantsTable } from './table';
import { refuseInTerminatingNamespace } from './namespace-lifecycle';
import { prepareAddon } from './user-objects';
import { validate, validateUpdate } from './validation';
import { serveWatch } from './watch';

export interface ResourceRequest {
	method: string;
	url: URL;
	path: ResourcePath;
	contentType: string;
	body: string;
	/** The body's bytes (protobuf bodies are not text). */
	raw: Buffer;
	/** The Accept header: `kubectl get` asks for a Table. */
	accept?: string;
}

export interface HandlerContext {
	store: ObjectStore;
	writes: ClusterWrites;
	pager: ListPager;
	/** Creating in a namespace needs the Namespace object (false: a bare store without them). */
	namespacesExist: boolean;
	/** Called after every change made through the API. */
	afterWrite(): void;
	bookmarkIntervalMs?: number;
	/** Registers an open watch so the server can drop it (tests) or close it on shutdown. */
	trackWatch(res: ServerResponse): void;
}

export function verbOf(method: string, path: ResourcePath, url: URL): string {
	const named = path.name !== undefined;
	switch (method) {
		case 'PATCH':
			return 'patch';
		case 'PUT':
			return 'update';
		case 'POST':
			return 'create';
		case 'DELETE':
			return named ? 'delete' : 'deletecollection';
		case 'GET': {
			if (named) return 'get';
			const watch = url.searchParams.get('watch');
			return watch === 'true' || watch === '1' ? 'watch' : 'list';
		}
		default:
			return method.toLowerCase();
	}
}

function patchTypeOf(contentType: string, resource: ServedResource): PatchType {
	const entry = Object.entries(PATCH_CONTENT_TYPES).find(([, value]) => value === contentType);
	// Custom resources have no strategic-merge schema; the real API server refuses such patches too.
	const custom = CUSTOM_GROUPS.has(resource.group);
	if (!entry || (custom && entry[0] === 'strategic')) {
		// In the order the API server's installer lists them.
		const { json: jsonPatch, merge, strategic } = PATCH_CONTENT_TYPES;
		const accepted = [jsonPatch, merge, ...(custom ? [] : [strategic]), APPLY_PATCH_CONTENT_TYPE];
		throw new ApiError(415, `the body of the request was in an unknown format - accepted media types include: ${accepted.join(', ')}`);
	}
	return entry[0] as PatchType;
}

function bodyResourceVersion(body: unknown): unknown {
	return (body as { metadata?: { resourceVersion?: unknown } } | null)?.metadata?.resourceVersion;
}

function allowed(resource: ServedResource, subresource: Exclude<ResourcePath['subresource'], 'log'>, verb: string): boolean {
	if (subresource) return ['get', 'patch', 'update'].includes(verb);
	return resource.verbs.includes(verb as Verb);
}

function writeThrough<T>(write: () => T): T {
	try {
		return write();
	} catch (error) {
		if (error instanceof PatchError) throw new ApiError(error.status, error.message);
		throw error;
	}
}

function list(req: ResourceRequest, res: ServerResponse, ctx: HandlerContext): void {
	const { resource, namespace } = req.path;
	const params = req.url.searchParams;
	const filter = selectorFilter(params.get('labelSelector'), params.get('fieldSelector'));
	const table = wantsTable(req.accept);
	const presentOne = (obj: ServedObject) => present(resource, obj);
	if (verbOf(req.method, req.path, req.url) === 'watch') {
		const timeout = Number(params.get('timeoutSeconds') ?? 0);
		const include = includeObjectOf(params.get('includeObject'));
		ctx.trackWatch(res);
		serveWatch(res, {
			store: ctx.store,
			kind: resource.kind,
			apiVersion: apiVersionOf(resource),
			namespace,
			filter,
			resourceVersion: params.get('resourceVersion') ?? undefined,
			timeoutSeconds: Number.isFinite(timeout) ? timeout : 0,
			bookmarkIntervalMs: params.get('allowWatchBookmarks') === 'true' ? ctx.bookmarkIntervalMs : undefined,
			present: table
				? (obj) => toTable(resource.kind, [presentOne(obj)], ctx.store.now(), { resourceVersion: obj.metadata.resourceVersion }, include)
				: presentOne,
		});
		return;
	}
	const identity = `${resource.plural}.${resource.group}|${namespace ?? ''}|${params.get('labelSelector') ?? ''}|${params.get('fieldSelector') ?? ''}`;
	const limit = Number(params.get('limit') ?? 0);
	const page = ctx.pager.page(
		identity,
		() => listServed(ctx.store, resource.kind, namespace).filter(filter).sort(byKey),
		Number.isInteger(limit) ? limit : 0,
		params.get('continue') || undefined,
	);
	const items = page.items.map(presentOne);
	const metadata = {
		resourceVersion: page.resourceVersion,
		...(page.continue ? { continue: page.continue, remainingItemCount: page.remainingItemCount } : {}),
	};
	if (table) return json(res, 200, toTable(resource.kind, items, ctx.store.now(), metadata, includeObjectOf(params.get('includeObject'))));
	json(res, 200, { apiVersion: apiVersionOf(resource), kind: `${resource.kind}List`, metadata, items });
}

/** The object as the API server stores it (defaults filled in), before it is stored. */
function prepare(obj: ServedObject, now: number): ServedObject {
	if (obj.kind === 'Pod') return podWithDefaults(obj);
	if (obj.kind === 'Deployment' || obj.kind === 'Rollout' || obj.kind === 'ReplicaSet') return withDefaults(obj);
	if (obj.kind === 'HorizontalPodAutoscaler') return hpaWithDefaults(obj);
	if (obj.kind === 'Node') return nodeWithAdmissionTaint(obj);
	if (obj.kind === 'Namespace' || obj.kind === 'Service') return prepareAddon(obj, now);
	return obj;
}

/** Status is the server's to write where it is a subresource; a kubelet registers its Node with one, so Nodes keep theirs. */
function keepsStatus(resource: ServedResource): boolean {
	return resource.kind === 'Node' || !resource.subresources.includes('status');
}

function create(req: ResourceRequest, res: ServerResponse, ctx: HandlerContext): void {
	const { resource, namespace } = req.path;
	const sent = (req.contentType === PROTOBUF_CONTENT_TYPE ? decodeProtobufObject(req.raw) : parseJson(req.body)) as ServedObject;
	if (sent?.kind !== resource.kind) throw new ApiError(400, `the API version in the data (${sent?.apiVersion}) does not match the expected API version (${apiVersionOf(resource)}) or kind ${sent?.kind}`);
	const obj = toStored(resource, sent);
	const name = obj.metadata?.name;
	if (obj.metadata?.namespace && obj.metadata.namespace !== namespace) {
		throw new ApiError(400, 'the namespace of the provided object does not match the namespace sent on the request');
	}
	validate(resource, obj, true);
	if (resource.namespaced && ctx.namespacesExist && !getServed(ctx.store, { kind: 'Namespace', name: namespace ?? '' })) {
		throw new ApiError(404, `namespaces "${namespace}" not found`, { name: namespace, kind: 'namespaces' });
	}
	if (resource.namespaced) refuseInTerminatingNamespace(ctx.store, resource, namespace, name);
	if (getServed(ctx.store, { kind: resource.kind, namespace, name })) {
		throw new ApiError(409, `${qualified(resource)} "${name}" already exists`, { name, group: resource.group, kind: resource.plural }, 'AlreadyExists');
	}
	const { resourceVersion: _rv, uid: _uid, creationTimestamp: _created, generation: _generation, ...metadata } = obj.metadata;
	const { status, ...body } = obj as ServedObject & { status?: unknown };
	const fresh = { ...body, ...(keepsStatus(resource) && status !== undefined ? { status } : {}) };
	const prepared = prepare({ ...fresh, apiVersion: apiVersionOf(storageOf(resource)), metadata: { ...metadata, ...(resource.namespaced ? { namespace } : {}) } } as ServedObject, ctx.store.now());
	if (isDryRun(req.url)) return json(res, 201, present(resource, prepared));
	// Workloads and pods are the cluster's to run; every other kind only needs storing (its controllers read the store).
	const stored = runsInCluster(prepared) ? ctx.writes.create(prepared) : putServed(ctx.store, prepared);
	ctx.afterWrite();
	json(res, 201, present(resource, stored));
}

/** A PUT as the JSON patch that replaces each top-level part; what the body leaves out goes (status only through /status where it is a subresource). */
function replacement(current: ServedObject, body: ServedObject, subresource: ResourcePath['subresource']): object[] {
	if (subresource === 'status') return [{ op: 'add', path: '/status', value: (body as { status?: unknown }).status ?? {} }];
	const { uid, creationTimestamp, generation, resourceVersion, managedFields } = current.metadata;
	const system = { uid, creationTimestamp, generation, resourceVersion };
	// A body without managedFields leaves them as they are, as on a real server.
	const kept = managedFields && !body.metadata?.managedFields ? { managedFields } : {};
	// As JSON would carry it: no undefined anywhere (a generation kinds without spec lack, fields an applied merge left unset).
	const plain = JSON.parse(JSON.stringify({ ...body, metadata: { ...body.metadata, ...kept, ...system } })) as ServedObject;
	const parts = Object.entries(plain).map(([key, value]) => ({ op: 'add', path: `/${key}`, value }));
	const gone = Object.keys(current)
		.filter((key) => !(key in body) && !['apiVersion', 'kind', 'metadata', 'status'].includes(key))
		.map((key) => ({ op: 'remove', path: `/${key}` }));
	return [...parts, ...gone];
}

export function handleResource(req: ResourceRequest, res: ServerResponse, ctx: HandlerContext): void {
	const { resource, namespace, name, subresource } = req.path;
	const verb = verbOf(req.method, req.path, req.url);
	// POST goes to collections only, PUT and PATCH to named objects only; otherwise a real server answers
	// 405 whatever exists. pods/log is read by its own route (serve/pod-log.ts); nothing else goes to it.
	const misdirected = name === undefined ? verb === 'update' || verb === 'patch' : verb === 'create';
	if (subresource === 'log' || !allowed(resource, subresource, verb) || misdirected) {
		throw new ApiError(405, 'the server does not allow this method on the requested resource', { name, group: resource.group, kind: resource.plural });
	}
	if (name === undefined) {
		if (verb === 'create') return create(req, res, ctx);
		return verb === 'deletecollection' ? removeCollection(req, res, ctx) : list(req, res, ctx);
	}
	if (resource.namespaced && namespace === undefined) throw notFound(resource, name);
	const ref = { kind: resource.kind, namespace, name };
	const current = getServed(ctx.store, ref);
	// Server-side apply creates the object as a POST would, or is written as a replacement by the merged object.
	const applied = verb === 'patch' && !subresource && req.contentType === APPLY_PATCH_CONTENT_TYPE ? serverSideApply(resource, req.url, req.body, name, current && present(resource, current), ctx.store) : undefined;
	if (applied?.created) return create({ ...req, contentType: 'application/json', body: JSON.stringify(applied.object) }, res, ctx);
	if (!current) throw notFound(resource, name);
	const storeRef = ref as ObjectRef;
	const answer = (obj: ServedObject) => json(res, 200, subresource === 'scale' ? toScale(obj as KubeObject) : present(resource, obj));
	const check = (next: ServedObject) => {
		validate(resource, next, false, current);
		validateUpdate(resource, current, next);
	};
	/** Patches the store (or, for a dry run, only works out the result) and answers the object. */
	const write = (sub: 'status' | 'scale' | undefined, type: PatchType, body: unknown) => {
		if (isDryRun(req.url)) return answer(writeThrough(() => ctx.store.patched(storeRef, sub, type, body, check)));
		const stored = writeThrough(() => ctx.store.patch(storeRef, sub, type, body, check));
		ctx.afterWrite();
		answer(stored);
	};
	switch (verb) {
		case 'get': {
			if (subresource || !wantsTable(req.accept)) return answer(current);
			const include = includeObjectOf(req.url.searchParams.get('includeObject'));
			return json(res, 200, toTable(resource.kind, [present(resource, current)], ctx.store.now(), { resourceVersion: String(ctx.store.resourceVersion) }, include));
		}
		case 'patch': {
			if (applied) return write(undefined, 'json', replacement(current, toStored(resource, applied.object), undefined));
			const type = patchTypeOf(req.contentType, resource);
			const body = parseJson(req.body);
			if (type !== 'json' && subresource !== 'scale') checkPrecondition(resource, current, bodyResourceVersion(body));
			// A patch to another version than the stored one applies to the object as that version shows it.
			if (isHpaV1(resource)) {
				const patched = writeThrough(() => applyPatch(present(resource, current), type, body));
				return write(subresource, 'json', replacement(current, toStored(resource, patched), subresource));
			}
			return write(subresource, type, body);
		}
		case 'update': {
			const body = parseJson(req.body) as ServedObject & { spec?: { replicas?: unknown } };
			checkPrecondition(resource, current, bodyResourceVersion(body));
			if (subresource === 'scale') return write('scale', 'merge', { spec: { replicas: body?.spec?.replicas } });
			if (body?.metadata?.name !== name) throw new ApiError(400, `the name of the object (${body?.metadata?.name}) does not match the name on the URL (${name})`);
			const replaced = resource.kind === 'Service' ? withAllocatedIP(current as AddonObject, body as AddonObject) : toStored(resource, body);
			return write(subresource, 'json', replacement(current, replaced, subresource));
		}
		case 'delete':
			return remove(req, res, ctx, current);
		default:
			throw new ApiError(405, 'the server does not allow this method on the requested resource');
	}
}
