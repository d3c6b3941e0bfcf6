// The log pane under a steady stream: the real console on a generated cluster with the logs of a
// workload open, its pods' streams fed synthetic lines at a fixed total rate through the console's own
// log service (the cluster source's `openLogs`, as the live source serves `pods/log`). Per rate: the
// process's CPU and the bytes the terminal receives over a window, and key → frame latency while the
// lines keep coming. The simulator's clock is frozen, so every frame is one the logs or a key caused.
import { performance } from 'node:perf_hooks';
import type { LogSink, OpenLogs } from '../../source/domain/logs';
import { findCommand } from '../../source/keymap/commands';
import { createSimulator, generateScenario } from '../../source/sources/simulator';
import { keyBytes } from '../../test/helpers/fake-terminal';
import { percentile, type Figure } from './figure';
import { KEY_LATENCY_BUDGET_MS, timeKeyPresses } from './key-latency';
import { consoleOn, mount, settle, type Size } from './mount';

export interface LogRateOptions {
	/** Total lines per second over all the workload's pods. */
	rates: number[];
	/** The rate key latency is measured at. */
	keyRate: number;
	seconds: number;
	presses: number;
	warmupPresses: number;
	size?: Size;
}

/** How often the feed hands out the lines due (a live stream arrives in chunks too). */
const FEED_INTERVAL_MS = 10;

const PATHS = ['/v1/chat/completions', '/v1/completions', '/v1/embeddings', '/health', '/metrics'];

/** Model-server output in the manner of vLLM's: mostly access lines, every 20th a throughput report; values vary as real ones do. */
function serverLine(seq: number, random: () => number): string {
	const n = (max: number) => Math.floor(random() * max);
	if (seq % 20 === 0) {
		return `INFO [metrics.py:455] Avg prompt throughput: ${(random() * 4000).toFixed(1)} tokens/s, Avg generation throughput: ${(random() * 900).toFixed(1)} tokens/s, Running: ${n(64)} reqs, Pending: ${n(8)} reqs, GPU KV cache usage: ${(random() * 100).toFixed(1)}%`;
	}
	const id = Array.from({ length: 4 }, () => n(0x10000).toString(16).padStart(4, '0')).join('');
	return `INFO:     10.244.${n(8)}.${n(250)}:${30000 + n(30000)} - "POST ${PATHS[n(PATHS.length)]} HTTP/1.1" ${random() < 0.98 ? '200 OK' : '429 Too Many Requests'} req=${id} ${n(4000)}ms`;
}

/** An `openLogs` whose open streams share `rate` lines per second, round robin. */
function syntheticLogs(rate: number): { open: OpenLogs; stop(): void } {
	const sinks = new Set<{ sink: LogSink; lastAt: number }>();
	let seq = 0;
	// A fixed-seed generator (32-bit LCG): every run streams the same lines.
	let state = 1;
	const random = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
	const line = (at: number) => ({ at, text: serverLine(seq++, random) });
	let due = 0;
	let last = performance.now();
	const timer = setInterval(() => {
		const now = performance.now();
		const streams = [...sinks];
		// Lines are due only while someone listens: no burst when the first stream opens.
		due = streams.length === 0 ? 0 : due + ((now - last) / 1000) * rate;
		last = now;
		if (streams.length === 0) return;
		const batches = streams.map(() => [] as Array<{ at: number; text: string }>);
		for (let i = 0; due >= 1; i++, due--) {
			const stream = streams[i % streams.length];
			// Strictly later than the stream's previous line: the service resumes after the last one.
			stream.lastAt = Math.max(Date.now(), stream.lastAt + 1);
			batches[i % streams.length].push(line(stream.lastAt));
		}
		streams.forEach((stream, i) => batches[i].length && stream.sink.lines(batches[i]));
	}, FEED_INTERVAL_MS);
	return {
		open(request, sink) {
			// The tail the stream starts with, a millisecond apart before now.
			const tail = request.tailLines ?? 0;
			const start = Date.now() - tail;
			const stream = { sink, lastAt: start + tail - 1 };
			if (tail) sink.lines(Array.from({ length: tail }, (_, i) => line(start + i)));
			sinks.add(stream);
			return () => sinks.delete(stream);
		},
		stop: () => clearInterval(timer),
	};
}

interface RateResult {
	cpuPercent: number;
	bytesPerSecond: number;
	latencies?: number[];
}

async function measureRate(rate: number, options: LogRateOptions, withKeys: boolean): Promise<RateResult> {
	const size = options.size ?? { columns: 120, rows: 40 };
	const sim = createSimulator(generateScenario({ workloads: 4, replicas: 20, seed: 1 }), { seed: 1, speed: 0 });
	sim.advance(90_000);
	const feed = syntheticLogs(rate);
	const console = consoleOn({ cluster: { ...sim, openLogs: feed.open }, metrics: sim.metrics, simulator: sim }, size, sim.now());
	const term = mount(console, size, 'incremental');
	try {
		await settle(term.stdout, 300, 30_000);
		// The first workload is selected: its pods' logs, merged.
		term.stdin.write(keyBytes(findCommand('logs.open').keys[0]));
		const deadline = performance.now() + 10_000;
		while (console.store.ui.focus !== 'logs' || console.store.getSnapshot().logs.size === 0) {
			if (performance.now() > deadline) throw new Error('the log pane did not open with lines');
			await new Promise((resolve) => setTimeout(resolve, 20));
		}
		// A second of the stream before the window: the buffer fills and the first frames are drawn.
		await new Promise((resolve) => setTimeout(resolve, 1000));
		const start = performance.now();
		const cpu = process.cpuUsage();
		await new Promise((resolve) => setTimeout(resolve, options.seconds * 1000));
		const used = process.cpuUsage(cpu);
		const end = performance.now();
		const elapsed = end - start;
		const result: RateResult = {
			cpuPercent: ((used.user + used.system) / 1000 / elapsed) * 100,
			bytesPerSecond: term.stdout.bytesBetween(start, end) / (elapsed / 1000),
		};
		// Timestamps on and off: every press changes every line shown, whatever the stream did.
		if (withKeys) result.latencies = await timeKeyPresses(term, options.presses, options.warmupPresses, [findCommand('logs.timestamps').keys[0]]);
		return result;
	} finally {
		term.unmount();
		console.stop();
		feed.stop();
	}
}

export async function logRateFigures(options: LogRateOptions): Promise<Figure[]> {
	const figures: Figure[] = [];
	for (const rate of options.rates) {
		const result = await measureRate(rate, options, rate === options.keyRate);
		const tag = `${rate}lps`;
		figures.push(
			{ name: `logs.cpu.${tag}`, value: result.cpuPercent, unit: '% of a core', budget: null },
			{ name: `logs.bytes_per_s.${tag}`, value: result.bytesPerSecond, unit: 'B/s', budget: null },
		);
		if (result.latencies) figures.push({ name: `logs.key_latency.p95.${tag}`, value: percentile(result.latencies, 95), unit: 'ms', budget: KEY_LATENCY_BUDGET_MS });
	}
	return figures;
}
