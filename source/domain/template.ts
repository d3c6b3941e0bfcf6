// Pod-template comparison and cleanup for undo, mirroring apimachinery's semantic equality as the
// upstream rollback code applies it.
import type { PodTemplate } from './k8s';

type Json = unknown;

function isEmpty(value: Json): boolean {
	if (value === undefined || value === null || value === '') return true;
	if (Array.isArray(value)) return value.length === 0;
	return typeof value === 'object' && Object.keys(value).length === 0;
}

/**
 * apimachinery Semantic.DeepDerivative: every field set in `a` equals the one in `b`; fields `a`
 * leaves unset (or empty) are ignored. This tolerates the defaults the API server adds to a
 * ReplicaSet's template that a custom resource's template never gets.
 */
export function isDerivative(a: Json, b: Json): boolean {
	if (isEmpty(a)) return true;
	if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((item, i) => isDerivative(item, b[i]));
	if (typeof a === 'object' && a !== null) {
		if (typeof b !== 'object' || b === null || Array.isArray(b)) return false;
		const other = b as Record<string, Json>;
		return Object.entries(a).every(([key, value]) => isDerivative(value, other[key]));
	}
	return a === b;
}

/** A deep copy of the template without the given label (dropping `labels` when it empties). */
export function withoutLabel(template: PodTemplate, label: string): PodTemplate {
	const copy = structuredClone(template);
	const labels = copy.metadata?.labels;
	if (labels && label in labels) {
		delete labels[label];
		if (Object.keys(labels).length === 0 && copy.metadata) delete copy.metadata.labels;
	}
	return copy;
}

/**
 * Whether two templates are the same revision, ignoring the pod-template-hash label. `exact` also
 * requires the reverse direction (kubectl's DeepEqual for Deployments, whose templates the API
 * server defaults just like the ReplicaSet's); otherwise only `current` ⊆ `candidate` (the Argo
 * plugin's DeepDerivative for Rollouts).
 */
export function templatesMatch(current: PodTemplate, candidate: PodTemplate, hashLabel: string, exact: boolean): boolean {
	const a = withoutLabel(current, hashLabel);
	const b = withoutLabel(candidate, hashLabel);
	return isDerivative(a, b) && (!exact || isDerivative(b, a));
}

/** The container images that differ between two templates, "old → new" per container. */
export function imageChanges(from: PodTemplate | undefined, to: PodTemplate | undefined): string[] {
	const before = new Map((from?.spec?.containers ?? []).map((c) => [c.name, c.image ?? '']));
	return (to?.spec?.containers ?? []).flatMap((c) => {
		const old = before.get(c.name);
		return old !== undefined && old !== (c.image ?? '') ? [`${old} → ${c.image ?? ''}`] : [];
	});
}
