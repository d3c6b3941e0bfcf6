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

/** RBAC can change while the console runs: answers are asked again after this long. */
const ANSWER_TTL_MS = 60_000;

export class Permissions {
	private readonly answers = new Map<string, { answer: string | null | 'pending'; at: number }>();
	/** Bumped by reset(), so an answer about the previous cluster that arrives late is dropped. */
	private generation = 0;

	constructor(
		private readonly source: () => ClusterSource,
		private readonly changed: () => void,
		private readonly now: () => number = Date.now,
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
		if (known === undefined || (known.answer !== 'pending' && this.now() - known.at > ANSWER_TTL_MS)) {
			const generation = this.generation;
			this.answers.set(key, { answer: 'pending', at: this.now() });
			const settle = (answer: string | null | undefined) => {
				if (generation !== this.generation) return;
				// A failed review is no answer: ask again next time rather than assume "allowed".
				if (answer === undefined) this.answers.delete(key);
				else this.answers.set(key, { answer, at: this.now() });
				this.changed();
			};
			canI.call(this.source(), 'patch', resource, namespace, subresource || undefined).then(settle, () => settle(undefined));
			return known && known.answer !== 'pending' ? known.answer : null;
		}
		return known.answer === 'pending' ? null : known.answer;
	}

	/** After a context or namespace switch the answers no longer apply. */
	reset(): void {
		this.generation++;
		this.answers.clear();
	}
}
