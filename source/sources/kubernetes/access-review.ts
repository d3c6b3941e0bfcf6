// "May I?" through SelfSubjectAccessReview, so a key can show why it is disabled before it is pressed.
import { RESOURCES, type Kind } from '../../domain/k8s';
import type { RestClient } from './rest';

const CACHE_MS = 30_000;

function groupOf(resource: string): { group: string; plural: string } {
	const byKind = RESOURCES[resource as Kind];
	if (byKind) return { group: byKind.group, plural: byKind.plural };
	const byPlural = Object.values(RESOURCES).find((r) => r.plural === resource);
	return { group: byPlural?.group ?? '', plural: resource };
}

export class AccessReviewer {
	private readonly cache = new Map<string, { at: number; answer: Promise<string | null> }>();

	constructor(private readonly rest: RestClient) {}

	/** null when allowed (or when the server cannot be asked: the action itself will then report). */
	canI(verb: string, resource: string, namespace?: string, subresource?: string): Promise<string | null> {
		const key = [verb, resource, namespace ?? '', subresource ?? ''].join('|');
		const cached = this.cache.get(key);
		if (cached && Date.now() - cached.at < CACHE_MS) return cached.answer;
		const answer = this.ask(key, verb, resource, namespace, subresource);
		this.cache.set(key, { at: Date.now(), answer });
		return answer;
	}

	private async ask(key: string, verb: string, resource: string, namespace?: string, subresource?: string): Promise<string | null> {
		const { group, plural } = groupOf(resource);
		const review = {
			apiVersion: 'authorization.k8s.io/v1',
			kind: 'SelfSubjectAccessReview',
			spec: { resourceAttributes: { verb, group, resource: plural, ...(subresource ? { subresource } : {}), ...(namespace ? { namespace } : {}) } },
		};
		const response = await this.rest.request('POST', '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', {
			contentType: 'application/json',
			body: review,
		});
		const status = (response.body as { status?: { allowed?: boolean; reason?: string } } | undefined)?.status;
		if (response.status < 200 || response.status >= 300 || !status || status.allowed) {
			// No definitive answer: ask again next time instead of caching the guess.
			if (response.status === 0 || response.status >= 300) this.cache.delete(key);
			return null;
		}
		const what = subresource ? `${plural}/${subresource}` : plural;
		const where = namespace ? `in namespace ${namespace}` : 'cluster-wide';
		return `forbidden: may not ${verb} ${what} ${where}${status.reason ? ` (${status.reason})` : ''}`;
	}
}
