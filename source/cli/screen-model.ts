// A model of a terminal screen, fed the escape sequences a full-screen Ink app writes: cursor
// moves, erases, SGR styles and text. The cell writer keeps one for what the app wants shown and
// one for what the terminal shows, and sends only the difference.

import stringWidth from 'string-width';

export interface Cell {
	ch: string;
	/** Canonical SGR parameters ("" for the default style). */
	style: string;
}

export const BLANK: Cell = { ch: ' ', style: '' };

interface Style {
	bold?: boolean;
	dim?: boolean;
	italic?: boolean;
	underline?: boolean;
	inverse?: boolean;
	strike?: boolean;
	fg?: string;
	bg?: string;
}

function canonical(style: Style): string {
	const parts: string[] = [];
	if (style.bold) parts.push('1');
	if (style.dim) parts.push('2');
	if (style.italic) parts.push('3');
	if (style.underline) parts.push('4');
	if (style.inverse) parts.push('7');
	if (style.strike) parts.push('9');
	if (style.fg) parts.push(style.fg);
	if (style.bg) parts.push(style.bg);
	return parts.join(';');
}

/** Applies SGR parameters to a style; answers false for parameters it does not know. */
function applySgr(style: Style, params: number[]): boolean {
	for (let i = 0; i < params.length; i++) {
		const p = params[i];
		if (p === 0) for (const key of Object.keys(style)) delete style[key as keyof Style];
		else if (p === 1) style.bold = true;
		else if (p === 2) style.dim = true;
		else if (p === 3) style.italic = true;
		else if (p === 4) style.underline = true;
		else if (p === 7) style.inverse = true;
		else if (p === 9) style.strike = true;
		else if (p === 22) style.bold = style.dim = false;
		else if (p === 23) style.italic = false;
		else if (p === 24) style.underline = false;
		else if (p === 27) style.inverse = false;
		else if (p === 29) style.strike = false;
		else if ((p >= 30 && p <= 37) || (p >= 90 && p <= 97)) style.fg = String(p);
		else if (p === 39) delete style.fg;
		else if ((p >= 40 && p <= 47) || (p >= 100 && p <= 107)) style.bg = String(p);
		else if (p === 49) delete style.bg;
		else if ((p === 38 || p === 48) && params[i + 1] === 5 && i + 2 < params.length) {
			style[p === 38 ? 'fg' : 'bg'] = `${p};5;${params[i + 2]}`;
			i += 2;
		} else if ((p === 38 || p === 48) && params[i + 1] === 2 && i + 4 < params.length) {
			style[p === 38 ? 'fg' : 'bg'] = `${p};2;${params[i + 2]};${params[i + 3]};${params[i + 4]}`;
			i += 4;
		} else return false;
	}
	return true;
}

const widths = new Map<string, number>();

/** Columns a character (one grapheme cluster) takes as Ink measures it (string-width). */
function width(ch: string): number {
	if (ch.length === 1 && ch >= ' ' && ch < '\x7f') return 1;
	let known = widths.get(ch);
	if (known === undefined) widths.set(ch, (known = stringWidth(ch)));
	return known;
}

/**
 * Whether a character takes exactly one column, as Ink measures it and terminals agree. A row with
 * anything else (wide CJK and emoji, clusters of several code points, whose widths terminals
 * disagree about) is written whole from column 1, so the terminal lays out the widths itself.
 */
