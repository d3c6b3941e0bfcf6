// An HTTP server speaking enough of the Kubernetes API for @kubernetes/client-node and kubectl:
// discovery and a minimal OpenAPI v3, get/list (paged)/watch with server-side printing, create,
// update, PATCH (merge, strategic, JSON) and delete, status and scale subresources, metrics.k8s.io,
// SelfSubjectAccessReview, bearer-token auth and configurable denials.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ObjectStore } from '../sources/simulator/object-store';
import { forbiddenMessage, isDenied, denialReason, type Attributes, type DenyRule } from './access';
import type { ClusterAddons } from './addons';
import { storeWrites, type ClusterWrites } from './cluster-writes';
import { apiVersions, group, groupList, resourceList, servedResources, VERSION_INFO } from './discovery';
import { openApiDocument, openApiRoot } from './openapi';
import { ListPager } from './pagination';
import type { Pod } from '../domain/k8s';
import type { OpenLogs } from '../domain/logs';
import { servePodLog } from './pod-log';
import { handleResource, verbOf } from './resource-handler';
import { METRICS_GROUP, METRICS_VERSION, type ResourceMetrics } from './resource-metrics';
import { parseResourcePath } from './resource-path';
import { refuseContainerStream } from './container-streams';
import { ApiError, statusBody } from './status';

export interface RouteAnswer {
	contentType: string;
	body: string;
}

export interface ApiServerOptions {
	store: ObjectStore;
	/** Who creates and deletes (the simulator); default: the bare store, nothing cascades. */
	writes?: ClusterWrites;
	/** Serves `metrics.k8s.io` (kubectl top) when given. */
	resourceMetrics?: ResourceMetrics;
	/** Namespaces, Services and Endpoints kept in step with the store (synced at start and after every write). */
	addons?: ClusterAddons;
	host?: string;
	/** 0 or absent: a free port. */
	port?: number;
	/** When set, every API request must carry `Authorization: Bearer <token>` (else 401). */
	token?: string;
	/** Requests matching any rule get 403; access reviews answer accordingly. */
	deny?: DenyRule[];
	/** Serve the Argo Rollouts group (default true); false mimics a cluster without the CRDs, 'legacy' an old Rollout CRD without a status subresource. */
	argo?: boolean | 'legacy';
	/** Extra GET endpoints outside the API (e.g. `/metrics`), served without authentication. */
	routes?: Record<string, () => RouteAnswer | Promise<RouteAnswer>>;
	/** Interval of BOOKMARK events for watches that allow them (default 60 s). */
	bookmarkIntervalMs?: number;
	/** Serves `pods/log` from these streams; `now` is the clock sinceSeconds counts back from. */
	logs?: { open: OpenLogs; now: () => number };
	/** Keep a log of every request in `requests` (tests assert on exactly what arrived). */
	record?: boolean;
}

export interface RecordedRequest {
	method: string;
	path: string;
	query: string;
	contentType?: string;
	/** Parsed JSON when the body is JSON, else the raw text; undefined when empty. */
	body?: unknown;
}

