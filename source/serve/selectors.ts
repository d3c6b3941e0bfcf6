// Label and field selectors on list and watch. Anything the server cannot evaluate is refused (400)
// in the real server's words rather than ignored, so a client never sees a silently wrong list.
import { LabelSelectorError, matchesRequirement, parseLabelSelector } from './label-selector';
import type { ServedObject } from './served-objects';
import { ApiError } from './status';

export type ObjectFilter = (obj: ServedObject) => boolean;

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

const FIELD_OPERATORS = ['!=', '==', '='];

/** fields.ParseSelector's terms: split at unescaped commas; each at its first operator. */
function fieldTerms(selector: string): string[] {
	const terms: string[] = [];
	let start = 0;
	for (let i = 0; i < selector.length; i++) {
		if (selector[i] === '\\') i++;
		else if (selector[i] === ',') {
			terms.push(selector.slice(start, i));
			start = i + 1;
		}
	}
	terms.push(selector.slice(start));
	return terms.filter(Boolean);
}

function fieldRequirement(selector: string, term: string): ObjectFilter {
	const at = [...term].findIndex((_, i) => FIELD_OPERATORS.some((op) => term.startsWith(op, i)));
	if (at < 0) throw new ApiError(400, `invalid selector: '${selector}'; can't understand '${term}'`);
	const op = FIELD_OPERATORS.find((o) => term.startsWith(o, at))!;
	const path = term.slice(0, at);
	const value = term.slice(at + op.length).replace(/\\(.)/g, '$1');
	if (!FIELD_LABELS.has(path)) throw new ApiError(400, `field label not supported: ${path}`);
	return op === '!=' ? (obj) => fieldValue(obj, path) !== value : (obj) => fieldValue(obj, path) === value;
}

function labelFilter(selector: string): ObjectFilter {
	try {
		const requirements = parseLabelSelector(selector);
		return (obj) => requirements.every((r) => matchesRequirement(r, obj.metadata.labels ?? {}));
	} catch (error) {
		if (error instanceof LabelSelectorError) throw new ApiError(400, error.message);
		throw error;
	}
}

/** One filter for `?labelSelector=…&fieldSelector=…` (every term must hold). */
export function selectorFilter(labelSelector: string | null, fieldSelector: string | null): ObjectFilter {
	const labels = labelFilter(labelSelector ?? '');
	const fields = fieldTerms(fieldSelector ?? '').map((term) => fieldRequirement(fieldSelector ?? '', term));
	return (obj) => labels(obj) && fields.every((f) => f(obj));
}
