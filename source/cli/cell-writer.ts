// Sits between Ink and the terminal: Ink's incremental renderer rewrites every line that changed,
// whole; this stream replays Ink's output into a model of the wanted screen and sends the terminal
// only the cells that differ from what it already shows (cursor jump + style + characters). On a
// slow SSH link that is several times fewer bytes for the same frames.
import { EventEmitter } from 'node:events';
import { BLANK, isNarrow, ScreenModel, type Cell } from './screen-model';

const SYNC_START = '\x1b[?2026h';
const SYNC_END = '\x1b[?2026l';
/** Unchanged cells shorter than a cursor jump are rewritten rather than jumped over. */
const MAX_GAP = 6;
/** Below this a frame cannot visibly tear, so it goes without synchronized-output markers. */
const SYNC_FROM_BYTES = 256;

export interface Terminal {
	columns: number;
	rows: number;
	isTTY?: boolean;
	write(data: string): boolean;
	on(event: 'resize', listener: () => void): unknown;
	off(event: 'resize', listener: () => void): unknown;
}

export class CellWriter extends EventEmitter {
	private readonly wanted: ScreenModel;
	/** What the terminal shows; undefined cells are unknown (after a resize or foreign output). */
	private shown: Array<Array<Cell | undefined>>;
	private shownStyle = '';
	/** Rows last written whole because of a character of unknown width: their columns may not match the model. */
	private readonly freeLayout = new Set<number>();
	readonly isTTY: boolean;

	private closed = false;

	constructor(private readonly terminal: Terminal) {
		super();
		this.isTTY = terminal.isTTY ?? true;
		this.wanted = new ScreenModel(terminal.columns, terminal.rows);
		this.shown = this.unknownScreen();
		terminal.on('resize', this.onResize);
		// Cells are written all over the screen: a visible cursor would dance. Ink's own hide
		// request arrives as part of its output, which the model absorbs.
		terminal.write('\x1b[?25l');
	}

	get columns(): number {
		return this.terminal.columns;
	}

	get rows(): number {
		return this.terminal.rows;
	}

	/** Ink's writes: modelled, then the difference goes out at once (Ink writes one chunk per frame). */
	write = (data: string): boolean => {
		if (this.closed) return true;
		this.wanted.feed(data);
		const passThrough = this.wanted.unknown.splice(0);
		if (passThrough.length) {
			this.shown = this.unknownScreen();
			this.terminal.write(`\x1b[0m${passThrough.join('')}`);
			this.shownStyle = '';
		}
		const diff = this.diff();
		if (diff) this.terminal.write(diff.length >= SYNC_FROM_BYTES ? SYNC_START + diff + SYNC_END : diff);
		return true;
	};

	/** Stops writing: whatever Ink still flushes while shutting down must not reach the terminal. */
	dispose(): void {
		this.closed = true;
		this.terminal.off('resize', this.onResize);
	}

	private readonly onResize = (): void => {
		// The terminal may have reflowed anything: clear it and repaint the whole model (clipped to
		// the new size), since Ink's incremental renderer redraws only the lines that change next.
		this.wanted.resize(this.terminal.columns, this.terminal.rows);
		this.shown = this.unknownScreen();
		this.freeLayout.clear();
		this.shownStyle = '';
		this.terminal.write(`\x1b[0m\x1b[2J${this.diff()}`);
		this.emit('resize');
	};

	private unknownScreen(): Array<Array<Cell | undefined>> {
		return Array.from({ length: this.terminal.rows }, () => new Array<Cell | undefined>(this.terminal.columns));
	}

	private diff(): string {
		let out = '';
		for (let r = 0; r < this.wanted.rows; r++) {
			const want = this.wanted.cells[r];
			const have = this.shown[r];
			if (!have) continue;
			const wide = !want.every((cell) => isNarrow(cell.ch));
			if (wide || this.freeLayout.has(r)) {
				if (want.some((cell, c) => !same(cell, have[c]))) out += this.wholeRow(r, wide);
				continue;
			}
			out += this.changedRuns(r, want, have);
		}
		// The style stays set between frames: the next frame starts from `shownStyle`.
		return out;
	}

	/** Rows with characters of unknown width are written from column 1, so the terminal lays them out. */
	private wholeRow(r: number, wide: boolean): string {
		const want = this.wanted.cells[r];
		let out = `\x1b[${r + 1};1H`;
		let end = this.wanted.columns;
		while (end > 0 && same(want[end - 1], BLANK)) end--;
		for (let c = 0; c < end; c++) out += this.cell(want[c]);
		out += this.styled('') + '\x1b[K';
		this.shown[r] = want.slice();
		if (wide) this.freeLayout.add(r);
		else this.freeLayout.delete(r);
		return out;
	}

	private changedRuns(r: number, want: Cell[], have: Array<Cell | undefined>): string {
		let out = '';
		let c = 0;
		const columns = this.wanted.columns;
		while (c < columns) {
			if (same(want[c], have[c])) {
				c++;
				continue;
			}
			// A changed run ends where MAX_GAP unchanged cells in a row begin.
			let end = c + 1;
			let gap = 0;
			for (let k = c + 1; k < columns && gap < MAX_GAP; k++) {
				if (same(want[k], have[k])) gap++;
				else {
					gap = 0;
					end = k + 1;
				}
			}
			out += `\x1b[${r + 1};${c + 1}H`;
			const rest = want.slice(c).every((cell) => same(cell, BLANK));
			if (rest) {
				// Blanking to the end of the line: one erase instead of spaces.
				out += this.styled('') + '\x1b[K';
				for (let k = c; k < columns; k++) have[k] = BLANK;
				break;
			}
			for (let k = c; k < end; k++) {
				out += this.cell(want[k]);
				have[k] = want[k];
			}
			c = end;
		}
		return out;
	}

	private cell(cell: Cell): string {
		return this.styled(cell.style) + cell.ch;
	}

	private styled(style: string): string {
		if (style === this.shownStyle) return '';
		this.shownStyle = style;
		return style ? `\x1b[0;${style}m` : '\x1b[0m';
	}
}

function same(a: Cell, b: Cell | undefined): boolean {
	return b !== undefined && a.ch === b.ch && a.style === b.style;
}
