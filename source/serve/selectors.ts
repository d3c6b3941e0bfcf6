// The subset of label and field selectors clients send for rolltop's kinds. Anything the server
// cannot evaluate is refused (400) rather than ignored, so a client never sees a silently wrong list.
import type { KubeObject } from '../domain/k8s';
import { ApiError } from './status';

export type ObjectFilter = (obj: KubeObject) => boolean;

type Requirement = (labels: Record<string, string>) => boolean;

function labelRequirement(term: string): Requirement {
	const match = /^(!?)([\w./-]+)\s*(?:(==|=|!=)\s*([\w./-]*))?$/.exec(term.trim());
	if (!match) throw new ApiError(400, `unable to parse requirement: "${term}"`);
	const [, not, key, op, value] = match;
	if (not) {
		if (op) throw new ApiError(400, `unable to parse requirement: "${term}"`);
		return (labels) => !(key in labels);
	}
	if (!op) return (labels) => key in labels;
	return op === '!=' ? (labels) => labels[key] !== value : (labels) => labels[key] === value;
}

const FIELDS: Record<string, (obj: KubeObject) => string | undefined> = {
	'metadata.name': (obj) => obj.metadata.name,
	'metadata.namespace': (obj) => obj.metadata.namespace ?? '',
};

function fieldRequirement(term: string): ObjectFilter {
	const match = /^([\w.]+)\s*(==|=|!=)\s*(.*)$/.exec(term.trim());
	const field = match ? FIELDS[match[1]] : undefined;
	if (!match || !field) throw new ApiError(400, `field label not supported: ${term.split(/[=!]/)[0]}`);
	const [, , op, value] = match;
	return op === '!=' ? (obj) => field(obj) !== value : (obj) => field(obj) === value;
}

/** One filter for `?labelSelector=…&fieldSelector=…` (ANDed terms; set-based label syntax is not supported). */
export function selectorFilter(labelSelector: string | null, fieldSelector: string | null): ObjectFilter {
	const labels = (labelSelector ?? '').split(',').filter((t) => t.trim()).map(labelRequirement);
	const fields = (fieldSelector ?? '').split(',').filter((t) => t.trim()).map(fieldRequirement);
	return (obj) => labels.every((r) => r(obj.metadata.labels ?? {})) && fields.every((f) => f(obj));
}
