// What a console would hold after applying a source's events, and polling with a deadline.
import { keyOf, objectKey, type Kind, type KubeObject } from '../../source/domain/k8s';
import type { ConnectionState, SourceEvent } from '../../source/domain/source';
import type { ObjectStore } from '../../source/sources/simulator/object-store';

export class Mirror {
	readonly objects = new Map<string, KubeObject>();
	readonly events: SourceEvent[] = [];
	readonly connection = new Map<Kind | 'all', { state: ConnectionState; message?: string }>();
	/** Upserts seen for a key while it already existed with the same resourceVersion (duplicates). */
	duplicates = 0;

	readonly emit = (batch: SourceEvent[]): void => {
		for (const event of batch) {
			this.events.push(event);
			if (event.type === 'sync') {
				for (const key of [...this.objects.keys()]) if (key.startsWith(`${event.kind}/`)) this.objects.delete(key);
				for (const obj of event.objects) this.objects.set(keyOf(obj), obj);
			} else if (event.type === 'upsert') {
				const previous = this.objects.get(keyOf(event.object));
				if (previous?.metadata.resourceVersion === event.object.metadata.resourceVersion) this.duplicates++;
				this.objects.set(keyOf(event.object), event.object);
			} else if (event.type === 'delete') {
				this.objects.delete(objectKey(event.kind, event.namespace, event.name));
			} else if (event.type === 'connection') {
				this.connection.set(event.kind ?? 'all', { state: event.state, message: event.message });
			}
		}
	};

	/** "Kind/ns/name@resourceVersion" of one kind, sorted: equal lists mean equal state. */
	versions(kind: Kind): string[] {
		return [...this.objects.values()].filter((o) => o.kind === kind).map((o) => `${keyOf(o)}@${o.metadata.resourceVersion}`).sort();
	}
}

export function storeVersions(store: ObjectStore, kind: Kind, namespace?: string): string[] {
	return store.list(kind, namespace).map((o) => `${keyOf(o)}@${o.metadata.resourceVersion}`).sort();
}

/** Polls `check` until it returns true; throws with `what` after the deadline. */
export async function waitFor(what: string, check: () => boolean, timeoutMs = 10_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!check()) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
}
