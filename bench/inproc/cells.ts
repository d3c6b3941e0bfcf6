// The cells of a terminal frame (character + SGR style), to count what actually changed between two
// frames: the least any renderer would have to send.
const ESCAPE = /\x1b\[([0-9;?]*)([ -/]*[@-~])/y;

type Row = Array<{ char: string; style: string }>;

interface Sgr {
	fg: string;
	bg: string;
	attrs: Set<number>;
}

/** Attribute codes and the codes that turn them off (22 ends both bold and dim). */
const ATTR_OFF: Record<number, number[]> = { 22: [1, 2], 23: [3], 24: [4], 25: [5], 27: [7], 28: [8], 29: [9] };

/** Applies one SGR sequence: the visible style matters, not the codes that produced it. */
function applySgr(state: Sgr, params: string): void {
	const codes = params === '' ? [0] : params.split(';').map(Number);
	for (let i = 0; i < codes.length; i++) {
		const code = codes[i];
		if (code === 0) {
			state.fg = '';
			state.bg = '';
			state.attrs.clear();
		} else if (code === 38 || code === 48) {
			const length = codes[i + 1] === 5 ? 2 : 4;
			const colour = codes.slice(i + 1, i + 1 + length).join(':');
			if (code === 38) state.fg = colour;
			else state.bg = colour;
			i += length;
		} else if (code === 39) state.fg = '';
		else if (code === 49) state.bg = '';
		else if ((code >= 30 && code <= 37) || (code >= 90 && code <= 97)) state.fg = String(code);
		else if ((code >= 40 && code <= 47) || (code >= 100 && code <= 107)) state.bg = String(code);
		else if (ATTR_OFF[code]) for (const attr of ATTR_OFF[code]) state.attrs.delete(attr);
		else state.attrs.add(code);
	}
}

function styleKey(state: Sgr): string {
	return `${state.fg}|${state.bg}|${[...state.attrs].sort().join(',')}`;
}

/** Rows of cells of a complete frame as Ink writes it in debug mode; escapes other than SGR are dropped. */
export function parseCells(frame: string): Row[] {
	const rows: Row[] = [];
	let row: Row = [];
	const state: Sgr = { fg: '', bg: '', attrs: new Set() };
	let style = styleKey(state);
	let i = 0;
	while (i < frame.length) {
		if (frame[i] === '\x1b') {
			ESCAPE.lastIndex = i;
			const match = ESCAPE.exec(frame);
			if (match) {
				if (match[2] === 'm') {
					applySgr(state, match[1]);
					style = styleKey(state);
				}
				i = ESCAPE.lastIndex;
				continue;
			}
		}
		const char = String.fromCodePoint(frame.codePointAt(i)!);
		i += char.length;
		if (char === '\n') {
			rows.push(row);
			row = [];
		} else {
			row.push({ char, style });
		}
	}
	if (row.length) rows.push(row);
	return rows;
}

/**
 * What changed from `previous` to `next`: the UTF-8 bytes of the changed cells (a cleared cell counts
 * as one space), and the bytes that address them — one absolute cursor position (`ESC[row;colH`) per
 * run of adjacent changed cells. Together, a floor for any renderer that does not repaint.
 */
export function changedCellBytes(previous: Row[], next: Row[]): { cells: number; addressing: number } {
	let cells = 0;
	let addressing = 0;
	for (let r = 0; r < Math.max(previous.length, next.length); r++) {
		const before = previous[r] ?? [];
		const after = next[r] ?? [];
		let inRun = false;
		for (let c = 0; c < Math.max(before.length, after.length); c++) {
			const a = before[c];
			const b = after[c];
			if (a && b && a.char === b.char && a.style === b.style) {
				inRun = false;
				continue;
			}
			if (!inRun) addressing += `\x1b[${r + 1};${c + 1}H`.length;
			inRun = true;
			cells += b ? Buffer.byteLength(b.char) : 1;
		}
	}
	return { cells, addressing };
}
