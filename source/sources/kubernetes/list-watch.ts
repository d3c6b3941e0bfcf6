// One kind in one scope, kept current by list + watch. Written instead of wrapping client-node's
// informer, which in 1.4 stops itself on errors and can reconnect in a tight loop: here every
// failure goes through capped backoff, 410 Gone relists, any other end of a watch resumes from the
// last resourceVersion, and each transition is reported so the UI can mark the kind stale.
import type { Watch } from '@kubernetes/client-node';
import { RESOURCES, type Kind, type KubeObject } from '../../domain/k8s';
import type { ConnectionState, SourceEvent } from '../../domain/source';
import { apiVersionOf, collectionPath } from './api-paths';
import { Backoff, formatDelay, type BackoffOptions } from './backoff';
import { describeFailure, describeUnavailable } from './errors';
import { describeTransportError, type RestClient } from './rest';

/** How long the server keeps a watch open before the client re-opens it. */
export const WATCH_TIMEOUT_SECONDS = 300;

export interface ListWatchOptions {
	kind: Kind;
	/** undefined = all namespaces (and always for cluster-scoped kinds). */
	namespace?: string;
	rest: RestClient;
	watcher: Watch;
	emit: (event: SourceEvent) => void;
	backoff?: BackoffOptions;
	/** Server-side watch timeout; the client also gives up on a watch silent for this long + 30 s. */
	watchTimeoutSeconds?: number;
	/**
	 * A kind only some panes need: a 403 or 404 makes it `unavailable` once and ends the watch,
	 * instead of marking it stale and retrying forever (a namespace-scoped Role may not list nodes).
	 */
	optional?: boolean;
}

type Outcome = { type: 'gone' } | { type: 'closed'; events: number; ms: number } | { type: 'error'; message: string } | { type: 'refused' };

/** A watch that ended this soon without delivering anything counts as a failure (no tight loops). */
const SHORT_SESSION_MS = 1000;

export class ListWatch {
	private stopped = false;
	private resourceVersion?: string;
	private state?: ConnectionState;
	private session?: object;
	private abortWatch?: () => void;
	private sleeping?: { timer: NodeJS.Timeout; wake: () => void };
	private readonly backoff: Backoff;
	private readonly path: string;
	private readonly scope: string | undefined;

	constructor(private readonly options: ListWatchOptions) {
		this.backoff = new Backoff(options.backoff);
		this.scope = RESOURCES[options.kind].namespaced ? options.namespace : undefined;
		this.path = collectionPath(options.kind, this.scope);
	}

	start(): void {
		this.setState('connecting');
		void this.run();
	}

	stop(): void {
		this.stopped = true;
		this.abortWatch?.();
		if (this.sleeping) {
			clearTimeout(this.sleeping.timer);
			this.sleeping.wake();
		}
	}

	private setState(state: ConnectionState, message?: string): void {
		if (state === this.state && state === 'connected') return;
		this.state = state;
		this.options.emit({ type: 'connection', state, kind: this.options.kind, ...(message ? { message } : {}) });
	}

	private normalize(obj: KubeObject): KubeObject {
		return { ...obj, kind: this.options.kind, apiVersion: obj.apiVersion ?? apiVersionOf(this.options.kind) } as KubeObject;
	}

	private async run(): Promise<void> {
		let needList = true;
		let freshList = false;
		while (!this.stopped) {
			if (needList) {
				const listed = await this.list();
				if (this.stopped) return;
				if (!listed) continue;
				needList = false;
				freshList = true;
			}
			const outcome = await this.watchOnce();
			if (this.stopped) return;
			const expiredAtOnce = freshList;
			freshList = false;
			if (outcome.type === 'gone') {
				// Gone right after a fresh list means the server cannot serve this watch: back off.
				if (expiredAtOnce) await this.fail(`${RESOURCES[this.options.kind].plural}: resource version expired right after listing`);
				needList = true;
			} else if (outcome.type === 'refused') {
				return;
			} else if (outcome.type === 'error') {
				await this.fail(outcome.message);
			} else if (outcome.events === 0 && outcome.ms < SHORT_SESSION_MS) {
				await this.fail(`${RESOURCES[this.options.kind].plural}: watch closed by the API server`);
			}
		}
	}

