// Steady-state bytes per second on the wire: the default simulated cluster ticking at 1 Hz, rendered
// at once by three real Ink instances on the same console — as the CLI renders (incremental), as
// Ink renders without incremental rendering (full redraw), and in debug mode, whose complete frames
// give the cells that changed from one frame to the next.
import { performance } from 'node:perf_hooks';
import { createSimulator, loadScenario } from '../../source/sources/simulator';
import { stripAnsi } from '../../test/helpers/fake-terminal';
import { changedCellBytes, parseCells } from './cells';
import type { Figure } from './figure';
import type { Write } from './metered-stdout';
import { benchConsole, mount, settle, type Size } from './mount';

export interface OutputRateOptions {
	size: Size;
	/** Measured wall-clock seconds (the simulator runs in real time, one tick per second). */
	seconds: number;
	scenario?: string;
	/** Simulated seconds before rendering starts: pods up, traffic settled. */
	warmupSeconds?: number;
}

export const OUTPUT_BUDGET_BYTES_PER_S = 3 * 1024;
/** Output against the changed cells plus the bytes that address them. */
export const OUTPUT_BUDGET_CHANGED_RATIO = 1.5;

export interface OutputRate {
	incremental: number;
	fullRedraw: number;
	changedCells: number;
	/** Changed cells plus one cursor position per run of them. */
	addressedCells: number;
	framesPerSecond: number;
}

/** Complete frames among debug-mode writes (cursor and sync markers hold no cells). */
function frames(writes: Write[]): string[] {
	return writes.map((w) => w.text).filter((text) => stripAnsi(text).length > 0);
}

export async function measureOutputRate(options: OutputRateOptions): Promise<OutputRate> {
	const sim = createSimulator(loadScenario(options.scenario ?? 'default'), { seed: 1, speed: 1 });
	sim.advance((options.warmupSeconds ?? 180) * 1000);
	const console = benchConsole(sim, options.size);
	const incremental = mount(console, options.size, 'incremental');
	const full = mount(console, options.size, 'full');
	const debug = mount(console, options.size, 'debug');
	try {
		await Promise.all([incremental, full, debug].map((term) => settle(term.stdout, 300, 30_000)));
		const start = performance.now();
		const before = debug.stdout.writes.length;
		// The measurement window itself: real time has to pass for the 1 Hz updates to happen.
		await new Promise((resolve) => setTimeout(resolve, options.seconds * 1000));
		const end = performance.now();
		// Frames up to the end of the window; the last one before it is where the diffs start.
		const all = frames(debug.stdout.writes.slice(0, debug.stdout.writes.findLastIndex((w) => w.at < end) + 1));
		const baseline = frames(debug.stdout.writes.slice(0, before)).length;
		let changed = 0;
		let addressing = 0;
		let previous = parseCells(all[baseline - 1] ?? '');
		for (const frame of all.slice(baseline)) {
			const cells = parseCells(frame);
			const diff = changedCellBytes(previous, cells);
			changed += diff.cells;
			addressing += diff.addressing;
			previous = cells;
		}
		const perSecond = (bytes: number) => bytes / ((end - start) / 1000);
		return {
			incremental: perSecond(incremental.stdout.bytesBetween(start, end)),
			fullRedraw: perSecond(full.stdout.bytesBetween(start, end)),
			changedCells: perSecond(changed),
			addressedCells: perSecond(changed + addressing),
			framesPerSecond: perSecond(all.length - baseline),
		};
	} finally {
		for (const term of [incremental, full, debug]) term.unmount();
		console.stop();
	}
}

export async function outputRateFigures(options: OutputRateOptions): Promise<Figure[]> {
	const rate = await measureOutputRate(options);
	const tag = `${options.size.columns}x${options.size.rows}`;
	return [
		{ name: `output.${tag}.incremental`, value: rate.incremental, unit: 'B/s', budget: OUTPUT_BUDGET_BYTES_PER_S },
		{ name: `output.${tag}.full_redraw`, value: rate.fullRedraw, unit: 'B/s', budget: null },
		{ name: `output.${tag}.changed_cells`, value: rate.changedCells, unit: 'B/s', budget: null },
		{ name: `output.${tag}.changed_cells_addressed`, value: rate.addressedCells, unit: 'B/s', budget: null, note: 'changed cells plus one cursor position per run of them' },
		{
			name: `output.${tag}.incremental_to_changed`,
			value: rate.addressedCells > 0 ? rate.incremental / rate.addressedCells : null,
			unit: 'x',
			budget: OUTPUT_BUDGET_CHANGED_RATIO,
			...(rate.addressedCells > 0 ? { note: 'against the changed cells with their addressing' } : { note: 'no cell changed during the window' }),
		},
		{ name: `output.${tag}.frames`, value: rate.framesPerSecond, unit: 'frames/s', budget: null },
	];
}
