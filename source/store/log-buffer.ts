// The log pane's lines: a bounded ring (oldest lines dropped and counted), numbered so a paused
// view can keep its place while new lines arrive. Mutated in place: 1,000 lines a second must not
// copy 5,000 lines each time; `version` tells readers it changed.

export const DEFAULT_LOG_LINES = 5000;

import type { PaneLogLine } from '../domain/logs';

export interface LogEntry extends PaneLogLine {
	/** Position in the stream since the buffer was reset, 1 for the first line. */
	seq: number;
}

export type NewLogEntry = PaneLogLine;

export class LogBuffer {
	private entries: LogEntry[] = [];
	private start = 0;
	private nextSeq = 1;
	/** Which demand the lines answer (target and stream options): other lines reset the buffer. */
	session = '';
	dropped = 0;
	version = 0;

	constructor(readonly capacity = DEFAULT_LOG_LINES) {}

	get size(): number {
		return this.entries.length;
	}

	reset(session: string): void {
		this.entries = [];
		this.start = 0;
		this.nextSeq = 1;
		this.dropped = 0;
		this.session = session;
		this.version++;
	}

	push(entries: NewLogEntry[]): void {
		for (const entry of entries) {
			const full = { ...entry, seq: this.nextSeq++ };
			if (this.entries.length < this.capacity) this.entries.push(full);
			else {
				this.entries[this.start] = full;
				this.start = (this.start + 1) % this.capacity;
				this.dropped++;
			}
		}
		if (entries.length) this.version++;
	}

	/** The i-th line still kept, oldest first. */
	get(i: number): LogEntry {
		return this.entries[(this.start + i) % this.entries.length];
	}

	/** Index of the line numbered `seq`, clamped to the kept lines (-1 when empty). */
	indexOf(seq: number): number {
		if (this.entries.length === 0) return -1;
		const first = this.get(0).seq;
		return Math.max(0, Math.min(this.entries.length - 1, seq - first));
	}
}
