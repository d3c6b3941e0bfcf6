// The subset of label and field selectors clients send for rolltop's kinds. Anything the server
// cannot evaluate is refused (400) rather than ignored, so a client never sees a silently wrong list.
import type { ServedObject } from './served-objects';
import { ApiError } from './status';

export type ObjectFilter = (obj: ServedObject) => boolean;

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

// The field labels kubectl and controllers select on (`kubectl describe node` lists its pods by
// spec.nodeName, `kubectl describe` finds events by involvedObject.*).
const FIELD_LABELS = new Set([
	'metadata.name',
	'metadata.namespace',
	'spec.nodeName',
	'status.phase',
	'involvedObject.kind',
	'involvedObject.name',
	'involvedObject.namespace',
	'involvedObject.uid',
	'reason',
	'type',
]);

function fieldValue(obj: ServedObject, path: string): string {
	let value: unknown = obj;
	for (const part of path.split('.')) value = (value as Record<string, unknown> | undefined)?.[part];
	return value === undefined || value === null ? '' : String(value);
}

function fieldRequirement(term: string): ObjectFilter {
	const match = /^([\w.]+)\s*(==|=|!=)\s*(.*)$/.exec(term.trim());
	if (!match || !FIELD_LABELS.has(match[1])) throw new ApiError(400, `field label not supported: ${term.split(/[=!]/)[0]}`);
	const [, path, op, value] = match;
	return op === '!=' ? (obj) => fieldValue(obj, path) !== value : (obj) => fieldValue(obj, path) === value;
}

/** One filter for `?labelSelector=…&fieldSelector=…` (ANDed terms; set-based label syntax is not supported). */
export function selectorFilter(labelSelector: string | null, fieldSelector: string | null): ObjectFilter {
	const labels = (labelSelector ?? '').split(',').filter((t) => t.trim()).map(labelRequirement);
	const fields = (fieldSelector ?? '').split(',').filter((t) => t.trim()).map(fieldRequirement);
	return (obj) => labels.every((r) => r(obj.metadata.labels ?? {})) && fields.every((f) => f(obj));
}