export function isNarrow(ch: string): boolean {
	const single = ch.length === 1 || (ch.length === 2 && (ch.codePointAt(0) ?? 0) > 0xffff);
	return single && width(ch) === 1;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
/**
 * Text of these characters only (ASCII, Latin, punctuation, arrows, box drawing, shapes) has one
 * grapheme per code point — nothing in these ranges combines — so it skips the (slow) segmenter.
 */
const SIMPLE = /^[\x20-\x7e\u00a0-\u02ff\u2010-\u2027\u2030-\u205e\u2070-\u20cf\u2100-\u2bff]*$/;

function printable(ch: string): boolean {
	return ch !== '\x1b' && (ch >= ' ' || ch.charCodeAt(0) > 0x7f);
}

/** An OSC sequence ends with BEL or with ESC \\ (string terminator). */
function oscEnd(data: string, start: number): number {
	const bell = data.indexOf('\x07', start);
	const st = data.indexOf('\x1b\\', start);
	const ends = [bell >= 0 ? bell + 1 : -1, st >= 0 ? st + 2 : -1].filter((i) => i > 0);
	return ends.length ? Math.min(...ends) : data.length;
}

export class ScreenModel {
	cells: Cell[][] = [];
	row = 0;
	col = 0;
	private style: Style = {};
	private styleKey = '';
	/** Text the model could not interpret, to be passed through as is. */
	unknown: string[] = [];

	constructor(
		public columns: number,
		public rows: number,
	) {
		this.clear();
	}

	clear(): void {
		this.cells = Array.from({ length: this.rows }, () => Array.from({ length: this.columns }, () => BLANK));
		this.row = 0;
		this.col = 0;
	}

	/** Keeps what fits: after a resize Ink redraws only the lines that change. */
	resize(columns: number, rows: number): void {
		const old = this.cells;
		this.columns = columns;
		this.rows = rows;
		this.cells = Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => old[r]?.[c] ?? BLANK));
		this.row = Math.min(this.row, rows - 1);
		this.col = Math.min(this.col, columns - 1);
	}

	feed(data: string): void {
		let i = 0;
		while (i < data.length) {
			const ch = data[i];
			if (ch === '\x1b') {
				i = this.escape(data, i);
				continue;
			}
			if (ch === '\r') this.col = 0;
			else if (ch === '\n') this.lineFeed();
			else if (ch === '\b') this.col = Math.max(0, this.col - 1);
			else if (printable(ch)) {
				// A cell holds a whole grapheme cluster (e + combining accent, a flag): as many cells
				// as Ink counts columns, so a full-width row does not spill into the next.
				let end = i + 1;
				while (end < data.length && printable(data[end])) end++;
				const text = data.slice(i, end);
				if (SIMPLE.test(text)) for (const c of text) this.put(c);
				else for (const { segment } of graphemes.segment(text)) this.put(segment);
				i = end;
				continue;
			}
			i++;
		}
	}

	private put(ch: string): void {
		if (width(ch) === 0) {
			// A mark cut off from its base by a style change still belongs to the cell before it.
			const previous = this.cells[this.row][this.col - 1];
			if (previous) this.cells[this.row][this.col - 1] = { ...previous, ch: previous.ch + ch };
			return;
		}
		if (this.col >= this.columns) {
			this.col = 0;
			this.lineFeed();
		}
		this.cells[this.row][this.col] = { ch, style: this.styleKey };
		this.col++;
	}

	/** The terminal keeps ONLCR in raw mode (libuv), so a newline also returns the carriage. */
	private lineFeed(): void {
		this.col = 0;
		if (this.row < this.rows - 1) {
			this.row++;
			return;
		}
		this.cells.shift();
		this.cells.push(Array.from({ length: this.columns }, () => BLANK));
	}

	private eraseLine(mode: number): void {
		const line = this.cells[this.row];
		const [from, to] = mode === 1 ? [0, this.col + 1] : mode === 2 ? [0, this.columns] : [this.col, this.columns];
		for (let c = from; c < Math.min(to, this.columns); c++) line[c] = BLANK;
	}

	/** Parses the escape sequence at `start`; answers the index after it. */
	private escape(data: string, start: number): number {
		if (data[start + 1] !== '[') {
			// OSC, charset and other sequences: not drawn by Ink's renderer; pass them on.
			const end = data[start + 1] === ']' ? oscEnd(data, start) : start + 2;
			this.unknown.push(data.slice(start, end));
			return end;
		}
		let end = start + 2;
		while (end < data.length && !/[@-~]/.test(data[end])) end++;
		const body = data.slice(start + 2, end);
		const final = data[end];
		const next = end + 1;
		if (body.startsWith('?')) {
			// Private modes: synchronized output and cursor visibility concern the writer, not the cells.
			if (body === '?1049' || body === '?47' || body === '?1047') this.clear();
			else if (body !== '?2026' && body !== '?25') this.unknown.push(data.slice(start, next));
			return next;
		}
		const params = body === '' ? [] : body.split(';').map((p) => (p === '' ? 0 : Number(p)));
		const n = Math.max(1, params[0] ?? 1);
		switch (final) {
			case 'A':
				this.row = Math.max(0, this.row - n);
				break;
			case 'B':
				this.row = Math.min(this.rows - 1, this.row + n);
				break;
			case 'C':
				this.col = Math.min(this.columns - 1, this.col + n);
				break;
			case 'D':
				this.col = Math.max(0, this.col - n);
				break;
			case 'E':
				this.row = Math.min(this.rows - 1, this.row + n);
				this.col = 0;
				break;
			case 'F':
				this.row = Math.max(0, this.row - n);
				this.col = 0;
				break;
			case 'G':
				this.col = Math.min(this.columns - 1, n - 1);
				break;
			case 'H':
			case 'f':
				this.row = Math.min(this.rows - 1, Math.max(1, params[0] || 1) - 1);
				this.col = Math.min(this.columns - 1, Math.max(1, params[1] || 1) - 1);
				break;
			case 'K':
				this.eraseLine(params[0] ?? 0);
				break;
			case 'J':
				if ((params[0] ?? 0) >= 2) this.clear();
				else this.unknown.push(data.slice(start, next));
				break;
			case 'm':
				if (!applySgr(this.style, params.length ? params : [0])) this.unknown.push(data.slice(start, next));
				this.styleKey = canonical(this.style);
				break;
			default:
				this.unknown.push(data.slice(start, next));
		}
		return next;
	}

	/** The text of each row, for tests and debugging. */
	text(): string[] {
		return this.cells.map((line) => line.map((c) => c.ch).join('').trimEnd());
	}
}
