// Recordings of a console session and their replay: public entry points.
export { Recorder } from './recorder';
export { createRecordingFile, type RecordingFile } from './recording-file';
export { parseRecording, readRecording, type LoadedRecording } from './read-recording';
export { createReplay, type Replay } from './replay-source';
