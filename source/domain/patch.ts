// Applying PATCH bodies to objects, as an API server does. Shared by the simulator (in-process
// actions) and `sim serve` (patches over HTTP), so both react to exactly the same bytes.
import jsonpatch from 'fast-json-patch';
import type { Operation } from 'fast-json-patch';
import type { PatchType } from './action';
import { PatchError } from './patch-error';
import { applyStrategicMergePatch } from './strategic-merge';

type Json = unknown;

function isObject(value: Json): value is Record<string, Json> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** RFC 7386 JSON merge patch: objects merge, `null` deletes, everything else replaces. */
export function applyMergePatch<T>(target: T, patch: Json): T {
	if (!isObject(patch)) return structuredClone(patch) as T;
	const result: Record<string, Json> = isObject(target) ? { ...target } : {};
	for (const [key, value] of Object.entries(patch)) {
		if (value === null) delete result[key];
		else result[key] = applyMergePatch(result[key], value);
	}
	return result as T;
}

export { PatchError } from './patch-error';

/** RFC 6902 JSON patch; a failing operation (e.g. `test`, or a path that does not exist) → 422. */
export function applyJsonPatch<T>(target: T, patch: Json): T {
	if (!Array.isArray(patch)) throw new PatchError('json patch body must be an array of operations', 400);
	try {
		return jsonpatch.applyPatch(structuredClone(target), patch as Operation[], true, false).newDocument;
	} catch (error) {
		throw new PatchError(`json patch failed: ${(error as Error).message.split('\n')[0]}`, 422);
	}
}

export function applyPatch<T>(target: T, patchType: PatchType, body: Json): T {
	switch (patchType) {
		case 'merge':
			return applyMergePatch(target, body);
		case 'strategic':
			return applyStrategicMergePatch(target, body);
		case 'json':
			return applyJsonPatch(target, body);
	}
}
