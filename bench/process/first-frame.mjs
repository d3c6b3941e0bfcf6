// Time to first frame of the bundled CLI on the simulator, in a real pty, next to `node -e 0`
// started the same way in the same run: the ratio travels between machines, the milliseconds don't.
import { median } from '../lib/stats.mjs';
import { spawnInPty } from '../lib/pty.mjs';

export const FIRST_FRAME_BUDGET_MS = 250;
/** Start-up is judged against bare Node started the same way: the ratio travels between machines. */
export const FIRST_FRAME_RATIO_BUDGET = 2.5;
const SIZE = { columns: 120, rows: 40 };
const ENTER_ALT_SCREEN = '\x1b[?1049h';
const END_SYNCHRONIZED_UPDATE = '\x1b[?2026l';

/** The first frame is complete when Ink closes its first synchronized update after the alternate screen opened. */
function firstFrameDone(output) {
	const screen = output.indexOf(ENTER_ALT_SCREEN);
	return screen >= 0 && output.includes('rolltop', screen) && output.includes(END_SYNCHRONIZED_UPDATE, screen);
}

async function firstFrameMs(cli) {
	const run = spawnInPty([process.execPath, cli, '--sim'], SIZE);
	try {
		const at = await run.waitForOutput(firstFrameDone, 15_000);
		return at - run.startedAt;
	} finally {
		await run.stop();
	}
}

async function runToExitMs(argv) {
	const run = spawnInPty(argv, SIZE);
	const { code, at } = await run.exited;
	if (code !== 0) throw new Error(`${argv.slice(1).join(' ')} in a pty exited with ${code}`);
	return at - run.startedAt;
}

export async function firstFrameFigures({ cli, runs }) {
	const frames = [];
	const bare = [];
	// `--version` loads the whole bundle and exits: the rest of the first frame is start-up work.
	const loads = [];
	// Interleaved, so a busy moment on the machine weighs on all alike.
	for (let i = 0; i < runs; i++) {
		bare.push(await runToExitMs([process.execPath, '-e', '0']));
		loads.push(await runToExitMs([process.execPath, cli, '--version']));
		frames.push(await firstFrameMs(cli));
	}
	const frame = median(frames);
	const node = median(bare);
	const note = `median of ${runs}, each in a fresh ${SIZE.columns}x${SIZE.rows} pty (script + sh + stty included in both)`;
	return [
		{ name: 'first_frame', value: frame, unit: 'ms', budget: FIRST_FRAME_BUDGET_MS, note },
		{ name: 'first_frame.node_e0', value: node, unit: 'ms', budget: null, note },
		{ name: 'first_frame.cli_version', value: median(loads), unit: 'ms', budget: null, note: '`rolltop --version`: loading the bundle, no console' },
		{ name: 'first_frame.ratio_to_node', value: frame / node, unit: 'x', budget: FIRST_FRAME_RATIO_BUDGET },
	];
}