	private async list(): Promise<boolean> {
		const { kind } = this.options;
		const response = await this.options.rest.request('GET', this.path);
		if (this.stopped) return false;
		if (response.status !== 200) {
			if (this.refuse(response.status, 'list')) return false;
			await this.fail(describeFailure(response, { verb: 'list', resource: RESOURCES[kind].plural, namespace: this.scope }));
			return false;
		}
		const list = response.body as { metadata?: { resourceVersion?: string }; items?: KubeObject[] };
		this.resourceVersion = list.metadata?.resourceVersion;
		this.options.emit({ type: 'sync', kind, objects: (list.items ?? []).map((obj) => this.normalize(obj)) });
		return true;
	}

	/** For an optional kind that RBAC forbids or the cluster lacks: say so once and stop for good. */
	private refuse(status: number, verb: string): boolean {
		const { kind, optional } = this.options;
		const hint = optional ? describeUnavailable(status, { verb, resource: RESOURCES[kind].plural, namespace: this.scope }) : undefined;
		if (!hint) return false;
		this.stopped = true;
		this.options.emit({ type: 'unavailable', kind, hint });
		return true;
	}

	private async fail(message: string): Promise<void> {
		const delay = this.backoff.next();
		this.setState('reconnecting', `${message}; retrying in ${formatDelay(delay)}`);
		await new Promise<void>((wake) => {
			this.sleeping = { timer: setTimeout(wake, delay), wake };
		});
		this.sleeping = undefined;
	}

	private handleEvent(type: string, obj: KubeObject & { code?: number; message?: string }): 'gone' | string | undefined {
		const { emit } = this.options;
		const version = obj?.metadata?.resourceVersion;
		switch (type) {
			case 'ADDED':
			case 'MODIFIED':
				this.resourceVersion = version ?? this.resourceVersion;
				emit({ type: 'upsert', object: this.normalize(obj) });
				return undefined;
			case 'DELETED':
				this.resourceVersion = version ?? this.resourceVersion;
				emit({ type: 'delete', kind: this.options.kind, namespace: obj.metadata.namespace, name: obj.metadata.name });
				return undefined;
			case 'BOOKMARK':
				this.resourceVersion = version ?? this.resourceVersion;
				return undefined;
			case 'ERROR':
				return obj.code === 410 ? 'gone' : `watch error: ${obj.message ?? 'unknown'}`;
			default:
				return undefined;
		}
	}

	private watchOnce(): Promise<Outcome> {
		const session = {};
		this.session = session;
		const started = Date.now();
		const timeoutSeconds = this.options.watchTimeoutSeconds ?? WATCH_TIMEOUT_SECONDS;
		let events = 0;
		let ended: 'gone' | string | undefined;
		let controller: AbortController | undefined;
		return new Promise<Outcome>((resolve) => {
			const finish = (outcome: Outcome) => {
				if (this.session !== session) return;
				// Only a watch that did something useful proves the connection healthy again.
				if (outcome.type !== 'error' && (events > 0 || Date.now() - started >= SHORT_SESSION_MS)) this.backoff.reset();
				this.session = undefined;
				this.abortWatch = undefined;
				clearTimeout(stall);
				controller?.abort();
				resolve(outcome);
			};
			const stall = setTimeout(() => finish({ type: 'error', message: `${RESOURCES[this.options.kind].plural}: watch stalled` }), (timeoutSeconds + 30) * 1000);
			this.abortWatch = () => finish({ type: 'closed', events, ms: Date.now() - started });
			const done = (error: unknown) => {
				if (ended === 'gone') return finish({ type: 'gone' });
				const status = (error as { statusCode?: number } | null)?.statusCode;
				if (status === 410) return finish({ type: 'gone' });
				if (status && this.refuse(status, 'watch')) return finish({ type: 'refused' });
				if (status) return finish({ type: 'error', message: describeFailure({ status }, { verb: 'watch', resource: RESOURCES[this.options.kind].plural, namespace: this.scope }) });
				if (error) return finish({ type: 'error', message: describeTransportError(error, this.options.rest.server) });
				if (ended) return finish({ type: 'error', message: ended });
				finish({ type: 'closed', events, ms: Date.now() - started });
			};
			const query = { resourceVersion: this.resourceVersion, allowWatchBookmarks: true, timeoutSeconds };
			this.options.watcher
				.watch(this.path, query, (type, obj) => {
					if (this.session !== session) return;
					if (type !== 'ERROR') events++;
					ended = this.handleEvent(type, obj) ?? ended;
				}, done)
				.then(
					(ctrl) => {
						controller = ctrl;
						if (this.session !== session) return ctrl.abort();
						this.setState('connected');
					},
					(error: unknown) => done(error),
				);
		});
	}
}
