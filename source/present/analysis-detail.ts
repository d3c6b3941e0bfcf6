// The analysis pane: the selected Rollout's own analysis status (what it waits for, abort
// messages), then each AnalysisRun newest revision first — kind, phase, age, plugin counters — and
// per metric its last values with their age, condition, counters against limits, and message.
import { analysisGlyph, analysisRunInfo, newestFirst, rolloutRunStatuses, type AnalysisRunInfo, type MetricInfo } from '../domain/analysis-info';
import { formatAge } from '../domain/format';
import { describeWaiting, waitingFor } from '../domain/rollout-waiting';
import { withRemedy } from '../keymap/remedy';
import { selectedWorkload } from '../store/lists';
import { selectAnalysisRuns } from '../store/selectors';
import type { StoreSnapshot } from '../store/store';
import type { ColorToken } from '../theme/theme';
import { clipLine, seg, wrapLine, type Line } from './styled';

export interface AnalysisDetailVM {
	title: string;
	lines: Line[];
}

const TONES: Record<string, ColorToken> = { Successful: 'ok', Failed: 'error', Error: 'error', Inconclusive: 'warn', Pending: 'warn', Running: 'accent' };

function tone(phase: string | undefined): ColorToken | undefined {
	return TONES[phase ?? ''];
}

/** `[13.828075121350276]` → `[13.83]`: four significant digits are plenty on a terminal. */
export function compactValue(value: string): string {
	return value.replace(/-?\d+\.\d+(e-?\d+)?/g, (n) => String(Number(Number(n).toPrecision(4))));
}

function limitText(count: number, limit: number): string {
	return limit < 0 ? `${count}` : `${count}/${limit}`;
}

function metricLines(m: MetricInfo, width: number, now: number): Line[] {
	const last = m.measurements.slice(-3);
	const newest = last[last.length - 1];
	const values = last.map((x) => (x.value !== undefined ? compactValue(x.value) : analysisGlyph(x.phase))).join(' ');
	const head: Line = [
		seg(`  ${analysisGlyph(m.phase)} `, tone(m.phase)),
		seg(m.name, undefined, true),
		...(m.dryRun ? [seg(' (dry run)', 'muted')] : []),
		seg(` ${m.phase}`, tone(m.phase)),
		...(values ? [seg(`  ${values}`), seg(newest?.at !== undefined ? ` ${formatAge(Math.max(0, now - newest.at))} ago` : '', 'muted')] : []),
	];
	const condition = [m.successCondition && `✔ when ${m.successCondition}`, m.failureCondition && `✖ when ${m.failureCondition}`].filter(Boolean).join(' · ');
	const { limits } = m;
	const counters = [
		`✔ ${m.successful}`,
		`✖ ${limitText(m.failed, limits.failureLimit)}`,
		`? ${limitText(m.inconclusive, limits.inconclusiveLimit)}`,
		`⚠ ${m.error} (${limitText(m.consecutiveError, limits.consecutiveErrorLimit)} in a row)`,
		`${m.count}/${limits.count ?? '∞'} taken${m.interval ? ` every ${m.interval}` : ''}`,
	].join('  ');
	const lines: Line[] = [head];
	if (condition) lines.push([seg(`    ${condition}`, 'muted')]);
	lines.push([seg(`    ${counters}`, 'muted')]);
	const message = m.message ?? newest?.message;
	if (message) lines.push(...wrapLine([seg(`    ${message}`, m.phase === 'Successful' ? 'muted' : 'warn')], width));
	return lines;
}

function runLines(run: AnalysisRunInfo, width: number, now: number): Line[] {
	const head: Line = [
		seg(`α ${run.kind} `, undefined, true),
		seg(`${run.glyph} ${run.phase || '—'}`, tone(run.phase)),
		seg(run.createdAt !== undefined ? `  ${formatAge(Math.max(0, now - run.createdAt))}` : '', 'muted'),
		seg(run.counts ? `  ${run.counts}` : ''),
		seg(`  ${run.name}`, 'muted'),
	];
	const lines: Line[] = [head];
	if (run.message) lines.push(...wrapLine([seg(`  ${run.message}`, run.phase === 'Successful' ? 'muted' : 'error')], width));
	for (const metric of run.metrics) lines.push(...metricLines(metric, width, now));
	return lines;
}

export function buildAnalysisDetail(snapshot: StoreSnapshot, width: number, height: number): AnalysisDetailVM {
	const workload = selectedWorkload(snapshot);
	if (!workload || workload.kind !== 'Rollout') return { title: 'Analysis', lines: [[seg(workload ? 'Deployments have no analysis' : 'select a Rollout', 'muted')]] };
	const { cluster } = snapshot;
	const lines: Line[] = [];
	const waiting = describeWaiting(waitingFor(workload, cluster.now));
	if (waiting) lines.push(...wrapLine([seg('waiting: ', 'muted'), seg(withRemedy(waiting.text, waiting.remedy), workload.status?.abort ? 'error' : 'warn')], width));
	const pointers = rolloutRunStatuses(workload);
	if (pointers.length) {
		const parts = pointers.flatMap((s, i) => [seg(`${i ? ' · ' : ''}${s.label} `, 'muted'), seg(`${analysisGlyph(s.status)} ${s.status || '—'}`, tone(s.status))]);
		lines.push(...wrapLine([seg('rollout: ', 'muted'), ...parts], width));
	}
	const hint = cluster.unavailable.get('AnalysisRun');
	const runs = newestFirst(selectAnalysisRuns(cluster, workload).map(analysisRunInfo));
	if (runs.length === 0) lines.push([seg(hint ? `no AnalysisRuns — ${hint}` : 'no AnalysisRuns for this Rollout', 'muted')]);
	let revision: number | undefined;
	for (const run of runs) {
		if (run.revision !== revision) lines.push([seg(`# revision ${run.revision ?? '?'}`, 'muted', true)]);
		revision = run.revision;
		lines.push(...runLines(run, width, cluster.now));
	}
	return { title: `Analysis · ${workload.metadata.name}`, lines: lines.slice(0, height).map((l) => clipLine(l, width)) };
}
