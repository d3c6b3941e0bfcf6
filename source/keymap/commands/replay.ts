// Playing a recording: move the playhead, pause, change the playback speed. Active only in a replay.
import type { Command, CommandEnv, KeyContext } from '../command';

/** Playback speeds offered by < and >. */
const SPEEDS = [0.25, 0.5, 1, 2, 5, 10, 30, 60];

const replayOnly = (ctx: KeyContext): string | null => (ctx.replay ? null : 'only a replay has a timeline');

function seekBy(ms: number): (env: CommandEnv) => void {
	return ({ host }) => {
		const replay = host.replay();
		if (replay) replay.seek(replay.position().at + ms);
	};
}

function seekTo(end: 'start' | 'end'): (env: CommandEnv) => void {
	return ({ host }) => {
		const replay = host.replay();
		if (replay) replay.seek(replay.position()[end]);
	};
}

function changeSpeed(step: number): (env: CommandEnv) => void {
	return ({ store, host }) => {
		const replay = host.replay();
		if (!replay) return;
		const index = SPEEDS.findIndex((s) => s >= replay.position().speed);
		const speed = SPEEDS[Math.max(0, Math.min(SPEEDS.length - 1, (index < 0 ? SPEEDS.length - 1 : index) + step))];
		replay.setSpeed(speed);
		store.flash(`replay ×${speed}`, 'info');
	};
}

const command = (id: string, keys: string[], title: string, run: (env: CommandEnv) => void): Command => ({
	id,
	keys,
	scope: 'replay',
	title,
	disabledReason: replayOnly,
	run,
});

export const REPLAY_COMMANDS: Command[] = [
	command('replay.back', ['left'], 'Replay: back 10 s', seekBy(-10_000)),
	command('replay.forward', ['right'], 'Replay: forward 10 s', seekBy(10_000)),
	command('replay.backMinute', ['['], 'Replay: back 1 min', seekBy(-60_000)),
	command('replay.forwardMinute', [']'], 'Replay: forward 1 min', seekBy(60_000)),
	command('replay.pause', [' '], 'Replay: pause or play', ({ store, host }) => {
		const replay = host.replay();
		if (!replay) return;
		const paused = !replay.position().paused;
		replay.setPaused(paused);
		store.flash(paused ? 'replay paused (space to play)' : 'replay playing', 'info');
	}),
	command('replay.slower', ['<'], 'Replay: slower', changeSpeed(-1)),
	command('replay.faster', ['>'], 'Replay: faster', changeSpeed(1)),
	command('replay.start', ['g'], 'Replay: go to the start', seekTo('start')),
	command('replay.end', ['G'], 'Replay: go to the end', seekTo('end')),
];
