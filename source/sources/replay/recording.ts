// The recording format (DESIGN §5d): NDJSON, one line per thing the console received, each with the
// source's clock `t` (ms since the epoch). Objects travel as RFC 6902 diffs against their previous
// version; Secrets, environment values and the last-applied annotation (which may hold both) are
// never written.
import type { PatchRequest } from '../../domain/action';
import type { Kind, KubeObject } from '../../domain/k8s';
import type { ConnectionState, SourceKind } from '../../domain/source';

export const RECORDING_VERSION = 1;

export interface RecordedSource {
	kind: SourceKind;
	label: string;
	scope?: string;
}

export type JsonPatchOp = { op: string; path: string; value?: unknown; from?: string };

/** A source event as written: upserts of known objects become diffs. */
export type RecordedEvent =
	| { type: 'sync'; kind: Kind; objects: KubeObject[] }
	| { type: 'upsert'; object: KubeObject }
	| { type: 'diff'; kind: Kind; namespace?: string; name: string; ops: JsonPatchOp[] }
	| { type: 'delete'; kind: Kind; namespace?: string; name: string }
	| { type: 'connection'; state: ConnectionState; kind?: Kind; message?: string }
	| { type: 'unavailable'; kind: Kind; hint: string }
	| { type: 'clock'; now: number; speed?: number }
	| { type: 'error'; message: string };

/**
 * One replica's sample: [pod id, values in METRIC_IDS order (null when absent), gpus?, at?] — `at`
 * only when it differs from the batch's. Pod ids are given once, in the `pods` of the line that
 * first uses them: [id, namespace, pod]. Values are kept exact: a replay shows the same digits.
 */
export type RecordedSample = [number, Array<number | null>, (number | null)?, number?];
export type RecordedPod = [number, string, string];

export type RecordingLine =
	| { t: number; recording: typeof RECORDING_VERSION; source: RecordedSource }
	| { t: number; source: RecordedSource }
	| { t: number; events: RecordedEvent[] }
	| { t: number; samples: RecordedSample[]; at: number; pods?: RecordedPod[] }
	| { t: number; health: string | null }
	| { t: number; action: PatchRequest; result: { status: number; message?: string } };

const SECRET_ANNOTATIONS = ['kubectl.kubernetes.io/last-applied-configuration'];

/** A copy without environment values (names and valueFrom references stay) or annotations that may hold them. */
export function scrub<T>(value: T): T {
	if (Array.isArray(value)) return value.map(scrub) as T;
	if (!value || typeof value !== 'object') return value;
	const out: Record<string, unknown> = {};
	for (const [key, child] of Object.entries(value)) {
		// As JSON has it: a diff against an undefined field would not apply to the written line.
		if (child === undefined) continue;
		if (key === 'env' && Array.isArray(child)) {
			out.env = child.map((entry: { name?: string; valueFrom?: unknown }) => ({ name: entry.name, ...(entry.valueFrom ? { valueFrom: scrub(entry.valueFrom) } : {}) }));
		} else if (key === 'annotations' && child && typeof child === 'object') {
			out.annotations = Object.fromEntries(Object.entries(child).filter(([name]) => !SECRET_ANNOTATIONS.includes(name)));
		} else {
			out[key] = scrub(child);
		}
	}
	return out as T;
}

/** Secrets never enter a recording, whatever a source emits. */
export function recordable(object: { kind?: string }): boolean {
	return object.kind !== 'Secret';
}
