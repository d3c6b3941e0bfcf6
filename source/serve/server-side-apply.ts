// Server-side apply (PATCH with application/apply-patch+yaml, `kubectl apply --server-side`): the
// applied configuration creates the object or is merged into it — built-in kinds by their merge keys,
// custom resources with maps merged and lists replaced — and the field manager's Apply entry in
// metadata.managedFields records the fields it set. Fields a manager stops applying are removed
// unless another applier also set them; a field another applier set to a different value is a 409
// conflict unless `force=true`, which moves it to the new manager. Ownership taken by plain
// updates and patches (operation Update) is not tracked, so they never cause a conflict.
import { parse as parseYaml } from 'yaml';
import { rfc3339 } from '../domain/format';
import { applyMergePatch } from '../domain/patch';
import { applyStrategicMergePatch } from '../domain/strategic-merge';
import type { ObjectStore } from '../sources/simulator/object-store';
import { withDefaults } from './defaults';
import { CUSTOM_GROUPS, groupVersion, type ServedResource } from './discovery';
import { deepEqual, fieldSetOf, formatPath, fromFieldsV1, removeAt, toFieldsV1, valueAt, type FieldPath } from './field-set';
import type { ServedObject } from './served-objects';
import { ApiError, type StatusCause } from './status';

export const APPLY_PATCH_CONTENT_TYPE = 'application/apply-patch+yaml';

type JsonObject = Record<string, unknown>;

export interface ManagedFieldsEntry {
	manager: string;
	operation: 'Apply' | 'Update';
	apiVersion: string;
	time: string;
	fieldsType: 'FieldsV1';
	fieldsV1: JsonObject;
	subresource?: string;
}

/** What the caller does with the result: create it, or store it in place of the live object. */
export interface ApplyOutcome {
	created: boolean;
	object: ServedObject;
}

/** Server-owned metadata, never part of what a manager applies. */
const SYSTEM_METADATA = ['name', 'namespace', 'uid', 'resourceVersion', 'generation', 'creationTimestamp', 'deletionTimestamp', 'managedFields', 'selfLink'];

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** null means "not specified" in an applied configuration, not "delete". */
function withoutNulls(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(withoutNulls);
	if (!isObject(value)) return value;
	return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null).map(([k, v]) => [k, withoutNulls(v)]));
}

function parseConfig(body: string): JsonObject {
	let config: unknown;
	try {
		config = parseYaml(body);
	} catch (error) {
		throw new ApiError(400, `error decoding YAML: ${(error as Error).message.split('\n')[0]}`);
	}
	if (!isObject(config)) throw new ApiError(400, 'the body of an apply patch must be an object');
	return config;
}

/** The part of the configuration a manager owns: no apiVersion/kind, status or server-owned metadata. */
function managedPart(config: JsonObject): JsonObject {
	const { apiVersion: _v, kind: _k, status: _s, metadata, ...rest } = withoutNulls(config) as JsonObject;
	const meta = Object.fromEntries(Object.entries(isObject(metadata) ? metadata : {}).filter(([key]) => !SYSTEM_METADATA.includes(key)));
	return Object.keys(meta).length ? { metadata: meta, ...rest } : rest;
}

function entriesOf(obj: ServedObject | undefined): ManagedFieldsEntry[] {
	return ((obj?.metadata as { managedFields?: ManagedFieldsEntry[] } | undefined)?.managedFields ?? []).filter((e) => e && typeof e.manager === 'string');
}

interface Conflict {
	manager: string;
	path: FieldPath;
}

function conflictError(resource: ServedResource, name: string, conflicts: Conflict[]): ApiError {
	const causes: StatusCause[] = conflicts.map((c) => ({ reason: 'FieldManagerConflict', message: `conflict with ${JSON.stringify(c.manager)}`, field: formatPath(c.path) }));
	let message: string;
	if (conflicts.length === 1) message = `Apply failed with 1 conflict: conflict with ${JSON.stringify(conflicts[0].manager)}: ${formatPath(conflicts[0].path)}`;
	else {
		const managers = [...new Set(conflicts.map((c) => c.manager))].sort();
		const lines = managers.flatMap((m) => [`conflicts with ${JSON.stringify(m)}:`, ...conflicts.filter((c) => c.manager === m).map((c) => `- ${formatPath(c.path)}`)]);
		message = `Apply failed with ${conflicts.length} conflicts: ${lines.join('\n')}`;
	}
	return new ApiError(409, message, { name, group: resource.group, kind: resource.plural, causes });
}

