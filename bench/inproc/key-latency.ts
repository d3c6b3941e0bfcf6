// Key press → next frame: the real App on a generated cluster, keys written to stdin as a terminal
// sends them, timed until the frame they cause has been written. The simulator's clock is frozen
// so every frame measured is one a key caused, not a metrics tick.
import { performance } from 'node:perf_hooks';
import { findCommand } from '../../source/keymap/commands';
import { createSimulator, generateScenario } from '../../source/sources/simulator';
import { keyBytes } from '../../test/helpers/fake-terminal';
import { percentile, type Figure } from './figure';
import { benchConsole, CLI_FRAME_INTERVAL_MS, mount, settle, type Mounted, type Size } from './mount';

export interface KeyLatencyOptions {
	replicas: number;
	workloads: number;
	presses: number;
	/** Presses before the measured ones, not counted: the first renders of a view run cold code. */
	warmupPresses?: number;
	size?: Size;
	/** Simulated seconds before the first frame, so pods are running and rollouts mid-way. */
	warmupSeconds?: number;
}

export const KEY_LATENCY_BUDGET_MS = 50;

/** Down and up the workload list in turn: every press selects another workload (even on a list of two), so the replicas, rollout and chart panes all change. */
const DOWN_AND_UP = [findCommand('nav.down').keys[0], findCommand('nav.up').keys[0]];

export async function measureKeyLatency(options: KeyLatencyOptions): Promise<number[]> {
	const size = options.size ?? { columns: 120, rows: 40 };
	const scenario = generateScenario({ workloads: options.workloads, replicas: options.replicas, seed: 1 });
	const sim = createSimulator(scenario, { seed: 1, speed: 0 });
	sim.advance((options.warmupSeconds ?? 90) * 1000);
	const console = benchConsole(sim, size);
	const term = mount(console, size, 'incremental');
	try {
		await settle(term.stdout, 300, 30_000);
		return await timeKeyPresses(term, options.presses, options.warmupPresses ?? 0);
	} finally {
		term.unmount();
		console.stop();
	}
}

/** Milliseconds from each key press (`keys` in turn, by default down and up the workload list) to the last write of the frame it caused. */
export async function timeKeyPresses(term: Mounted, presses: number, warmup: number, keys: string[] = DOWN_AND_UP): Promise<number[]> {
	const latencies: number[] = [];
	for (let i = 0; i < warmup + presses; i++) {
		const bytes = keyBytes(keys[i % keys.length]);
		// Like a person typing: the previous frame is out and the frame-rate throttle has reset.
		await settle(term.stdout, CLI_FRAME_INTERVAL_MS + 10, 10_000);
		const start = performance.now();
		const frame = term.stdout.nextWrite(10_000);
		term.stdin.write(bytes);
		await frame;
		// Ink writes a frame in several synchronous pieces (sync markers, the lines): take the last.
		await new Promise((resolve) => setImmediate(resolve));
		if (i >= warmup) latencies.push(term.stdout.lastWriteAt() - start);
	}
	return latencies;
}

export async function keyLatencyFigures(options: KeyLatencyOptions): Promise<Figure[]> {
	const latencies = await measureKeyLatency(options);
	const tag = `${options.replicas}r`;
	return [
		{ name: `key_latency.p50.${tag}`, value: percentile(latencies, 50), unit: 'ms', budget: null },
		{ name: `key_latency.p95.${tag}`, value: percentile(latencies, 95), unit: 'ms', budget: KEY_LATENCY_BUDGET_MS },
	];
}
