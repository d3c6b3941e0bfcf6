// Pod template hashes as the Deployment and Argo Rollouts controllers compute them: FNV-32a over
// the template, printed in decimal and "safe encoded" into the name alphabet (which is why real
// hashes look like "65fb5ffc84"). Equal templates give equal hashes whatever their key order, so
// an undo that copies an old ReplicaSet's template back lands on that ReplicaSet again.
import type { PodTemplate } from '../../domain/k8s';
import { DEPLOYMENT_HASH_LABEL, ROLLOUT_HASH_LABEL } from '../../domain/replica-set';
import { fnv1a, NAME_ALPHABET } from './random';

function canonical(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
	if (value && typeof value === 'object') {
		const entries = Object.entries(value as Record<string, unknown>)
			.filter(([, v]) => v !== undefined && v !== null)
			.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
		return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
	}
	return JSON.stringify(value);
}

/** The template without the hash labels (they are outputs of the hash, not inputs). */
export function withoutHashLabels(template: PodTemplate | undefined): PodTemplate {
	const copy = structuredClone(template ?? {});
	const labels = copy.metadata?.labels;
	if (labels) {
		delete labels[ROLLOUT_HASH_LABEL];
		delete labels[DEPLOYMENT_HASH_LABEL];
	}
	return copy;
}

export function podTemplateHash(template: PodTemplate | undefined): string {
	const decimal = String(fnv1a(canonical(withoutHashLabels(template))));
	let out = '';
	for (let i = 0; i < decimal.length; i++) out += NAME_ALPHABET[decimal.charCodeAt(i) % NAME_ALPHABET.length];
	return out;
}

// Hashing canonicalises the whole template; owners are reconciled every second, so remember the
// hash per template object (objects in the store are replaced, never mutated, on change).
const hashes = new WeakMap<PodTemplate, string>();

export function cachedPodTemplateHash(template: PodTemplate | undefined): string {
	if (!template) return podTemplateHash(template);
	let hash = hashes.get(template);
	if (hash === undefined) hashes.set(template, (hash = podTemplateHash(template)));
	return hash;
}
