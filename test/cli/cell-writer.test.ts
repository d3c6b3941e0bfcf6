// The cell writer must leave the terminal showing exactly what Ink's own output would show, with
// fewer bytes. Ink's real incremental output (the console on the simulator) is replayed into a
// screen model directly and, through the writer, into a second model acting as the terminal.
import { ciValue } from '../helpers/live-frames';
import { afterAll, describe, expect, it } from 'vitest';
import { CellWriter } from '../../source/cli/cell-writer';
import { ScreenModel } from '../../source/cli/screen-model';
import { createSimulator, loadScenario } from '../../source/sources/simulator';
import { FakeStdin, FakeStdout } from '../helpers/fake-terminal';
import { recordConsole } from '../helpers/ink-recording';
import { simulatorSources, testConsole } from '../helpers/session';

/** Ink's incremental output for a run of the console: ticks, then key presses. */
async function inkOutput(columns: number, rows: number): Promise<string[]> {
	const ticks = Array.from({ length: 8 }, () => ({ advance: 1 }));
	const keys = ['j', 'tab', 'c', '?', 'escape', 'k'].map((key) => ({ key }));
	const recording = await recordConsole(columns, rows, [...ticks, ...keys]);
	return recording.steps.flatMap((step) => ('ink' in step ? [step.ink] : []));
}

function screens(model: ScreenModel): string[] {
	return model.cells.map((line) => line.map((cell) => `${cell.style}|${cell.ch}`).join(''));
}

afterAll(() => {
	if (ciValue !== undefined) process.env.CI = ciValue;
});

describe('cell writer', () => {
	it('leaves the same screen as Ink’s own output, frame by frame, with far fewer bytes', async () => {
		const columns = 120;
		const rows = 40;
		const chunks = await inkOutput(columns, rows);
		expect(chunks.length).toBeGreaterThan(10);
		const direct = new ScreenModel(columns, rows);
		const terminal = new ScreenModel(columns, rows);
		const tty = new FakeStdout(columns, rows);
		tty.write = (data: string) => {
			terminal.feed(data);
			tty.frames.push(data);
			return true;
		};
		const writer = new CellWriter(tty);
		for (const chunk of chunks) {
			direct.feed(chunk);
			writer.write(chunk);
			expect(screens(terminal)).toEqual(screens(direct));
		}
		expect(direct.text().join('\n')).toMatch(/rolltop/);
		const inkBytes = chunks.slice(1).reduce((n, c) => n + Buffer.byteLength(c), 0);
		const writerBytes = tty.frames.slice(1).reduce((n, c) => n + Buffer.byteLength(c), 0);
		expect(writerBytes).toBeLessThan(inkBytes / 2);
	}, 60_000);

	it('follows a resize of the real flow: Ink redraws only what changed, the writer repaints the rest', async () => {
		const { render } = await import('ink');
		const sim = createSimulator(loadScenario('default'), { seed: 3, speed: 0 });
		sim.advance(30_000);
		const tty = new FakeStdout(100, 30);
		const terminal = new ScreenModel(100, 30);
		tty.write = (data: string) => {
			terminal.feed(data);
			return true;
		};
		const writer = new CellWriter(tty);
		// As the CLI wires it: the console follows the writer's resizes.
		const console = testConsole(simulatorSources(sim), { terminal: writer, now: sim.now() });
		const instance = render(console.element, { stdout: writer as unknown as NodeJS.WriteStream, stdin: new FakeStdin() as unknown as NodeJS.ReadStream, exitOnCtrlC: false, patchConsole: false, incrementalRendering: true, maxFps: 1000 });
		const until = async (test: () => boolean) => {
			for (let i = 0; i < 200 && !test(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
			return test();
		};
		try {
			expect(await until(() => /rolltop/.test(terminal.text()[0]))).toBe(true);
			for (const [columns, rows] of [[100, 36], [100, 26], [120, 40]]) {
				terminal.resize(columns, rows);
				tty.resize(columns, rows);
				const lines = () => terminal.text();
				expect(await until(() => /rolltop/.test(lines()[0]) && /Workloads/.test(lines()[1]) && /\? help/.test(lines()[rows - 2]))).toBe(true);
				expect(lines().every((line) => line.length <= columns)).toBe(true);
			}
		} finally {
			instance.unmount();
			console.stop();
		}
	});

	it('rewrites a row holding a wide character whole when it changes', () => {
		const tty = new FakeStdout(20, 3);
		const writer = new CellWriter(tty);
		writer.write('\x1b[1;1Hok ⚡ 20%');
		writer.write('\x1b[1;1Hok ⚡ 21%');
		expect(tty.frames.at(-1)).toMatch(/^\x1b\[1;1Hok ⚡ 21%/);
	});

	it('writes a row with wide characters whole, and passes unknown sequences through', () => {
		const tty = new FakeStdout(20, 3);
		const writer = new CellWriter(tty);
		writer.write('\x1b[1;1Habc 漢字 def');
		expect(tty.frames.at(-1)).toContain('\x1b[1;1Habc 漢字 def');
		writer.write('\x1b]0;title\x07');
		expect(tty.frames.join('')).toContain('\x1b]0;title\x07');
	});

	it('re-announces a resize to Ink and redraws everything after it', () => {
		const tty = new FakeStdout(10, 2);
		const writer = new CellWriter(tty);
		let resized = 0;
		writer.on('resize', () => resized++);
		writer.write('hello');
		tty.resize(12, 2);
		expect(resized).toBe(1);
		expect(writer.columns).toBe(12);
		writer.write('\x1b[1;1Hhello');
		expect(tty.frames.at(-1)).toContain('hello');
	});
});