export interface ApiServer {
	url: string;
	host: string;
	port: number;
	readonly requests: RecordedRequest[];
	/** The live denial list; tests may change it between requests. */
	deny: DenyRule[];
	/** Number of watch streams currently open. */
	openWatches(): number;
	/** Cut every open watch connection abruptly, as a network failure would. */
	dropWatches(): void;
	close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => resolve(Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

function parseMaybeJson(text: string): unknown {
	if (!text) return undefined;
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
	res.writeHead(status, { 'Content-Type': 'application/json' });
	res.end(JSON.stringify(body));
}

export async function startApiServer(options: ApiServerOptions): Promise<ApiServer> {
	const resources = servedResources(options.argo ?? true);
	const pager = new ListPager(options.store);
	const writes = options.writes ?? storeWrites(options.store);
	const afterWrite = () => options.addons?.sync();
	const extraGroups: Record<string, string> = options.resourceMetrics ? { [METRICS_GROUP]: METRICS_VERSION } : {};
	afterWrite();
	const watches = new Set<ServerResponse>();
	const requests: RecordedRequest[] = [];
	let address = '';

	const accessReview = (body: unknown, handle: ApiServer) => {
		const review = (body ?? {}) as { spec?: { resourceAttributes?: Partial<Attributes> } };
		const attrs = review.spec?.resourceAttributes ?? {};
		const full: Attributes = { verb: attrs.verb ?? '', group: attrs.group ?? '', resource: attrs.resource ?? '', subresource: attrs.subresource || undefined, namespace: attrs.namespace || undefined, name: attrs.name };
		const denied = isDenied(handle.deny, full);
		const status = denied ? { allowed: false, denied: true, reason: denialReason(full) } : { allowed: true, reason: 'rolltop sim serve allows it' };
		return { apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectAccessReview', metadata: {}, spec: review.spec ?? {}, status };
	};

	const discovery = (pathname: string): unknown => {
		const parts = pathname.split('/').filter(Boolean);
		if (pathname === '/version') return VERSION_INFO;
		if (pathname === '/openapi/v3') return openApiRoot(resources);
		if (pathname.startsWith('/openapi/v3/')) return openApiDocument(resources, pathname);
		if (pathname === '/api') return apiVersions(address);
		if (pathname === '/api/v1') return resourceList(resources, '', 'v1');
		if (pathname === '/apis') return groupList(resources, extraGroups);
		if (parts[0] === 'apis' && parts.length === 2) return group(resources, parts[1], extraGroups);
		if (parts[0] === 'apis' && parts.length === 3) return resourceList(resources, parts[1], parts[2]);
		return undefined;
	};

	const handle = async (req: IncomingMessage, res: ServerResponse, server: ApiServer) => {
		const url = new URL(req.url ?? '/', 'http://localhost');
		const method = req.method ?? 'GET';
		const raw = await readBody(req);
		const body = raw.toString('utf8');
		const contentType = (req.headers['content-type'] ?? '').split(';')[0].trim();
		if (options.record) {
			requests.push({ method, path: url.pathname, query: url.search, contentType: contentType || undefined, body: parseMaybeJson(body) });
		}
		const route = options.routes?.[url.pathname];
		if (route && method === 'GET') {
			const answer = await route();
			res.writeHead(200, { 'Content-Type': answer.contentType });
			res.end(answer.body);
			return;
		}
		if (options.token !== undefined && req.headers.authorization !== `Bearer ${options.token}`) {
			throw new ApiError(401, 'Unauthorized');
		}
		if (method === 'POST' && url.pathname === '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews') {
			return sendJson(res, 201, accessReview(parseMaybeJson(body), server));
		}
		const doc = method === 'GET' ? discovery(url.pathname) : undefined;
		if (doc) return sendJson(res, 200, doc);
		const metricsPrefix = `/apis/${METRICS_GROUP}/${METRICS_VERSION}`;
		if (options.resourceMetrics && (url.pathname === metricsPrefix || url.pathname.startsWith(`${metricsPrefix}/`))) {
			if (method !== 'GET') throw new ApiError(405, 'the server does not allow this method on the requested resource');
			const rest = url.pathname.slice(metricsPrefix.length).split('/').filter(Boolean);
			if (!rest.length) return sendJson(res, 200, options.resourceMetrics.resourceList());
			const answer = options.resourceMetrics.answer(rest, url.searchParams.get('labelSelector'));
			if (answer) return sendJson(res, answer.status, answer.body);
		}
		refuseContainerStream(url.pathname, options.store);
		const path = parseResourcePath(url.pathname, resources);
		if (!path) throw new ApiError(404, 'the server could not find the requested resource');
		const attrs: Attributes = {
			verb: verbOf(method, path, url),
			group: path.resource.group,
			resource: path.resource.plural,
			subresource: path.subresource,
			namespace: path.namespace,
			name: path.name,
		};
		if (isDenied(server.deny, attrs)) throw new ApiError(403, forbiddenMessage(attrs), { name: path.name, group: attrs.group, kind: attrs.resource });
		if (path.subresource === 'log' && method === 'GET' && options.logs && path.name) {
			const pod = options.store.get({ kind: 'Pod', namespace: path.namespace, name: path.name }) as Pod | undefined;
			return servePodLog({ url, pod, namespace: path.namespace ?? '', name: path.name }, res, options.logs.open, options.logs.now());
		}
		handleResource({ method, url, path, contentType, body, raw, accept: req.headers.accept }, res, {
			store: options.store,
			writes,
			pager,
			namespacesExist: options.addons !== undefined,
			afterWrite,
			bookmarkIntervalMs: options.bookmarkIntervalMs ?? 60_000,
			trackWatch: (watch) => {
				watches.add(watch);
				watch.on('close', () => watches.delete(watch));
			},
		});
	};

	let api: ApiServer;
	const server = createServer((req, res) => {
		handle(req, res, api).catch((error: unknown) => {
			if (res.headersSent) return void res.destroy();
			if (error instanceof ApiError) return sendJson(res, error.code, error.body);
			sendJson(res, 500, statusBody(500, `internal error: ${(error as Error).message}`));
		});
	});
	const host = options.host ?? '127.0.0.1';
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, host, () => {
			server.off('error', reject);
			resolve();
		});
	});
	const { port } = server.address() as AddressInfo;
	const hostPart = host.includes(':') ? `[${host}]` : host;
	address = `${hostPart}:${port}`;
	api = {
		url: `http://${address}`,
		host,
		port,
		requests,
		deny: [...(options.deny ?? [])],
		openWatches: () => watches.size,
		dropWatches: () => {
			for (const watch of watches) watch.destroy();
		},
		close: () =>
			new Promise<void>((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			}),
	};
	return api;
}
