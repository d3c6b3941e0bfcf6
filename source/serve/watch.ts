// One watch stream: newline-delimited JSON events over a chunked response, starting after the
// client's resourceVersion (or with the current objects as ADDED when it has none), ending with an
// ERROR event carrying a 410 Status when the store's history no longer reaches back that far.
import type { ServerResponse } from 'node:http';
import { GoneError, type ObjectStore, type StoreChange } from '../sources/simulator/object-store';
import type { ObjectFilter } from './selectors';
import { listServed, type ServedKind, type ServedObject } from './served-objects';
import { statusBody } from './status';

export interface WatchOptions {
	store: ObjectStore;
	kind: ServedKind;
	apiVersion: string;
	namespace?: string;
	filter: ObjectFilter;
	/** As sent by the client; undefined or "0" = start with the current state. */
	resourceVersion?: string;
	timeoutSeconds?: number;
	bookmarkIntervalMs?: number;
	/** What an event carries for an object: the object itself, or a one-row Table for `kubectl get -w`. */
	present: (obj: ServedObject) => unknown;
}

/** Streams events until the client goes away, the timeout passes or the connection is destroyed. */
export function serveWatch(res: ServerResponse, options: WatchOptions): void {
	const { store, kind, namespace, filter, present } = options;
	const matches = (obj: ServedObject) =>
		obj.kind === kind && (namespace === undefined || obj.metadata.namespace === namespace) && filter(obj);
	const send = (type: string, object: unknown) => res.write(`${JSON.stringify({ type, object })}\n`);
	let timeout: NodeJS.Timeout | undefined;
	let bookmarkTimer: NodeJS.Timeout | undefined;
	let unsubscribe = () => {};
	const stop = () => {
		unsubscribe();
		clearTimeout(timeout);
		clearTimeout(bookmarkTimer);
		if (!res.writableEnded) res.end();
	};
	res.on('close', stop);
	res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache' });
	res.flushHeaders();

	const from = options.resourceVersion && options.resourceVersion !== '0' ? Number(options.resourceVersion) : undefined;
	let backlog: StoreChange[];
	if (from === undefined) {
		backlog = listServed(store, kind, namespace)
			.filter(matches)
			.map((object) => ({ type: 'ADDED', object, resourceVersion: 0 }) as StoreChange);
	} else {
		try {
			// A version from the future means the client saw another incarnation of this store
			// (e.g. before a restart): make it relist rather than wait for versions that never come.
			if (!(from <= store.resourceVersion)) throw new GoneError(`too large resource version: ${options.resourceVersion} (${store.resourceVersion})`);
			backlog = store.changesSince(from).filter((change) => matches(change.object));
		} catch (error) {
			if (!(error instanceof GoneError)) throw error;
			send('ERROR', statusBody(410, error.message));
			stop();
			return;
		}
	}
	for (const change of backlog) send(change.type, present(change.object));
	unsubscribe = store.subscribe((change) => {
		if (matches(change.object)) send(change.type, present(change.object));
	});
	if (options.timeoutSeconds && options.timeoutSeconds > 0) timeout = setTimeout(stop, options.timeoutSeconds * 1000);
	const interval = options.bookmarkIntervalMs;
	if (interval) {
		const bookmark = () => {
			send('BOOKMARK', { kind, apiVersion: options.apiVersion, metadata: { resourceVersion: String(store.resourceVersion) } });
			bookmarkTimer = setTimeout(bookmark, interval);
		};
		bookmarkTimer = setTimeout(bookmark, interval);
	}
}
