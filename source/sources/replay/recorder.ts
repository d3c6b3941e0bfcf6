// Records what a cluster source and a metrics source deliver, unchanged for their consumer: each
// batch becomes one line, object updates become diffs against the version written before.
import fastJsonPatch from 'fast-json-patch';
import type { PatchRequest, PatchResponse } from '../../domain/action';
import { keyOf, objectKey, type KubeObject } from '../../domain/k8s';
import { METRIC_IDS, podKey, type ReplicaSample } from '../../domain/metrics';
import type { ClusterSource, MetricsSource, SourceEvent } from '../../domain/source';
import { RECORDING_VERSION, recordable, scrub, type RecordedEvent, type RecordedPod, type RecordedSample, type RecordingLine } from './recording';

export class Recorder {
	private readonly written = new Map<string, KubeObject>();
	private readonly podIds = new Map<string, number>();
	private t: number | undefined;
	private started = false;

	constructor(
		private readonly write: (line: string) => void,
		private readonly wallNow: () => number = Date.now,
	) {}

	private line(line: Omit<RecordingLine, 't'>): void {
		this.write(JSON.stringify({ t: this.t ?? this.wallNow(), ...line }));
	}

	/** A source begins: the first one heads the file, later ones (a switched context) mark the switch. */
	private begin(cluster: ClusterSource): void {
		const source = { kind: cluster.kind, label: cluster.label, ...(cluster.scope ? { scope: cluster.scope } : {}) };
		this.written.clear();
		this.podIds.clear();
		this.line(this.started ? { source } : { recording: RECORDING_VERSION, source });
		this.started = true;
	}

	private toRecorded(event: SourceEvent): RecordedEvent | undefined {
		switch (event.type) {
			case 'sync': {
				const objects = event.objects.filter(recordable).map(scrub);
				for (const [key, object] of this.written) if (object.kind === event.kind) this.written.delete(key);
				for (const object of objects) this.written.set(keyOf(object), object);
				return { type: 'sync', kind: event.kind, objects };
			}
			case 'upsert': {
				if (!recordable(event.object)) return undefined;
				const object = scrub(event.object);
				const key = keyOf(object);
				const before = this.written.get(key);
				this.written.set(key, object);
				if (!before) return { type: 'upsert', object };
				const { kind, metadata: { namespace, name } } = object;
				return { type: 'diff', kind, ...(namespace !== undefined ? { namespace } : {}), name, ops: fastJsonPatch.compare(before, object) };
			}
			case 'delete':
				if (!recordable(event)) return undefined;
				this.written.delete(objectKey(event.kind, event.namespace, event.name));
				return event;
			default:
				return event;
		}
	}

	events(events: SourceEvent[]): void {
		const clock = events.findLast((e) => e.type === 'clock');
		if (clock?.type === 'clock') this.t = clock.now;
		const recorded = events.map((e) => this.toRecorded(e)).filter((e): e is RecordedEvent => e !== undefined);
		if (recorded.length) this.line({ events: recorded });
	}

	samples(samples: ReplicaSample[], at: number): void {
		this.t = Math.max(this.t ?? at, at);
		const pods: RecordedPod[] = [];
		const compact = samples.map((s): RecordedSample => {
			const key = podKey(s.namespace, s.pod);
			let id = this.podIds.get(key);
			if (id === undefined) {
				this.podIds.set(key, (id = this.podIds.size));
				pods.push([id, s.namespace, s.pod]);
			}
			const row: RecordedSample = [id, METRIC_IDS.map((metric) => s.values[metric] ?? null)];
			if (s.gpus !== undefined || s.at !== at) row.push(s.gpus ?? null);
			if (s.at !== at) row.push(s.at);
			return row;
		});
		this.line({ samples: compact, at, ...(pods.length ? { pods } : {}) });
	}

	cluster(source: ClusterSource): ClusterSource {
		const recordPatch = async (request: PatchRequest): Promise<PatchResponse> => {
			const response = await source.patch(request);
			this.line({ action: scrub(request), result: { status: response.status, ...(response.message ? { message: response.message } : {}) } });
			return response;
		};
		return {
			kind: source.kind,
			label: source.label,
			scope: source.scope,
			start: (emit) => {
				this.begin(source);
				source.start((events) => {
					this.events(events);
					emit(events);
				});
			},
			stop: () => source.stop(),
			patch: recordPatch,
			...(source.canI ? { canI: source.canI.bind(source) } : {}),
		};
	}

	metrics(source: MetricsSource): MetricsSource {
		return {
			label: source.label,
			start: (emit) =>
				source.start((samples, at) => {
					this.samples(samples, at);
					emit(samples, at);
				}),
			stop: () => source.stop(),
			...(source.backfill ? { backfill: source.backfill.bind(source) } : {}),
			...(source.onHealth
				? {
						onHealth: (listener: (problem: string | null) => void) =>
							source.onHealth!((problem) => {
								this.line({ health: problem });
								listener(problem);
							}),
					}
				: {}),
		};
	}
}
