// `limit` / `continue` on lists. The first page fixes a snapshot (the list at its resourceVersion);
// continue tokens (the API server's shape: base64 of {v, rv, start}) page through that snapshot, so
// every object appears once however the cluster changes meanwhile. A token whose resourceVersion
// the store's history no longer reaches, or whose snapshot was dropped, gets the real 410 Expired.
import { GoneError, type ObjectStore } from '../sources/simulator/object-store';
import type { ServedObject } from './served-objects';
import { ApiError } from './status';

const SNAPSHOT_LIMIT = 32;

const EXPIRED_MESSAGE =
	'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.';

export interface Page {
	items: ServedObject[];
	resourceVersion: string;
	continue?: string;
	remainingItemCount?: number;
}

interface Token {
	v: string;
	rv: number;
	start: string;
}

/** The key objects are ordered and resumed by, as etcd orders them (namespace, then name, bytewise). */
export function listKey(obj: ServedObject): string {
	return `${obj.metadata.namespace ?? ''}/${obj.metadata.name}`;
}

export function byKey(a: ServedObject, b: ServedObject): number {
	const [x, y] = [listKey(a), listKey(b)];
	return x < y ? -1 : x > y ? 1 : 0;
}

function encode(token: Token): string {
	return Buffer.from(JSON.stringify(token)).toString('base64');
}

function decode(value: string): Token {
	try {
		const token = JSON.parse(Buffer.from(value, 'base64').toString('utf8')) as Token;
		if (token.v === 'meta.k8s.io/v1' && Number.isInteger(token.rv) && typeof token.start === 'string') return token;
	} catch {
		// fall through
	}
	throw new ApiError(400, 'continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)');
}

export class ListPager {
	/** `${rv}|${list identity}` → the full sorted list at that version. */
	private readonly snapshots = new Map<string, ServedObject[]>();

	constructor(private readonly store: ObjectStore) {}

	/**
	 * One page of the list identified by `identity` (resource, namespace, selectors). `current`
	 * gives the whole list now, sorted by listKey; it is only called for a first page.
	 */
	page(identity: string, current: () => ServedObject[], limit: number | undefined, continueToken: string | undefined): Page {
		let rv: number;
		let items: ServedObject[];
		let start = '';
		if (continueToken) {
			const token = decode(continueToken);
			const snapshot = this.snapshots.get(`${token.rv}|${identity}`);
			if (!snapshot || !this.reaches(token.rv)) throw new ApiError(410, EXPIRED_MESSAGE);
			[rv, items, start] = [token.rv, snapshot, token.start];
		} else {
			[rv, items] = [this.store.resourceVersion, current()];
		}
		const from = start ? items.findIndex((obj) => listKey(obj) > start) : 0;
		const rest = from < 0 ? [] : items.slice(from);
		if (!limit || limit <= 0 || rest.length <= limit) return { items: rest, resourceVersion: String(rv) };
		const page = rest.slice(0, limit);
		this.keep(`${rv}|${identity}`, items);
		return {
			items: page,
			resourceVersion: String(rv),
			continue: encode({ v: 'meta.k8s.io/v1', rv, start: `${listKey(page[page.length - 1])}\u0000` }),
			remainingItemCount: rest.length - limit,
		};
	}

	private reaches(rv: number): boolean {
		try {
			this.store.changesSince(rv);
			return true;
		} catch (error) {
			if (error instanceof GoneError) return false;
			throw error;
		}
	}

	private keep(key: string, items: ServedObject[]): void {
		this.snapshots.delete(key);
		this.snapshots.set(key, items);
		for (const oldest of this.snapshots.keys()) {
			if (this.snapshots.size <= SNAPSHOT_LIMIT) break;
			this.snapshots.delete(oldest);
		}
	}
}
