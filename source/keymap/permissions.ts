// What the API server lets the current user do, asked once per resource and namespace
// (SelfSubjectAccessReview on live clusters) and cached, so a denied key says why before it is pressed.
import type { ActionKind } from '../domain/action';
import { RESOURCES } from '../domain/k8s';
import type { Workload } from '../domain/replica-set';
import type { ClusterSource } from '../domain/source';

const SUBRESOURCE: Record<ActionKind, string> = {
	promote: 'status',
	promoteFull: 'status',
	abort: 'status',
	retry: 'status',
	pause: '',
	resume: '',
	undo: '',
	restart: '',
	scale: 'scale',
};

export class Permissions {
	private readonly answers = new Map<string, string | null | 'pending'>();

	constructor(
		private readonly source: () => ClusterSource,
		private readonly changed: () => void,
	) {}

	/** The denial for `kind` on the workload, null when allowed or not yet known. */
	denial(kind: ActionKind, workload: Workload): string | null {
		const canI = this.source().canI;
		if (!canI) return null;
		const resource = RESOURCES[workload.kind].plural;
		const subresource = SUBRESOURCE[kind];
		const namespace = workload.metadata.namespace;
		const key = `${resource}/${subresource}/${namespace}`;
		const known = this.answers.get(key);
		if (known === undefined) {
			this.answers.set(key, 'pending');
			canI
				.call(this.source(), 'patch', resource, namespace, subresource || undefined)
				.then((answer) => this.answers.set(key, answer))
				.catch(() => this.answers.delete(key))
				.finally(this.changed);
			return null;
		}
		return known === 'pending' ? null : known;
	}

	/** After a context or namespace switch the answers no longer apply. */
	reset(): void {
		this.answers.clear();
	}
}