function checkRequest(resource: ServedResource, url: URL, config: JsonObject, name: string): string {
	const manager = url.searchParams.get('fieldManager') ?? '';
	if (!manager) {
		throw new ApiError(422, 'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch', {
			group: 'meta.k8s.io',
			kind: 'PatchOptions',
			causes: [{ reason: 'FieldValueRequired', message: 'Required value: is required for apply patch', field: 'fieldManager' }],
		});
	}
	const metadata = isObject(config.metadata) ? config.metadata : {};
	if (config.kind !== resource.kind || config.apiVersion !== groupVersion(resource.group, resource.version)) {
		throw new ApiError(400, `the API version in the data (${String(config.apiVersion)}) does not match the expected API version (${groupVersion(resource.group, resource.version)}) or kind ${String(config.kind)}`);
	}
	if (metadata.name !== name) throw new ApiError(400, `the name of the object (${String(metadata.name)}) does not match the name on the URL (${name})`);
	return manager;
}

/**
 * The object after applying `body` as `manager` to `live` (undefined: the object does not exist).
 * Throws 409 on conflicts with other appliers unless the request forces.
 */
export function serverSideApply(resource: ServedResource, url: URL, body: string, name: string, live: ServedObject | undefined, store: ObjectStore): ApplyOutcome {
	const config = parseConfig(body);
	const manager = checkRequest(resource, url, config, name);
	const rules = { keyed: !CUSTOM_GROUPS.has(resource.group) };
	const owned = managedPart(config);
	const applied = fieldSetOf(owned, rules);
	const entry: ManagedFieldsEntry = {
		manager,
		operation: 'Apply',
		apiVersion: groupVersion(resource.group, resource.version),
		time: rfc3339(store.now()),
		fieldsType: 'FieldsV1',
		fieldsV1: toFieldsV1(applied),
	};
	const { status: _status, ...created } = withoutNulls(config) as JsonObject;
	if (!live) {
		const metadata = { ...(created.metadata as JsonObject), managedFields: [entry] };
		return { created: true, object: { ...created, metadata } as unknown as ServedObject };
	}

	const entries = entriesOf(live);
	const others = entries.filter((e) => !(e.manager === manager && e.operation === 'Apply'));
	const force = url.searchParams.get('force') === 'true';
	const conflicts: Conflict[] = [];
	const otherSets = others.map((e) => ({ entry: e, set: e.operation === 'Apply' ? fromFieldsV1(e.fieldsV1) : new Set<string>() }));
	for (const text of applied) {
		const path = JSON.parse(text) as FieldPath;
		if (path[path.length - 1] === '.') continue;
		const current = valueAt(live, path);
		if (current === undefined || deepEqual(current, valueAt(owned, path))) continue;
		for (const { entry: other, set } of otherSets) {
			if (!set.has(text)) continue;
			if (force) set.delete(text);
			else conflicts.push({ manager: other.manager, path });
		}
	}
	if (conflicts.length) throw conflictError(resource, name, conflicts);

	const merged = (rules.keyed ? applyStrategicMergePatch(structuredClone(live), owned) : applyMergePatch(structuredClone(live), owned)) as unknown as JsonObject;
	// Fields this manager applied last time and no longer does go, unless another applier set them too.
	const previous = entries.find((e) => e.manager === manager && e.operation === 'Apply');
	const stillOwned = new Set(otherSets.flatMap(({ set }) => [...set]));
	const dropped = [...fromFieldsV1(previous?.fieldsV1)].filter((text) => !applied.has(text) && !stillOwned.has(text));
	// Whole keyed elements first (their key fields find them), then single fields; a map or list
	// left empty by the removals goes too.
	const paths = dropped.map((text) => JSON.parse(text) as FieldPath).sort((a, b) => Number(b.at(-1) === '.') - Number(a.at(-1) === '.'));
	for (const path of paths) removeAt(merged, path);
	for (const path of paths) pruneEmptyParents(merged, path);

	const managedFields = [
		...otherSets.map(({ entry: other, set }) => (other.operation === 'Apply' ? { ...other, fieldsV1: toFieldsV1(set) } : other)).filter((e) => Object.keys(e.fieldsV1).length),
		entry,
	];
	const object = { ...merged, metadata: { ...(merged.metadata as JsonObject), managedFields } } as unknown as ServedObject;
	// A workload whose applier stopped setting a defaulted field (replicas, strategy, …) gets the default again.
	const defaulted = object.kind === 'Deployment' || object.kind === 'Rollout' ? (withDefaults(object as never) as ServedObject) : object;
	return { created: false, object: defaulted };
}

function pruneEmptyParents(obj: JsonObject, path: FieldPath): void {
	for (let end = path.length - 1; end > 0; end--) {
		const parent = path.slice(0, end);
		if (parent.at(-1) !== '.' && !parent.at(-1)!.startsWith('f:')) continue;
		const value = valueAt(obj, parent);
		const empty = Array.isArray(value) ? value.length === 0 : isObject(value) && Object.keys(value).length === 0;
		if (!empty) return;
		removeAt(obj, parent);
	}
}
