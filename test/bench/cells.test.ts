// The changed-cells figure of the output benchmark rests on this diff: what counts as a change.
import { describe, expect, it } from 'vitest';
import { changedCellBytes, parseCells } from '../../bench/inproc/cells';

const diff = (before: string, after: string) => changedCellBytes(parseCells(before), parseCells(after)).cells;

describe('changedCellBytes', () => {
	it('is zero for identical frames', () => {
		expect(diff('ab\ncd', 'ab\ncd')).toBe(0);
	});

	it('counts the UTF-8 bytes of each changed character', () => {
		expect(diff('x 1\ny', 'x 2\ny')).toBe(1);
		expect(diff('• ok', '✔ ok')).toBe(3);
	});

	it('counts a cell whose style changed even when its character did not', () => {
		expect(diff('\x1b[32mok\x1b[39m', '\x1b[31mok\x1b[39m')).toBe(2);
		expect(diff('ok', '\x1b[1mo\x1b[22mk')).toBe(1);
	});

	it('compares the visible style, not the escape codes that produced it', () => {
		expect(diff('\x1b[1m\x1b[31mA\x1b[39m\x1b[22m', '\x1b[31;1mA\x1b[0m')).toBe(0);
		expect(diff('\x1b[38;5;208mA\x1b[39m', '\x1b[38;5;208mA\x1b[0m')).toBe(0);
		expect(diff('\x1b[38;5;208mA', '\x1b[38;5;209mA')).toBe(1);
	});

	it('ignores escapes that are not SGR (cursor, synchronized output)', () => {
		expect(diff('\x1b[?25lab', '\x1b[?2026hab\x1b[?2026l')).toBe(0);
	});

	it('addresses each run of adjacent changed cells with one cursor position', () => {
		const changed = (before: string, after: string) => changedCellBytes(parseCells(before), parseCells(after));
		expect(changed('abcdef', 'abcdef')).toEqual({ cells: 0, addressing: 0 });
		// Row 1: "XY" at column 1 and "Z" at column 5 are two runs: ESC[1;1H and ESC[1;5H, 6 bytes each.
		expect(changed('abcde', 'XYcdZ')).toEqual({ cells: 3, addressing: 12 });
		// Row 12, column 10: ESC[12;10H is 8 bytes.
		expect(changed(`${'\n'.repeat(11)}.........a`, `${'\n'.repeat(11)}.........b`)).toEqual({ cells: 1, addressing: 8 });
	});

	it('counts cells that disappear as cleared (one space each)', () => {
		expect(diff('abc\ndef', 'abc')).toBe(3);
		expect(diff('abcd', 'ab')).toBe(2);
	});
});
