// A recording on disk: created (or emptied) when recording starts, then only appended to, a line at
// a time, so a recording cut short by a crash is still readable up to its last whole line.
import { closeSync, openSync, writeSync } from 'node:fs';
import { InputError } from '../../domain/input-error';

export interface RecordingFile {
	append(line: string): void;
	close(): void;
}

export function createRecordingFile(path: string): RecordingFile {
	let fd: number | undefined;
	try {
		fd = openSync(path, 'w', 0o600);
	} catch (error) {
		throw new InputError(`cannot write recording ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
	}
	return {
		append(line) {
			if (fd !== undefined) writeSync(fd, `${line}\n`);
		},
		close() {
			if (fd !== undefined) closeSync(fd);
			fd = undefined;
		},
	};
}
