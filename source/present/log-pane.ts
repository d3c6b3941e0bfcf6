// The log pane: a status line (follow/pause, lines kept and dropped, the toggles) and the visible
// log lines, each prefixed with its pod (short name, role glyph and colour) when several pods
// stream, filter matches highlighted. Only the lines that fit are built.
import { podRole } from '../domain/pod';
import type { LogMarker } from '../domain/logs';
import { selectWorkloadOfPod, selectReplicaSets, selectWorkloads, workloadKey } from '../store/selectors';
import { getObject } from '../store/cluster-state';
import type { LogEntry } from '../store/log-buffer';
import { logSession } from '../store/log-demand';
import { compileFilter, linesEndingAt } from '../store/log-view';
import type { StoreSnapshot } from '../store/store';
import type { LogView } from '../store/ui-state';
import type { ColorToken } from '../theme/theme';
import { clipLine, seg, wrapLine, type Line, type Seg } from './styled';

/** Role glyphs, so roles read without colour too. */
export const ROLE_GLYPHS: Record<string, string> = { canary: '◆', preview: '◇', stable: '●', active: '○' };
const ROLE_TONES: Record<string, ColorToken> = { canary: 'canary', preview: 'canary', stable: 'stable', active: 'stable' };
const MARKER_TONES: Record<LogMarker, ColorToken> = { restart: 'error', error: 'error', waiting: 'warn', joined: 'muted', left: 'muted' };

export interface LogPaneVM {
	title: string;
	status: Line;
	lines: Line[];
}

/** The pod's distinguishing tail: ReplicaSet hash and pod suffix (`6f7f74-n7fpp`). */
export function shortPodName(name: string): string {
	const parts = name.split('-');
	return parts.length > 2 ? parts.slice(-2).join('-') : name;
}

function prefix(entry: LogEntry, merged: boolean): Seg[] {
	if (!merged || !entry.pod) return [];
	const tone = ROLE_TONES[entry.role];
	return [seg(`${ROLE_GLYPHS[entry.role] ?? '·'} ${shortPodName(entry.pod)} `, tone, true)];
}

/** The text with the filter's matches marked. */
function highlighted(text: string, filter: RegExp | null): Seg[] {
	if (!filter) return [seg(text)];
	const out: Seg[] = [];
	let last = 0;
	filter.lastIndex = 0;
	for (let match = filter.exec(text); match; match = filter.exec(text)) {
		if (match[0].length === 0) {
			filter.lastIndex++;
			continue;
		}
		if (match.index > last) out.push(seg(text.slice(last, match.index)));
		out.push({ text: match[0], tone: 'accent', inverse: true });
		last = match.index + match[0].length;
	}
	if (last < text.length) out.push(seg(text.slice(last)));
	return out;
}

function entryLine(entry: LogEntry, view: LogView, merged: boolean, filter: RegExp | null): Line {
	if (entry.marker) return [...prefix(entry, merged), seg(entry.text, MARKER_TONES[entry.marker], entry.marker === 'restart')];
	const time = view.timestamps ? [seg(`${new Date(entry.at).toISOString()} `, 'muted')] : [];
	return [...prefix(entry, merged), ...time, ...highlighted(entry.text, filter)];
}

let lastFilter: { text: string; regex: RegExp | null } = { text: '', regex: null };
function filterOf(text: string): RegExp | null {
	if (lastFilter.text !== text) lastFilter = { text, regex: text ? compileFilter(text) : null };
	return lastFilter.regex;
}

function subject(snapshot: StoreSnapshot, view: LogView): { name: string; role?: string } {
	if (view.target.kind === 'workload') {
		const key = view.target.key;
		return { name: `${selectWorkloads(snapshot.cluster).find((w) => workloadKey(w) === key)?.metadata.name ?? key} (all pods)` };
	}
	const { namespace, name } = view.target;
	const pod = getObject(snapshot.cluster, 'Pod', namespace, name);
	const workload = selectWorkloadOfPod(snapshot.cluster, namespace, name);
	return { name, role: pod && workload ? podRole(pod, workload, selectReplicaSets(snapshot.cluster, workload)) : undefined };
}

function statusLine(snapshot: StoreSnapshot, view: LogView, width: number): Line {
	const { logs } = snapshot;
	const on = (flag: boolean, name: string) => seg(`${name}:${flag ? 'on' : 'off'} `, flag ? 'accent' : 'muted');
	const line: Line = [
		view.anchor === undefined ? seg('▼ following ', 'ok') : seg('॥ paused (G follows) ', 'warn'),
		seg(`${logs.size} lines `, 'muted'),
		...(logs.dropped ? [seg(`${logs.dropped} dropped `, 'warn')] : []),
		on(view.timestamps, 't time'),
		on(view.wrap, 'w wrap'),
		on(view.previous, 'p previous'),
		...(view.target.kind === 'workload' ? [seg(`r ${view.roles} `, view.roles === 'all' ? 'muted' : 'accent')] : []),
		...(view.container ? [seg(`c ${view.container} `, 'accent')] : []),
		...(view.filter ? [seg(`/${view.filter}/`, 'accent')] : []),
	];
	return clipLine(line, width);
}

export function buildLogPane(snapshot: StoreSnapshot, width: number, height: number): LogPaneVM {
	const view = snapshot.ui.logs;
	if (!view) return { title: 'Logs', status: [], lines: [] };
	const about = subject(snapshot, view);
	const glyph = about.role ? `${ROLE_GLYPHS[about.role]} ${about.role} ` : '';
	const title = `Logs · ${glyph}${about.name}${view.previous ? ' (previous)' : ''}`;
	const rows = Math.max(0, height - 1);
	const buffer = snapshot.logs;
	if (buffer.session !== logSession(view)) return { title, status: statusLine(snapshot, view, width), lines: [[seg('waiting for log lines…', 'muted')]] };
	const filter = filterOf(view.filter);
	const merged = view.target.kind === 'workload';
	const entries = linesEndingAt(buffer, view.anchor, rows, filter);
	const built = entries.flatMap((entry) => {
		const line = entryLine(entry, view, merged, filter);
		return view.wrap ? wrapLine(line, width) : [clipLine(line, width)];
	});
	const lines = built.slice(Math.max(0, built.length - rows));
	if (lines.length === 0) lines.push([seg(view.filter ? `no line matches /${view.filter}/` : 'no log lines yet', 'muted')]);
	return { title, status: statusLine(snapshot, view, width), lines };
}
