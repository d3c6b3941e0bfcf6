// Record & replay: the console on a recording of a simulator run shows, at time t, the frame the
// live console showed at t (all but the header's badge line and the footer row, where the replay
// draws its timeline). Moving the playhead back rebuilds the earlier frame exactly.
import { afterEach, describe, expect, it } from 'vitest';
import { clockText } from '../../source/present/format';
import { createReplay, parseRecording, Recorder } from '../../source/sources/replay';
import { createSimulator, loadScenario } from '../../source/sources/simulator';
import { renderConsole, type ConsoleSession } from '../helpers/session';

const sessions: ConsoleSession[] = [];
afterEach(() => {
	for (const session of sessions.splice(0)) session.close();
});

/** The frame without its first line (header) and last line (footer / timeline). */
const body = (frame: string) => frame.split('\n').slice(1, -1).join('\n');

async function frameAt(session: ConsoleSession, now: number): Promise<string> {
	return session.waitFor((frame) => frame.split('\n')[0].includes(clockText(now)));
}

describe('replay', () => {
	it('shows the frame the live console showed at the same instant, forwards and backwards', async () => {
		const sim = createSimulator(loadScenario('default'), { seed: 3, speed: 0 });
		const lines: string[] = [];
		const recorder = new Recorder((line) => lines.push(line));
		const live = await renderConsole({ cluster: recorder.cluster(sim), metrics: recorder.metrics(sim.metrics), simulator: sim }, { columns: 120, rows: 40, now: sim.now() });
		sessions.push(live);
		const seen = new Map<number, string>();
		// The canary starts, reaches its pause; the blue-green preview comes up: the panes all change.
		for (const seconds of [20, 45, 90]) {
			while (sim.now() - Date.UTC(2026, 0, 1) < seconds * 1000) sim.advance(1000);
			seen.set(sim.now(), body(await frameAt(live, sim.now())));
		}
		live.close();
		sessions.pop();

		const recording = parseRecording(`${lines.join('\n')}\n`, 'memory');
		const replay = createReplay(recording, 'memory', { paused: true });
		const played = await renderConsole({ cluster: replay.cluster, metrics: replay.metrics, replay }, { columns: 120, rows: 40, now: recording.start });
		sessions.push(played);
		const instants = [...seen.keys()];
		for (const at of [...instants, instants[0]]) {
			replay.seek(at);
			const frame = await frameAt(played, at);
			expect(frame.split('\n')[0]).toContain('REPLAY');
			expect(body(frame)).toBe(seen.get(at));
		}
		expect(played.frame().split('\n').at(-1)).toMatch(/॥ ×1 .* 00:20 \/ 01:30/);
	});
});
