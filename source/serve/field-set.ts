// The set of fields an applied configuration names, in the FieldsV1 form managedFields use:
// `f:<field>` for a field, `k:{"name":"vllm"}` for an element of a list merged by key (with `.`
// for the element itself), `v:"x"` for a member of a set-like list of primitives. Any other list is
// atomic: owned as one field. Sets are kept as path strings so they union and subtract simply.
import { MERGED_PRIMITIVE_LISTS, mergeKeyOf } from '../domain/strategic-merge';

type Json = unknown;
type JsonObject = Record<string, Json>;

export type FieldPath = string[];

const isObject = (value: Json): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** How lists merge: by the built-in kinds' merge keys, or (custom resources) all atomic. */
export interface ListRules {
	keyed: boolean;
}

function listKey(field: string, names: readonly string[], rules: ListRules): string | undefined {
	return rules.keyed ? mergeKeyOf(field, names) : undefined;
}

const isSetList = (field: string, rules: ListRules) => rules.keyed && MERGED_PRIMITIVE_LISTS.has(field);

/** Built-in fields owned as a whole (label selectors are atomic structs, a Service's selector an atomic map). */
const ATOMIC_FIELDS = new Set(['selector', 'labelSelector', 'namespaceSelector']);

/** Every field path the configuration sets (leaves, keyed elements and their fields, set members). */
export function fieldSetOf(config: JsonObject, rules: ListRules): Set<string> {
	const out = new Set<string>();
	const add = (path: FieldPath) => out.add(JSON.stringify(path));
	const walk = (value: Json, path: FieldPath, names: string[]) => {
		const field = names[names.length - 1];
		if (isObject(value) && Object.keys(value).length && !(rules.keyed && ATOMIC_FIELDS.has(field))) {
			for (const [key, child] of Object.entries(value)) walk(child, [...path, `f:${key}`], [...names, key]);
			return;
		}
		const key = Array.isArray(value) ? listKey(field, names.slice(0, -1), rules) : undefined;
		if (Array.isArray(value) && key && value.every(isObject)) {
			for (const element of value as JsonObject[]) {
				const elementPath = [...path, `k:${JSON.stringify({ [key]: element[key] })}`];
				add([...elementPath, '.']);
				for (const [name, child] of Object.entries(element)) walk(child, [...elementPath, `f:${name}`], [...names, name]);
			}
		} else if (Array.isArray(value) && isSetList(field, rules)) {
			for (const member of value) add([...path, `v:${JSON.stringify(member)}`]);
		} else add(path);
	};
	walk(config, [], []);
	return out;
}

/** The nested FieldsV1 object stored in a managedFields entry. */
export function toFieldsV1(set: Set<string>): JsonObject {
	const root: JsonObject = {};
	for (const text of [...set].sort()) {
		let node = root;
		for (const element of JSON.parse(text) as FieldPath) node = (node[element] ??= {}) as JsonObject;
	}
	return root;
}

export function fromFieldsV1(fields: Json): Set<string> {
	const out = new Set<string>();
	const walk = (node: Json, path: FieldPath) => {
		const entries = isObject(node) ? Object.entries(node) : [];
		if (!entries.length && path.length) out.add(JSON.stringify(path));
		for (const [element, child] of entries) walk(child, [...path, element]);
	};
	walk(fields, []);
	return out;
}

/** The path as apply conflicts print it: `.spec.template.spec.containers[name="vllm"].image`. */
export function formatPath(path: FieldPath): string {
	return path
		.filter((element) => element !== '.')
		.map((element) => {
			const body = element.slice(2);
			if (element.startsWith('f:')) return `.${body}`;
			if (element.startsWith('v:')) return `[=${body}]`;
			const keys = Object.entries(JSON.parse(body) as JsonObject).map(([k, v]) => `${k}=${JSON.stringify(v)}`);
			return `[${keys.join(',')}]`;
		})
		.join('');
}

function matchesKey(element: Json, keyText: string): boolean {
	return isObject(element) && Object.entries(JSON.parse(keyText) as JsonObject).every(([k, v]) => element[k] === v);
}

/** The value at a path (undefined when absent); `.` is the keyed element itself. */
export function valueAt(obj: Json, path: FieldPath): Json {
	let node = obj;
	for (const element of path) {
		if (element === '.') continue;
		const body = element.slice(2);
		if (element.startsWith('f:')) node = isObject(node) ? node[body] : undefined;
		else if (element.startsWith('k:')) node = Array.isArray(node) ? node.find((e) => matchesKey(e, body)) : undefined;
		else node = Array.isArray(node) && node.some((e) => deepEqual(e, JSON.parse(body))) ? JSON.parse(body) : undefined;
		if (node === undefined) return undefined;
	}
	return node;
}

/** Removes the field, keyed element (path ending in `.`) or set member at `path` from `obj` in place. */
export function removeAt(obj: JsonObject, path: FieldPath): void {
	const last = path[path.length - 1];
	const elementRemoval = last === '.';
	const target = elementRemoval ? path.slice(0, -1) : path;
	const container = valueAt(obj, target.slice(0, -1));
	const leaf = target[target.length - 1];
	const body = leaf.slice(2);
	if (leaf.startsWith('f:') && isObject(container)) delete container[body];
	else if (Array.isArray(container)) {
		const index = container.findIndex((e) => (leaf.startsWith('k:') ? matchesKey(e, body) : deepEqual(e, JSON.parse(body))));
		if (index >= 0 && (elementRemoval || leaf.startsWith('v:'))) container.splice(index, 1);
	}
}

export function deepEqual(a: Json, b: Json): boolean {
	if (a === b) return true;
	if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
	if (isObject(a) && isObject(b)) {
		const keys = Object.keys(a);
		return keys.length === Object.keys(b).length && keys.every((k) => deepEqual(a[k], b[k]));
	}
	return false;
}
