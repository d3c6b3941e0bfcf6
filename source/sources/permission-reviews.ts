// Answers the console's permission questions with the cluster source's access reviews
// (SelfSubjectAccessReview on live clusters): each question once, again after a while since RBAC can
// change while the console runs. One instance per cluster source, so answers never cross clusters.
import type { PermissionQuestion } from '../domain/permission';
import type { ClusterSource } from '../domain/source';

/** RBAC can change while the console runs: answers are asked again after this long. */
export const ANSWER_TTL_MS = 60_000;

/** Receives an answer: null allowed, a string the reason it is not, undefined no answer (ask again). */
export type PermissionAnswer = (key: string, answer: string | null | undefined) => void;

export class PermissionReviews {
	private readonly asked = new Map<string, { pending: boolean; at: number }>();
	private stopped = false;

	constructor(
		private readonly source: ClusterSource,
		private readonly answer: PermissionAnswer,
		private readonly now: () => number = Date.now,
	) {}

	/** Asks what is not known yet or known for too long; answers arrive through `answer`. */
	ask(questions: PermissionQuestion[]): void {
		const { canI } = this.source;
		if (!canI || this.stopped) return;
		for (const question of questions) {
			const known = this.asked.get(question.key);
			if (known && (known.pending || this.now() - known.at <= ANSWER_TTL_MS)) continue;
			this.asked.set(question.key, { pending: true, at: this.now() });
			const settle = (answer: string | null | undefined) => {
				if (this.stopped) return;
				// A failed review is no answer: ask again next time rather than assume "allowed".
				if (answer === undefined) this.asked.delete(question.key);
				else this.asked.set(question.key, { pending: false, at: this.now() });
				this.answer(question.key, answer);
			};
			canI.call(this.source, question.verb, question.resource, question.namespace, question.subresource).then(settle, () => settle(undefined));
		}
	}

	/** The source is gone: late answers about it are dropped. */
	stop(): void {
		this.stopped = true;
	}
}
