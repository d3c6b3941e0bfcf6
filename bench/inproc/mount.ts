// The real console on a simulator, rendered by real Ink into metered in-memory terminals.
import { render } from 'ink';
import { performance } from 'node:perf_hooks';
import { CellWriter } from '../../source/cli/cell-writer';
import { createConsole, type Console, type Sources } from '../../source/cli/console';
import type { Simulator } from '../../source/sources/simulator';
import { FakeStdin } from '../../test/helpers/fake-terminal';
import { MeteredStdout } from './metered-stdout';

export interface Size {
	columns: number;
	rows: number;
}

/** How the CLI renders (source/cli/run-console.tsx), minus console patching, which would swallow the bench's own output. */
export const CLI_RENDER = { exitOnCtrlC: false, incrementalRendering: true, maxFps: 20, patchConsole: false } as const;
export const CLI_FRAME_INTERVAL_MS = 1000 / CLI_RENDER.maxFps;

export type RenderMode = 'incremental' | 'full' | 'debug';

const MODES: Record<RenderMode, object> = {
	incremental: CLI_RENDER,
	// What Ink writes without incremental rendering: every frame erased and written whole.
	full: { ...CLI_RENDER, incrementalRendering: false },
	// Unthrottled, one write per frame holding the complete frame: the reference for cell diffs.
	debug: { ...CLI_RENDER, incrementalRendering: false, debug: true },
};

/** A console as the CLI assembles it (default coalescing), on the given simulator. */
export function benchConsole(sim: Simulator, size: Size): Console {
	return consoleOn({ cluster: sim, metrics: sim.metrics, simulator: sim }, size, sim.now());
}

/** A console as the CLI assembles it (default coalescing), on any sources. */
export function consoleOn(sources: Sources, size: Size, now: number): Console {
	return createConsole({
		sources,
		themeName: 'dark',
		readonly: false,
		user: 'bench',
		now,
		// The bench's terminals keep their size: no resize events.
		terminal: { ...size, on: () => {}, off: () => {} },
		quit: () => {},
	});
}

export interface Mounted {
	stdout: MeteredStdout;
	stdin: FakeStdin;
	unmount(): void;
}

export function mount(console: Console, size: Size, mode: RenderMode): Mounted {
	const stdout = new MeteredStdout(size.columns, size.rows);
	const stdin = new FakeStdin();
	// As the CLI does: Ink's incremental output goes through the cell writer to the terminal.
	const writer = mode === 'incremental' ? new CellWriter(stdout) : undefined;
	const instance = render(console.element, {
		...MODES[mode],
		stdout: (writer ?? stdout) as unknown as NodeJS.WriteStream,
		stderr: new MeteredStdout(size.columns, size.rows) as unknown as NodeJS.WriteStream,
		stdin: stdin as unknown as NodeJS.ReadStream,
	});
	return {
		stdout,
		stdin,
		unmount() {
			instance.unmount();
			instance.cleanup();
			writer?.dispose();
		},
	};
}

/** Resolves once nothing has been written for `quietMs` (a frame and its trailing throttled write are done). */
export async function settle(stdout: MeteredStdout, quietMs: number, timeoutMs: number): Promise<void> {
	const deadline = performance.now() + timeoutMs;
	while (performance.now() < deadline) {
		const idle = performance.now() - stdout.lastWriteAt();
		if (stdout.writes.length > 0 && idle >= quietMs) return;
		await new Promise((resolve) => setTimeout(resolve, Math.max(1, quietMs - Math.max(0, idle))));
	}
	throw new Error(`the console did not settle within ${timeoutMs} ms`);
}
