// Styled text as data: views turn segments into <Text> without deciding any colour themselves.
import type { ColorToken } from '../theme/theme';

export interface Seg {
	text: string;
	tone?: ColorToken;
	bold?: boolean;
	inverse?: boolean;
}

export type Line = Seg[];

export function seg(text: string, tone?: ColorToken, bold?: boolean): Seg {
	return tone || bold ? { text, tone, bold } : { text };
}

export function lineLength(line: Line): number {
	return line.reduce((sum, s) => sum + s.text.length, 0);
}

/** Cuts a line to `width` characters, keeping styles. */
export function clipLine(line: Line, width: number): Line {
	const result: Line = [];
	let left = width;
	for (const s of line) {
		if (left <= 0) break;
		if (s.text.length <= left) {
			result.push(s);
			left -= s.text.length;
		} else {
			result.push({ ...s, text: `${s.text.slice(0, Math.max(0, left - 1))}…` });
			left = 0;
		}
	}
	return result;
}

/** Breaks a line into lines of at most `width` characters, at spaces where possible, keeping styles. */
export function wrapLine(line: Line, width: number): Line[] {
	if (lineLength(line) <= width || width < 8) return [line];
	const words: Seg[] = line.flatMap((s) => s.text.split(/(?<= )/).map((text) => ({ ...s, text })));
	const lines: Line[] = [[]];
	let used = 0;
	for (const word of words) {
		if (used + word.text.length > width && used > 0) {
			lines.push([]);
			used = 0;
		}
		lines[lines.length - 1].push(word);
		used += word.text.length;
	}
	return lines.map((l) => clipLine(l, width));
}
