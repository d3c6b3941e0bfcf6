// Kubernetes Events as the API server keeps them: one object per (object, reason, message), whose
// count and lastTimestamp grow when the same thing happens again. Only the newest few are kept.
import { rfc3339 } from '../../domain/format';
import type { KubeEvent, KubeObject } from '../../domain/k8s';
import type { ObjectStore } from './object-store';

export const EVENT_LIMIT = 200;

export interface Involved {
	kind: string;
	name: string;
	namespace?: string;
	uid?: string;
	apiVersion?: string;
}

export function involvedOf(obj: KubeObject): Involved {
	return {
		kind: obj.kind,
		name: obj.metadata.name,
		namespace: obj.metadata.namespace,
		uid: obj.metadata.uid,
		apiVersion: obj.apiVersion,
	};
}

export interface EventSource {
	component: string;
	host?: string;
}

export class EventRecorder {
	private readonly byIdentity = new Map<string, string>();
	/** Event names, oldest first by last occurrence. */
	private readonly order: string[] = [];
	private sequence = 0;

	constructor(
		private readonly store: ObjectStore,
		private readonly clock: () => number,
	) {}

	normal(involved: Involved, reason: string, message: string, source: EventSource): void {
		this.record(involved, 'Normal', reason, message, source);
	}

	warning(involved: Involved, reason: string, message: string, source: EventSource): void {
		this.record(involved, 'Warning', reason, message, source);
	}

	private record(involved: Involved, type: string, reason: string, message: string, source: EventSource): void {
		const now = rfc3339(this.clock());
		const namespace = involved.namespace ?? 'default';
		const identity = `${involved.kind}/${namespace}/${involved.name}/${reason}/${message}`;
		const existingName = this.byIdentity.get(identity);
		const existing = existingName
			? (this.store.get({ kind: 'Event', namespace, name: existingName }) as KubeEvent | undefined)
			: undefined;
		if (existing && existingName) {
			this.store.put({ ...existing, count: (existing.count ?? 1) + 1, lastTimestamp: now });
			this.order.splice(this.order.indexOf(existingName), 1);
			this.order.push(existingName);
			return;
		}
		// The API server names events "<object>.<unix nanoseconds in hex>".
		const nanos = BigInt(this.clock()) * 1_000_000n + BigInt(++this.sequence);
		const name = `${involved.name}.${nanos.toString(16)}`;
		const event: KubeEvent = {
			apiVersion: 'v1',
			kind: 'Event',
			metadata: { name, namespace, creationTimestamp: now },
			involvedObject: { ...involved, namespace: involved.namespace },
			reason,
			message,
			type,
			count: 1,
			firstTimestamp: now,
			lastTimestamp: now,
			source: { component: source.component, ...(source.host ? { host: source.host } : {}) },
		};
		(event as unknown as Record<string, unknown>).reportingComponent = source.component;
		(event as unknown as Record<string, unknown>).reportingInstance = source.host ?? '';
		this.store.put(event);
		this.byIdentity.set(identity, name);
		this.order.push(name);
		this.trim();
	}

	private trim(): void {
		while (this.order.length > EVENT_LIMIT) {
			const name = this.order.shift() as string;
			for (const [identity, n] of this.byIdentity) {
				if (n !== name) continue;
				this.byIdentity.delete(identity);
				const namespace = identity.split('/')[1];
				this.store.delete({ kind: 'Event', namespace, name });
				break;
			}
		}
	}
}
