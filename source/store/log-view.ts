// What the log pane shows, shared by the builder (what is drawn) and the keys (what scrolling
// means): the lines matching the filter, ending at the paused position or at the newest line.
import type { LogBuffer, LogEntry } from './log-buffer';

/** A case-insensitive regular expression from the filter text; null when it does not compile. */
export function compileFilter(text: string): RegExp | null {
	try {
		return new RegExp(text, 'gi');
	} catch {
		return null;
	}
}

/** Why `text` is not a valid filter, or null. */
export function filterError(text: string): string | null {
	try {
		new RegExp(text, 'i');
		return null;
	} catch (error) {
		return (error as Error).message.replace(/^Invalid regular expression: /, '');
	}
}

function matches(filter: RegExp | null, entry: LogEntry): boolean {
	if (!filter || entry.marker) return true;
	filter.lastIndex = 0;
	return filter.test(entry.text);
}

/**
 * Up to `count` matching lines ending at `anchor` (a line number; undefined: the newest), oldest
 * first. Walks back from the end, so a frame costs what it shows, not the buffer's size.
 */
export function linesEndingAt(buffer: LogBuffer, anchor: number | undefined, count: number, filter: RegExp | null): LogEntry[] {
	const out: LogEntry[] = [];
	if (buffer.size === 0) return out;
	for (let i = anchor === undefined ? buffer.size - 1 : buffer.indexOf(anchor); i >= 0 && out.length < count; i--) {
		const entry = buffer.get(i);
		if (matches(filter, entry)) out.push(entry);
	}
	return out.reverse();
}

/**
 * The anchor after scrolling `delta` matching lines from `anchor` (negative: back in time);
 * undefined when the newest line is reached (follow resumes).
 */
export function scrollAnchor(buffer: LogBuffer, anchor: number | undefined, delta: number, filter: RegExp | null): number | undefined {
	if (buffer.size === 0 || delta === Infinity) return undefined;
	let i = anchor === undefined ? buffer.size - 1 : buffer.indexOf(anchor);
	// The bottom line shown is the newest matching one.
	while (i > 0 && !matches(filter, buffer.get(i))) i--;
	const step = delta < 0 ? -1 : 1;
	let left = Math.abs(delta);
	for (let j = i + step; left > 0 && j >= 0 && j < buffer.size; j += step) {
		if (!matches(filter, buffer.get(j))) continue;
		i = j;
		left--;
	}
	if (delta > 0) {
		// At the newest matching line: follow again.
		let later = i + 1;
		while (later < buffer.size && !matches(filter, buffer.get(later))) later++;
		if (later >= buffer.size) return undefined;
	}
	return buffer.get(i).seq;
}
