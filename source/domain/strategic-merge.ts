// Strategic merge patch as the API server applies it to built-in kinds: lists with a merge key
// (containers and env by name, container ports by containerPort, …) merge element by element, and
// the directives kubectl sends are honoured — `$patch: replace | delete | merge`,
// `$setElementOrder/<list>`, `$retainKeys`, `$deleteFromPrimitiveList/<list>` — instead of being
// stored as fields. Merge keys are those of k8s.io/api's `patchMergeKey` tags for the fields of the
// kinds served here; a list without one is replaced whole, as a merge patch would.
import { PatchError } from './patch-error';

type Json = unknown;
type JsonObject = Record<string, Json>;

const PATCH = '$patch';
const RETAIN_KEYS = '$retainKeys';
const SET_ORDER = '$setElementOrder/';
const DELETE_PRIMITIVES = '$deleteFromPrimitiveList/';

/** Lists of primitives whose strategy is merge (a set): the patch adds to them. */
export const MERGED_PRIMITIVE_LISTS = new Set(['finalizers']);

/** The merge key of a list field, by its name and (for `ports`) where it sits. */
export function mergeKeyOf(field: string, path: readonly string[]): string | undefined {
	switch (field) {
		case 'containers':
		case 'initContainers':
		case 'ephemeralContainers':
		case 'env':
		case 'volumes':
		case 'imagePullSecrets':
		case 'resourceClaims':
			return 'name';
		case 'ports':
			// Container ports merge on containerPort; a Service's ports on port.
			return path.includes('containers') || path.includes('initContainers') ? 'containerPort' : 'port';
		case 'volumeMounts':
			return 'mountPath';
		case 'volumeDevices':
			return 'devicePath';
		case 'hostAliases':
			return 'ip';
		case 'topologySpreadConstraints':
			return 'topologyKey';
		case 'conditions':
		case 'addresses':
			return 'type';
		case 'ownerReferences':
			return 'uid';
		default:
			return undefined;
	}
}

function isObject(value: Json): value is JsonObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function invalid(message: string): PatchError {
	return new PatchError(message, 422);
}

function withoutDirectives(value: Json): Json {
	if (Array.isArray(value)) return value.map(withoutDirectives);
	if (!isObject(value)) return value;
	const out: JsonObject = {};
	for (const [key, v] of Object.entries(value)) if (key !== PATCH && key !== RETAIN_KEYS && !key.startsWith(SET_ORDER) && !key.startsWith(DELETE_PRIMITIVES)) out[key] = withoutDirectives(v);
	return out;
}

function sameKey(a: Json, b: Json, key: string): boolean {
	return isObject(a) && isObject(b) && a[key] !== undefined && a[key] === b[key];
}

/** Orders `items` as `order` (elements, or values, carrying the merge key) says; the rest keep their places after. */
function applyOrder(items: Json[], order: Json[] | undefined, key: string | undefined): Json[] {
	if (!order) return items;
	const position = (item: Json) => order.findIndex((o) => (key ? sameKey(o, item, key) : o === item));
	const ordered = items.filter((item) => position(item) >= 0).sort((a, b) => position(a) - position(b));
	return [...ordered, ...items.filter((item) => position(item) < 0)];
}

function mergeList(current: Json, patch: Json[], field: string, path: readonly string[], order: Json[] | undefined): Json[] {
	const key = mergeKeyOf(field, path);
	const original = Array.isArray(current) ? current : [];
	if (!key) {
		if (MERGED_PRIMITIVE_LISTS.has(field)) return applyOrder([...original, ...patch.filter((v) => !original.includes(v))], order, undefined);
		return withoutDirectives(patch) as Json[];
	}
	// `{$patch: replace}` as an element: the other elements are the whole new list.
	if (patch.some((item) => isObject(item) && item[PATCH] === 'replace')) {
		return applyOrder(withoutDirectives(patch.filter((item) => !(isObject(item) && item[PATCH] === 'replace'))) as Json[], order, key);
	}
	let result = [...original];
	for (const item of patch) {
		if (!isObject(item)) throw invalid(`${field}: element ${JSON.stringify(item)} is not an object with merge key ${key}`);
		if (item[key] === undefined) throw invalid(`map: ${JSON.stringify(item)} does not contain declared merge key: ${key}`);
		const index = result.findIndex((existing) => sameKey(existing, item, key));
		if (item[PATCH] === 'delete') {
			result = result.filter((existing) => !sameKey(existing, item, key));
		} else if (index >= 0) {
			result[index] = mergeObject(result[index], item, [...path, field]);
		} else {
			result.push(mergeObject(undefined, item, [...path, field]));
		}
	}
	return applyOrder(result, order, key);
}

function mergeObject(current: Json, patch: JsonObject, path: readonly string[]): JsonObject {
	const directive = patch[PATCH];
	if (directive !== undefined && directive !== 'replace' && directive !== 'merge' && directive !== 'delete') {
		throw invalid(`unknown patch type: ${String(directive)} in map: ${JSON.stringify(patch)}`);
	}
	if (directive === 'replace') return withoutDirectives(patch) as JsonObject;
	const result: JsonObject = isObject(current) ? { ...current } : {};
	for (const [key, value] of Object.entries(patch)) {
		if (key === PATCH || key === RETAIN_KEYS || key.startsWith(SET_ORDER)) continue;
		if (key.startsWith(DELETE_PRIMITIVES)) {
			const field = key.slice(DELETE_PRIMITIVES.length);
			if (!Array.isArray(value)) throw invalid(`${key} must be a list`);
			if (Array.isArray(result[field])) result[field] = (result[field] as Json[]).filter((v) => !value.includes(v));
			continue;
		}
		const order = patch[`${SET_ORDER}${key}`];
		if (order !== undefined && !Array.isArray(order)) throw invalid(`${SET_ORDER}${key} must be a list`);
		if (value === null) delete result[key];
		else if (isObject(value) && value[PATCH] === 'delete') delete result[key];
		else if (Array.isArray(value)) result[key] = mergeList(result[key], value, key, path, order);
		else if (isObject(value)) result[key] = mergeObject(result[key], value, [...path, key]);
		else result[key] = value;
	}
	// A `$setElementOrder` for a list the patch leaves alone still reorders it.
	for (const [key, order] of Object.entries(patch)) {
		if (!key.startsWith(SET_ORDER)) continue;
		const field = key.slice(SET_ORDER.length);
		if (!(field in patch) && Array.isArray(result[field]) && Array.isArray(order)) result[field] = applyOrder(result[field] as Json[], order, mergeKeyOf(field, path));
	}
	const retain = patch[RETAIN_KEYS];
	if (retain !== undefined) {
		if (!Array.isArray(retain)) throw invalid(`${RETAIN_KEYS} must be a list`);
		for (const key of Object.keys(result)) if (!retain.includes(key)) delete result[key];
	}
	return result;
}

export function applyStrategicMergePatch<T>(target: T, patch: Json): T {
	if (!isObject(patch)) throw new PatchError('strategic merge patch body must be a JSON object', 400);
	return mergeObject(target, patch, []) as T;
}
