// A recording played back as a cluster source and a metrics source: the same batches, in the same
// order, as the recorded console received them, up to the playhead. Moving the playhead back
// empties the cluster and plays again from the start, so the store reaches exactly the state it
// had at that instant. Read-only: nothing is ever sent anywhere.
import type { PatchResponse } from '../../domain/action';
import { KINDS } from '../../domain/k8s';
import type { ReplicaSample } from '../../domain/metrics';
import type { ClusterSource, MetricsSource, ReplayControls, ReplayPosition, SourceEvent } from '../../domain/source';
import type { LoadedRecording } from './read-recording';

export interface Replay extends ReplayControls {
	cluster: ClusterSource;
	metrics: MetricsSource;
}

export interface ReplayOptions {
	/** Where the playhead starts (default: the recording's start). */
	at?: number;
	paused?: boolean;
	speed?: number;
	/** How often the playhead moves while playing, in real ms. */
	frameMs?: number;
}

export function createReplay(recording: LoadedRecording, label: string, options: ReplayOptions = {}): Replay {
	const { steps, start, end } = recording;
	const frameMs = options.frameMs ?? 100;
	let emitEvents: ((events: SourceEvent[]) => void) | undefined;
	let emitSamples: ((samples: ReplicaSample[], at: number) => void) | undefined;
	let healthListener: ((problem: string | null) => void) | undefined;
	let next = 0;
	let at = Math.min(end, Math.max(start, options.at ?? start));
	let paused = options.paused ?? false;
	let speed = options.speed ?? 1;
	let timer: ReturnType<typeof setInterval> | undefined;

	const apply = (step: (typeof steps)[number]) => {
		if (step.type === 'events') emitEvents?.(step.events);
		else if (step.type === 'samples') emitSamples?.(step.samples, step.at);
		else if (step.type === 'health') healthListener?.(step.problem);
		else emitEvents?.(KINDS.map((kind) => ({ type: 'sync', kind, objects: [] })));
	};
	/** Applies every step up to the playhead. */
	const catchUp = () => {
		while (next < steps.length && steps[next].t <= at) apply(steps[next++]);
	};
	const live = () => Boolean(emitEvents && emitSamples);
	const rewind = () => {
		// Two batches: the first empties the cluster (and with the pods, the metrics history).
		emitEvents?.(KINDS.map((kind) => ({ type: 'sync', kind, objects: [] })));
		next = 0;
	};
	const schedule = () => {
		if (timer) clearInterval(timer);
		timer = undefined;
		if (paused || !live()) return;
		timer = setInterval(() => {
			at = Math.min(end, at + frameMs * speed);
			catchUp();
			if (at >= end) {
				paused = true;
				schedule();
			}
		}, frameMs);
	};
	// The console starts the cluster source, then the metrics source: play once both listen.
	const started = () => {
		if (!live()) return;
		catchUp();
		schedule();
	};

	const cluster: ClusterSource = {
		kind: 'replay',
		label,
		...(recording.source.scope ? { scope: recording.source.scope } : {}),
		start(emit) {
			emitEvents = emit;
			started();
		},
		stop() {
			emitEvents = undefined;
			schedule();
		},
		async patch(): Promise<PatchResponse> {
			return { status: 405, message: 'a replay is read-only' };
		},
	};
	const metrics: MetricsSource = {
		label,
		start(emit) {
			emitSamples = emit;
			started();
		},
		stop() {
			emitSamples = undefined;
			schedule();
		},
		onHealth(listener) {
			healthListener = listener;
		},
	};
	return {
		cluster,
		metrics,
		position: (): ReplayPosition => ({ start, end, at, paused, speed }),
		seek(target) {
			const clamped = Math.min(end, Math.max(start, target));
			if (clamped < at || (next > 0 && clamped < steps[next - 1].t)) rewind();
			at = clamped;
			if (live()) catchUp();
		},
		setPaused(value) {
			paused = value;
			schedule();
		},
		setSpeed(value) {
			speed = value;
		},
	};
}
