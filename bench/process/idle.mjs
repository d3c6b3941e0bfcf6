// The bundled CLI left alone in a pty with the simulator at 1 Hz: CPU over a window, peak RSS, and the
// bytes that actually reached the terminal — the whole process, simulator included.
import { performance } from 'node:perf_hooks';
import { clockTicksPerSecond, cpuTicks, memory, spawnInPty } from '../lib/pty.mjs';

export const IDLE_CPU_BUDGET_PERCENT = { default: 2, large: 3 };
export const RSS_BUDGET_BYTES = { default: 120 * 1024 * 1024, large: 250 * 1024 * 1024 };
const SIZE = { columns: 120, rows: 40 };
// Not the steady-state figure (see output.*): the cluster is still starting up, and the pty turns \n into \r\n.
const PTY_NOTE = 'what the real CLI wrote to its pty in the same window, seconds after start';

/** First frame out, then `settleSeconds` for start-up work (JIT, first sync) to finish before measuring. */
async function measureIdle({ argv, seconds, settleSeconds }) {
	const run = spawnInPty(argv, SIZE);
	try {
		await run.waitForOutput((output) => output.includes('rolltop') && output.includes('\x1b[?2026l'), 60_000);
		run.discardOutput();
		const pid = run.programPid();
		if (!pid) throw new Error('cannot find the CLI process under script');
		await new Promise((resolve) => setTimeout(resolve, settleSeconds * 1000));
		const ticks = cpuTicks(pid);
		const bytes = run.bytes();
		const start = performance.now();
		// The measurement window itself: idle cost is what accrues while time passes.
		await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
		const elapsed = (performance.now() - start) / 1000;
		return {
			cpuPercent: ((cpuTicks(pid) - ticks) / clockTicksPerSecond() / elapsed) * 100,
			...memory(pid),
			bytesPerSecond: (run.bytes() - bytes) / elapsed,
		};
	} finally {
		await run.stop();
	}
}

const mib = (bytes) => bytes / 2 ** 20;
const fileNote = (run) => `VmHWM; ${Math.round(mib(run.fileRss))} MiB of the RSS is mapped from files (the node binary)`;

/** `large` is the path of a generated scenario file; both runs share the window (2 cores, one process each). */
export async function idleFigures({ cli, large, largeTag, seconds, settleSeconds }) {
	const [small, big] = await Promise.all([
		measureIdle({ argv: [process.execPath, cli, '--sim', '--scenario', 'default'], seconds, settleSeconds }),
		measureIdle({ argv: [process.execPath, cli, '--sim', '--scenario', large], seconds, settleSeconds }),
	]);
	const note = `${seconds} s at ${SIZE.columns}x${SIZE.rows}, simulator at 1 Hz, whole process`;
	return [
		{ name: 'idle_cpu.default', value: small.cpuPercent, unit: '% of a core', budget: IDLE_CPU_BUDGET_PERCENT.default, note },
		{ name: `idle_cpu.${largeTag}`, value: big.cpuPercent, unit: '% of a core', budget: IDLE_CPU_BUDGET_PERCENT.large, note },
		{ name: 'rss_peak.default', value: mib(small.peakRss), unit: 'MiB', budget: mib(RSS_BUDGET_BYTES.default), note: fileNote(small) },
		{ name: `rss_peak.${largeTag}`, value: mib(big.peakRss), unit: 'MiB', budget: mib(RSS_BUDGET_BYTES.large), note: fileNote(big) },
		{ name: 'pty_output.default', value: small.bytesPerSecond, unit: 'B/s', budget: null, note: PTY_NOTE },
		{ name: `pty_output.${largeTag}`, value: big.bytesPerSecond, unit: 'B/s', budget: null, note: PTY_NOTE },
	];
}

export const LIVE_IDLE_CPU_BUDGET_PERCENT = 0.5;
export const LIVE_RSS_BUDGET_BYTES = 250 * 1024 * 1024;

/** The CLI watching a big live cluster in which nothing changes (the served cluster's clock is frozen). */
export async function liveIdleFigures({ cli, kubeconfig, tag, seconds, settleSeconds }) {
	const run = await measureIdle({ argv: [process.execPath, cli, '--kubeconfig', kubeconfig, '-A'], seconds, settleSeconds });
	const note = `${seconds} s at ${SIZE.columns}x${SIZE.rows}, live cluster served over the Kubernetes API, nothing changing, no Prometheus`;
	return [
		{ name: `live.idle_cpu.${tag}`, value: run.cpuPercent, unit: '% of a core', budget: LIVE_IDLE_CPU_BUDGET_PERCENT, note },
		{ name: `live.rss_peak.${tag}`, value: mib(run.peakRss), unit: 'MiB', budget: mib(LIVE_RSS_BUDGET_BYTES), note: fileNote(run) },
	];
}
