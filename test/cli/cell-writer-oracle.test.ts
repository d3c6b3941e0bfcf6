// The cell writer judged by a real terminal emulator (xterm.js headless), not by its own screen
// model: recorded sessions of the console (keys, ticks, a theme switch, wide characters, resizes)
// are replayed chunk by chunk into one terminal as Ink wrote them and into another through the
// writer. The two must agree cell by cell — characters, widths, colours and attributes — and at
// each point Ink finished drawing, the writer's terminal must show exactly the frame Ink meant.
import { ciValue } from '../helpers/live-frames';
import chalk from 'chalk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CellWriter } from '../../source/cli/cell-writer';
import { FakeStdout } from '../helpers/fake-terminal';
import { frameScreen, recordConsole, type Action, type Recording } from '../helpers/ink-recording';
import { XtermScreen, type UnicodeVersion } from '../helpers/xterm-screen';

// Ink colours through chalk, whose level follows TERM and friends: 24-bit colour here whatever the
// environment, as current terminals get (themes are hex colours, charts the 16 named ones).
const chalkLevel = chalk.level;
chalk.level = 3;

afterAll(() => {
	if (ciValue !== undefined) process.env.CI = ciValue;
	chalk.level = chalkLevel;
});

/** CJK (two columns everywhere), an old emoji (two columns on current terminals) and a Unicode 14 one. */
const WIDE = '模型加载完成 🚀 ready 🫠';
/**
 * Characters of several code points each (combining marks, Thai vowels, a zero-width space, a
 * flag) and full/half-width forms: terminals without grapheme clustering lay them out as Ink
 * measures them, one column or two for the whole cluster.
 */
const CLUSTERS = 'café ệ ที่นี่ ใช้งาน a\u200bb 🇯🇵 Ａｶﾀ ok';

const SESSIONS: Record<string, { size: [number, number]; actions: Action[] }> = {
	'a canary at its pause: ticks, keys, help, a theme switch, wide text': {
		size: [120, 40],
		actions: [
			{ advance: 1 },
			{ advance: 1 },
			// The console opens on the canary, whose events pane shows these.
			{ event: WIDE },
			{ event: CLUSTERS },
			{ key: 'tab' },
			{ key: 'j' },
			{ key: 'c' },
			{ key: '?' },
			{ key: 'escape' },
			{ type: '/' },
			{ type: '漢字' },
			{ key: 'backspace' },
			{ key: 'escape' },
			{ type: ':theme light\r' },
			{ advance: 2 },
			{ type: ':theme high-contrast\r' },
			{ key: 'k' },
			{ advance: 3 },
		],
	},
	'resizes: taller, shorter, narrow, too small, wide again, a theme switch': {
		size: [100, 30],
		actions: [
			{ event: WIDE },
			{ resize: [100, 36] },
			{ advance: 1 },
			{ resize: [100, 26] },
			{ key: 'tab' },
			{ resize: [80, 24] },
			{ advance: 1 },
			{ resize: [60, 18] },
			{ resize: [40, 10] },
			{ resize: [132, 43] },
			{ type: '/' },
			{ type: '漢' },
			{ key: 'escape' },
			{ type: ':theme high-contrast\r' },
			{ resize: [120, 40] },
		],
	},
};

/** Cells that differ, as "row:column want … got …"; empty when the screens are the same. */
function differences(got: XtermScreen, want: XtermScreen): string[] {
	if (got.columns !== want.columns || got.rows !== want.rows) return [`size ${got.columns}x${got.rows}, want ${want.columns}x${want.rows}`];
	const wanted = want.cells().flat();
	return got
		.cells()
		.flat()
		.flatMap((cell, i) => (cell === wanted[i] ? [] : [`want ${wanted[i]}, got ${cell}`]))
		.slice(0, 12);
}

/** Replays a recording into a terminal directly and into one through the writer, checking as it goes. */
async function replay(recording: Recording, unicode: UnicodeVersion): Promise<{ chunks: number; checkpoints: number }> {
	const direct = new XtermScreen(recording.columns, recording.rows, unicode);
	const shown = new XtermScreen(recording.columns, recording.rows, unicode);
	const tty = new FakeStdout(recording.columns, recording.rows);
	tty.write = (data: string) => {
		void shown.write(data);
		return true;
	};
	const writer = new CellWriter(tty);
	// Between a resize and Ink's redraw the two may differ legitimately (Ink draws relative to where
	// the resized terminal left its cursor); they must agree again by the time Ink has finished.
	let resizing = false;
	let chunks = 0;
	let checkpoints = 0;
	try {
		for (const [index, step] of recording.steps.entries()) {
			if ('ink' in step) {
				writer.write(step.ink);
				await direct.write(step.ink);
				await shown.write('');
				if (!resizing) {
					chunks++;
					expect(differences(shown, direct), `after Ink's chunk ${index} ${JSON.stringify(step.ink.slice(0, 60))}…`).toEqual([]);
				}
			} else if ('resize' in step) {
				const [columns, rows] = step.resize;
				direct.resize(columns, rows);
				shown.resize(columns, rows);
				tty.resize(columns, rows);
				resizing = true;
			} else {
				const meant = await frameScreen(step.meant, shown.columns, shown.rows, unicode);
				await shown.write('');
				expect(differences(shown, meant), `frame at step ${index}`).toEqual([]);
				expect(differences(direct, meant), `Ink's own output at step ${index}`).toEqual([]);
				meant.dispose();
				resizing = false;
				checkpoints++;
			}
		}
	} finally {
		writer.dispose();
		direct.dispose();
		shown.dispose();
	}
	return { chunks, checkpoints };
}

describe.each(Object.entries(SESSIONS))('cell writer against xterm: %s', (_name, session) => {
	let recording: Recording;
	beforeAll(async () => {
		recording = await recordConsole(...session.size, session.actions);
	}, 120_000);

	it('records what it means to test: Ink’s frames show colours and wide characters', () => {
		const frames = recording.steps.flatMap((step) => ('meant' in step ? [step.meant] : []));
		expect(frames).toHaveLength(session.actions.length + 1);
		expect(frames.some((frame) => frame.includes(WIDE))).toBe(true);
		if (session.actions.some((action) => 'event' in action && action.event === CLUSTERS)) expect(frames.some((frame) => frame.includes(CLUSTERS))).toBe(true);
		// Theme colours in 24 bits, chart series in the 16 named colours.
		expect(frames.some((frame) => /\x1b\[38;2;\d+;\d+;\d+m/.test(frame))).toBe(true);
		expect(frames.some((frame) => /\x1b\[9[0-7]m/.test(frame))).toBe(true);
	});

	it.each(['11', '6'] as const)('shows exactly what Ink meant, chunk by chunk, with Unicode %s widths', async (unicode) => {
		const { chunks, checkpoints } = await replay(recording, unicode);
		expect(checkpoints).toBe(session.actions.length + 1);
		expect(chunks).toBeGreaterThan(session.actions.length);
	}, 60_000);
});
