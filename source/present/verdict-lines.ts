// rolltop's verdict as the Rollout pane and the footer show it: the counter against its threshold,
// each check's canary and stable values with the limit, and the action it suggests. The store has
// counted; this only formats.
import type { Rollout } from '../domain/k8s';
import { METRIC_INFO, type MetricId } from '../domain/metrics';
import type { Workload } from '../domain/replica-set';
import { verdictState, type CheckOutcome, type CheckStatus, type VerdictCount, type VerdictState } from '../domain/verdict';
import { commandsFor } from '../keymap/commands';
import { keysLabel } from '../keymap/keys';
import { selectedWorkload } from '../store/lists';
import { workloadKey } from '../store/selectors';
import type { StoreSnapshot } from '../store/store';
import type { ColorToken } from '../theme/theme';
import { seg, type Line } from './styled';

const LABELS: Partial<Record<MetricId, string>> = { errorRate: 'error rate', itl: 'ITL', kvCache: 'KV cache', queue: 'queue' };
const COUNTER_TONES: Record<VerdictState, ColorToken> = { fail: 'error', failing: 'warn', nodata: 'warn', pass: 'ok' };
const CHECKS: Record<CheckStatus, { glyph: string; tone: ColorToken; order: number }> = {
	fail: { glyph: '✖', tone: 'error', order: 0 },
	nodata: { glyph: '?', tone: 'warn', order: 1 },
	pass: { glyph: '✔', tone: 'ok', order: 2 },
};

/** A value with its unit, spaced as prose: "13.0 s", "420 ms", "0.1 %". */
function withUnit(metric: MetricId, value: number): string {
	const unit = METRIC_INFO[metric].unit;
	if (unit === 'ms') return value >= 1000 ? `${(value / 1000).toFixed(1)} s` : `${Math.round(value)} ms`;
	if (unit === '%') return `${value.toFixed(value < 10 ? 1 : 0)} %`;
	if (unit === 'MiB') return `${(value / 1024).toFixed(1)} GiB`;
	return `${value.toFixed(value < 10 ? 1 : 0)} ${unit}`;
}

const percent = (fraction: number) => `${fraction >= 0 ? '+' : '−'}${Math.round(Math.abs(fraction) * 100)} %`;

export function checkText(outcome: CheckOutcome): string {
	const { check, canary, stable } = outcome;
	const label = LABELS[check.metric] ?? check.metric;
	if (outcome.status === 'nodata' || canary === undefined) return `${label} not enough data (${outcome.missing ?? 'no samples'})`;
	const limits: string[] = [];
	if (check.tolerance !== undefined && stable !== undefined && stable > 0) limits.push(percent(canary / stable - 1));
	if (check.tolerance !== undefined) limits.push(`limit ${percent(check.tolerance)}`);
	if (check.min !== undefined) limits.push(`min ${withUnit(check.metric, check.min)}`);
	if (check.max !== undefined) limits.push(`max ${withUnit(check.metric, check.max)}`);
	const versus = stable !== undefined ? ` vs stable ${withUnit(check.metric, stable)}` : '';
	return `${label} ${withUnit(check.metric, canary)}${versus} (${limits.join(', ')})`;
}

/** The verdict of the selected workload, when it is a Rollout under judgement. */
export function selectedVerdict(snapshot: StoreSnapshot): { workload: Workload; count: VerdictCount } | undefined {
	const workload = selectedWorkload(snapshot);
	const count = workload && snapshot.verdicts.get(workloadKey(workload));
	return workload && count ? { workload, count } : undefined;
}

function checkLine(outcome: CheckOutcome): Line {
	const look = CHECKS[outcome.status];
	return [seg(`${look.glyph} `, look.tone), seg(checkText(outcome), outcome.status === 'pass' ? undefined : look.tone)];
}

/**
 * One line with the most telling check and the counter, e.g. `✖ p99 13.0 s vs stable 6.6 s (+97 %,
 * limit +20 %) · failed checks 3/5` (`✖ FAIL · failed checks 5/5 · ✖ p99 …` once it reached the
 * threshold), then up to `more` lines for the other checks.
 */
export function verdictLines(count: VerdictCount, more: number): Line[] {
	const state = verdictState(count);
	const ordered = [...count.outcomes].sort((a, b) => CHECKS[a.status].order - CHECKS[b.status].order);
	const counter = seg(`failed checks ${count.failedChecks}/${count.threshold}`, COUNTER_TONES[state]);
	const lead: Line = [seg('verdict ', 'muted')];
	// FAIL leads with the counter, so a narrow pane that cuts the line keeps the verdict whole.
	if (state === 'fail') lead.push(seg('✖ FAIL · ', 'error', true), counter, seg(' · '));
	if (state === 'pass') lead.push(seg(`✔ ${ordered.length} checks pass`, 'ok'));
	else if (ordered[0]) lead.push(...checkLine(ordered[0]));
	else lead.push(seg('? not enough data (no checks)', 'warn'));
	if (state !== 'fail') lead.push(seg(' · '), counter);
	const rest = state === 'pass' ? ordered : ordered.slice(1);
	const lines = [lead, ...rest.slice(0, more).map((outcome) => [seg('  '), ...checkLine(outcome)])];
	if (count.problem) lines.push([seg(`  ${count.problem}`, 'warn')]);
	return lines;
}

/** What the footer suggests when the verdict is FAIL: the abort key (rolltop never acts on its own). */
export function verdictSuggestion(snapshot: StoreSnapshot): Line | undefined {
	const verdict = selectedVerdict(snapshot);
	if (!verdict || verdictState(verdict.count) !== 'fail' || (verdict.workload as Rollout).status?.abort) return undefined;
	const abort = commandsFor(snapshot.ui.readonly).find((c) => c.id === 'rollout.abort');
	const head = seg('✖ verdict FAIL: ', 'error', true);
	if (!abort) return [head, seg('abort recommended (read-only)  ', 'error')];
	return [head, seg(keysLabel(abort).split(' ')[0], 'accent', true), seg(` ${abort.hint ?? 'abort'}  `, 'error')];
}
