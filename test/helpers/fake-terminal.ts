// A terminal of a chosen size for Ink: ink-testing-library fixes 100 columns, the console's layout
// depends on the size, so the session helper brings its own stdout and stdin.
import { EventEmitter } from 'node:events';

export class FakeStdout extends EventEmitter {
	readonly isTTY = true;
	frames: string[] = [];

	constructor(
		public columns: number,
		public rows: number,
	) {
		super();
	}

	write = (frame: string): boolean => {
		this.frames.push(frame);
		return true;
	};

	lastFrame(): string {
		return this.frames.at(-1) ?? '';
	}

	resize(columns: number, rows: number): void {
		this.columns = columns;
		this.rows = rows;
		this.emit('resize');
	}
}

export class FakeStdin extends EventEmitter {
	readonly isTTY = true;
	private pending: string[] = [];

	write(data: string): void {
		this.pending.push(data);
		this.emit('readable');
	}

	read = (): string | null => this.pending.shift() ?? null;
	setEncoding(): void {}
	setRawMode(): void {}
	resume(): void {}
	pause(): void {}
	ref(): void {}
	unref(): void {}
}

/** The bytes a terminal sends for each key name the keymap uses. */
const KEY_BYTES: Record<string, string> = {
	up: '\x1b[A',
	down: '\x1b[B',
	right: '\x1b[C',
	left: '\x1b[D',
	pageup: '\x1b[5~',
	pagedown: '\x1b[6~',
	home: '\x1b[H',
	end: '\x1b[F',
	enter: '\r',
	escape: '\x1b',
	tab: '\t',
	'shift+tab': '\x1b[Z',
	backspace: '\x7f',
};

export function keyBytes(name: string): string {
	if (KEY_BYTES[name]) return KEY_BYTES[name];
	if (name.startsWith('ctrl+')) return String.fromCharCode(name.charCodeAt(5) - 96);
	return name;
}

const ANSI = /\x1b\[[0-9;?]*[ -/]*[@-~]/g;

export function stripAnsi(text: string): string {
	return text.replace(ANSI, '');
}
