// `--record FILE`: the sources a command runs on, wrapped so everything they deliver is also written
// to the recording. Every set of sources the console switches to is recorded the same way.
import { createRecordingFile, Recorder } from '../sources/replay';
import type { Sources } from './console';
import type { SourceChoice } from './sources';

export interface Recording {
	wrap(sources: Sources): Sources;
	close(): void;
}

export function openRecording(path: string): Recording {
	const file = createRecordingFile(path);
	const recorder = new Recorder((line) => file.append(line));
	return {
		wrap: (sources) => ({ ...sources, cluster: recorder.cluster(sources.cluster), metrics: recorder.metrics(sources.metrics) }),
		close: () => file.close(),
	};
}

/** The console's sources and every switch it can make, all recorded. */
export function recordedChoice(choice: SourceChoice, recording: Recording): SourceChoice {
	const recorded = <A extends unknown[]>(build?: (...args: A) => Sources) => build && ((...args: A) => recording.wrap(build(...args)));
	return {
		...choice,
		initial: recording.wrap(choice.initial),
		scenario: recorded(choice.scenario),
		context: recorded(choice.context),
		namespace: recorded(choice.namespace),
	};
}
