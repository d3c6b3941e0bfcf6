// The replay's timeline, drawn where the key hints go: play state, speed, the playhead's offset from
// the recording's start and the recording's length, and a bar showing where the playhead is.
import type { ReplayPosition } from '../domain/source';
import { seg, type Line } from './styled';

function offset(ms: number): string {
	const total = Math.max(0, Math.floor(ms / 1000));
	const h = Math.floor(total / 3600);
	const m = String(Math.floor((total % 3600) / 60)).padStart(2, '0');
	const s = String(total % 60).padStart(2, '0');
	return h > 0 ? `${h}:${m}:${s}` : `${m}:${s}`;
}

export function buildTimeline(position: ReplayPosition, width: number): Line {
	const { start, end, at, paused, speed } = position;
	const state = `${paused ? '॥' : '▶'} ×${speed} `;
	const times = ` ${offset(at - start)} / ${offset(end - start)}`;
	const keys = '  ←→ 10s  [] 1m  Space  <> speed  g G';
	const room = width - state.length - times.length - keys.length - 2;
	const line: Line = [seg(state, 'accent', true)];
	if (room >= 10) {
		const filled = end > start ? Math.round(((at - start) / (end - start)) * room) : room;
		line.push(seg('━'.repeat(filled), 'accent'), seg('─'.repeat(room - filled), 'muted'));
	}
	line.push(seg(times), seg(width >= state.length + times.length + keys.length ? keys : '', 'muted'));
	return line;
}
