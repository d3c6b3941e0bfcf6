// Reads a recording back into the batches its sources delivered, in order, each with its clock.
// Any line that is not what the recorder writes — cut short, edited, of another version — is one
// error naming the file and the line.
import { readFileSync } from 'node:fs';
import fastJsonPatch, { type Operation } from 'fast-json-patch';
import { InputError } from '../../domain/input-error';
import { keyOf, objectKey, type KubeObject } from '../../domain/k8s';
import { METRIC_IDS, type ReplicaSample } from '../../domain/metrics';
import type { SourceEvent } from '../../domain/source';
import { RECORDING_VERSION, type RecordedEvent, type RecordedPod, type RecordedSample, type RecordedSource } from './recording';

export type ReplayStep =
	| { t: number; type: 'events'; events: SourceEvent[] }
	| { t: number; type: 'samples'; samples: ReplicaSample[]; at: number }
	| { t: number; type: 'health'; problem: string | null }
	/** Another source began (the console switched context): what was shown before is gone. */
	| { t: number; type: 'source'; source: RecordedSource };

export interface LoadedRecording {
	source: RecordedSource;
	steps: ReplayStep[];
	start: number;
	end: number;
}

class LineError extends Error {}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Decodes lines into steps, rebuilding objects from their diffs and samples from their pod ids. */
class Decoder {
	private readonly objects = new Map<string, KubeObject>();
	private readonly pods = new Map<number, [string, string]>();

	private event(e: RecordedEvent): SourceEvent {
		if (!isObject(e) || typeof e.type !== 'string') throw new LineError('an event without a type');
		switch (e.type) {
			case 'sync':
				if (!Array.isArray(e.objects)) throw new LineError('a sync without objects');
				for (const [key, object] of this.objects) if (object.kind === e.kind) this.objects.delete(key);
				for (const object of e.objects) this.objects.set(keyOf(object), object);
				return { type: 'sync', kind: e.kind, objects: e.objects };
			case 'upsert':
				if (!isObject(e.object) || !isObject(e.object.metadata)) throw new LineError('an upsert without an object');
				this.objects.set(keyOf(e.object), e.object);
				return e;
			case 'diff': {
				const key = objectKey(e.kind, e.namespace, e.name);
				const before = this.objects.get(key);
				if (!before) throw new LineError(`a change to ${e.kind} ${e.namespace ? `${e.namespace}/` : ''}${e.name}, which the recording never showed`);
				let after: KubeObject;
				try {
					after = fastJsonPatch.applyPatch(fastJsonPatch.deepClone(before), e.ops as Operation[], true).newDocument;
				} catch (error) {
					throw new LineError(`a change that does not apply to ${e.kind} ${e.name} (${(error as Error).name})`);
				}
				this.objects.set(key, after);
				return { type: 'upsert', object: after };
			}
			case 'delete':
				this.objects.delete(objectKey(e.kind, e.namespace, e.name));
				return e;
			case 'connection':
			case 'unavailable':
			case 'clock':
			case 'error':
				return e;
			default:
				throw new LineError(`an unknown event type '${(e as { type: string }).type}'`);
		}
	}

	private sample(row: RecordedSample, at: number): ReplicaSample {
		if (!Array.isArray(row) || !Array.isArray(row[1])) throw new LineError('a malformed sample');
		const pod = this.pods.get(row[0]);
		if (!pod) throw new LineError(`a sample of pod id ${row[0]}, which the recording never named`);
		const values: ReplicaSample['values'] = {};
		METRIC_IDS.forEach((metric, i) => {
			const value = row[1][i];
			if (typeof value === 'number') values[metric] = value;
		});
		const sample: ReplicaSample = { namespace: pod[0], pod: pod[1], at: row[3] ?? at, values };
		if (typeof row[2] === 'number') sample.gpus = row[2];
		return sample;
	}

	line(data: Record<string, unknown>, t: number): ReplayStep {
		if (Array.isArray(data.events)) return { t, type: 'events', events: (data.events as RecordedEvent[]).map((e) => this.event(e)) };
		if (Array.isArray(data.samples) && typeof data.at === 'number') {
			for (const [id, namespace, pod] of (data.pods ?? []) as RecordedPod[]) this.pods.set(id, [namespace, pod]);
			const at = data.at;
			return { t, type: 'samples', at, samples: (data.samples as RecordedSample[]).map((row) => this.sample(row, at)) };
		}
		if ('health' in data) return { t, type: 'health', problem: typeof data.health === 'string' ? data.health : null };
		if (isObject(data.source)) {
			this.objects.clear();
			this.pods.clear();
			return { t, type: 'source', source: data.source as unknown as RecordedSource };
		}
		throw new LineError('a line of no known kind');
	}
}

export function parseRecording(text: string, file: string): LoadedRecording {
	const lines = text.split('\n');
	if (lines.at(-1) === '') lines.pop();
	const decoder = new Decoder();
	const steps: ReplayStep[] = [];
	let source: RecordedSource | undefined;
	lines.forEach((raw, index) => {
		const where = `${file}:${index + 1}`;
		try {
			let data: unknown;
			try {
				data = JSON.parse(raw);
			} catch {
				throw new LineError(index === lines.length - 1 && !text.endsWith('\n') ? 'the last line is cut short (the recording is truncated)' : 'not a JSON line (the recording is corrupted)');
			}
			if (!isObject(data) || typeof data.t !== 'number') throw new LineError('a line without its clock (t)');
			if (index === 0) {
				if (data.recording !== RECORDING_VERSION || !isObject(data.source)) throw new LineError(`not a rolltop recording (version ${RECORDING_VERSION})`);
				source = data.source as unknown as RecordedSource;
				return;
			}
			// Actions are part of the record for the reader; a replay does not send them again.
			if ('action' in data) return;
			steps.push(decoder.line(data, data.t));
		} catch (error) {
			if (error instanceof LineError) throw new InputError(`${where}: ${error.message}`);
			throw new InputError(`${where}: ${(error as Error).message}`);
		}
	});
	if (!source) throw new InputError(`${file}: empty, not a rolltop recording`);
	const start = steps[0]?.t ?? 0;
	return { source, steps, start, end: steps.at(-1)?.t ?? start };
}

export function readRecording(file: string): LoadedRecording {
	let text: string;
	try {
		text = readFileSync(file, 'utf8');
	} catch (error) {
		throw new InputError(`cannot read recording ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
	}
	return parseRecording(text, file);
}
