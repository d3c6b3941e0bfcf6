// The rollout pane: status line, what the workload waits for, the step list with the current step
// marked, its revisions/ReplicaSets, and the controller's message.
import type { Remedy } from '../domain/action';
import { imageTag } from '../domain/format';
import { analysisGlyph, rolloutRunStatuses } from '../domain/analysis-info';
import type { CanaryStep, Rollout } from '../domain/k8s';
import { replicaSetNote, type Workload } from '../domain/replica-set';
import type { RolloutStatus } from '../domain/rollout';
import { canarySteps } from '../domain/rollout-steps';
import { describeWaiting } from '../domain/rollout-waiting';
import { keyFor } from '../keymap/commands';
import { withRemedy } from '../keymap/remedy';
import { selectedWorkload } from '../store/lists';
import { selectAutoscaler } from '../store/autoscaler-selectors';
import { selectPendingReplicas, selectReplicaSets } from '../store/selectors';
import type { StoreSnapshot } from '../store/store';
import { clipLine, seg, wrapLine, type Line } from './styled';
import { selectedVerdict, verdictLines } from './verdict-lines';
import { workloadStatus, type WorkloadStatus } from '../domain/workload-status';
import { PHASE_TONES } from './workload-status';

const DEPLOYMENT_RESUMES: Remedy = { action: 'resume', verb: 'resume' };

export interface RolloutDetailVM {
	title: string;
	lines: Line[];
}

function stepText(step: CanaryStep): string {
	if (step.setWeight !== undefined) return `setWeight ${step.setWeight}`;
	if (step.pause) return step.pause.duration === undefined ? 'pause (until promoted)' : `pause ${step.pause.duration}`;
	if (step.analysis) return 'analysis';
	if (step.experiment) return 'experiment';
	if (step.setCanaryScale) return 'setCanaryScale';
	return Object.keys(step)[0] ?? 'step';
}

function stepLines(workload: Workload, status: WorkloadStatus, room: number): Line[] {
	if (workload.kind !== 'Rollout') return [];
	const steps = canarySteps(workload);
	if (steps.length === 0) return [];
	const current = (status as RolloutStatus).step?.index ?? steps.length;
	const lines = steps.map((step, i): Line => {
		const marker = i < current ? seg(' ✔ ', 'ok') : i === current ? seg(' ▶ ', 'accent', true) : seg('   ', 'muted');
		const text = `${i + 1}. ${stepText(step)}`;
		return [marker, i === current ? seg(text, 'accent', true) : seg(text, i < current ? 'muted' : undefined)];
	});
	if (lines.length <= room) return lines;
	const start = Math.min(Math.max(0, current - Math.floor(room / 2)), lines.length - room);
	return lines.slice(start, start + room);
}

function revisionLines(status: WorkloadStatus, now: number): Line[] {
	const shown = status.replicaSets.filter((rs) => rs.replicas > 0 || rs.desired > 0 || rs.tags.length > 0);
	const notes = shown.map(
		(rs) => replicaSetNote(rs, now) || (rs === status.replicaSets[0] && status.kind === 'Deployment' ? 'new' : 'old'),
	);
	const noteWidth = Math.max(8, ...notes.map((note) => note.length + 1));
	return shown.map((rs, i): Line => {
		const tag = rs.tags[0];
		const tone = tag === 'canary' || tag === 'preview' ? 'canary' : tag === 'stable' || tag === 'active' ? 'stable' : 'muted';
		const image = rs.images[0] ? imageTag(rs.images[0]) : '';
		return [
			seg(` rev ${String(rs.revision).padEnd(3)} `),
			seg(notes[i].padEnd(noteWidth), tone),
			seg(`${rs.glyph} `, PHASE_TONES[rs.phase]),
			seg(`${rs.available}/${rs.desired} `.padEnd(7)),
			seg(image.padEnd(10)),
			seg(` ${rs.name}`, 'muted'),
		];
	});
}

function headline(workload: Workload, status: WorkloadStatus, verdict: Line[]): Line[] {
	const lines: Line[] = [
		[seg(`${status.glyph} ${status.phase}`, PHASE_TONES[status.phase], true), seg(`  ${status.kind === 'Deployment' ? 'rolling' : status.strategy}`), seg(`  ${workload.metadata.namespace}`, 'muted')],
	];
	if (status.kind === 'Rollout') {
		const ro = status as RolloutStatus;
		const parts: string[] = [];
		if (ro.step) parts.push(`step ${ro.step.index}/${ro.step.count}`);
		if (ro.setWeight !== undefined) parts.push(`weight set ${ro.setWeight}% · actual ${ro.actualWeight ?? 0}%`);
		if (parts.length) lines.push([seg(parts.join(' · '), 'canary')]);
		lines.push(...verdict);
		const waiting = describeWaiting(ro.waitingFor);
		if (waiting) lines.push([seg('waiting: ', 'muted'), seg(withRemedy(waiting.text, waiting.remedy), ro.waitingFor?.kind === 'aborted' ? 'error' : 'warn')]);
		const runs = rolloutRunStatuses(workload as Rollout);
		if (runs.length) lines.push([seg('analysis: ', 'muted'), ...runs.map((r, i) => seg(`${i ? ' · ' : ''}${r.label} ${analysisGlyph(r.status)} ${r.status || '—'}`)), seg(`  ${keyFor('view.analysis')}: details`, 'muted')]);
	} else if (status.paused) {
		lines.push([seg('waiting: ', 'muted'), seg(withRemedy('paused', DEPLOYMENT_RESUMES), 'warn')]);
	}
	const { ready, desired, updated, available } = status.replicas;
	lines.push([seg(`${desired} desired · ${updated} updated · ${ready} ready · ${available} available`, 'muted')]);
	// The controller's message often just repeats the pause reason already shown as "waiting".
	const repeated = lines.some((line) => line.some((s) => status.message && s.text.includes(status.message)));
	if (status.message && !repeated) lines.push([seg(status.message, status.phase === 'Degraded' ? 'error' : 'muted')]);
	return lines;
}

const CONDITION_ORDER = ['AbleToScale', 'ScalingActive', 'ScalingLimited'];

/** The autoscaler beside the workload: counts, TARGETS as kubectl prints them, last scale, conditions. */
function autoscalerLines(snapshot: StoreSnapshot, workload: Workload): Line[] {
	const { cluster } = snapshot;
	const autoscaler = selectAutoscaler(cluster, workload);
	if (!autoscaler) {
		// A namespace-scoped user may not list HPAs: say so here, once, rather than nothing.
		const hint = cluster.unavailable.get('HorizontalPodAutoscaler');
		return hint?.startsWith('not permitted') ? [[seg(`autoscaler: ${hint}`, 'muted')]] : [];
	}
	if (autoscaler.problem) return [[seg(`${autoscaler.name}: `, 'muted'), seg(autoscaler.problem, 'error')]];
	const counts = `${autoscaler.currentReplicas ?? '?'}→${autoscaler.desiredReplicas ?? '?'} (min ${autoscaler.minReplicas} max ${autoscaler.maxReplicas})`;
	const head: Line = [seg(`${autoscaler.name} `, 'accent'), seg(counts), seg(` · ${autoscaler.targets ?? '<none>'}`, 'canary')];
	if (autoscaler.lastScale) head.push(seg(` · scaled ${autoscaler.lastScale}`, 'muted'));
	const conditions = [...autoscaler.conditions].sort((a, b) => CONDITION_ORDER.indexOf(a.type) - CONDITION_ORDER.indexOf(b.type));
	const flags: Line = conditions.flatMap((c, i) => {
		const bad = c.status === 'False' && c.type !== 'ScalingLimited';
		const limited = c.type === 'ScalingLimited' && c.status === 'True';
		return [seg(i ? ' · ' : '  ', 'muted'), seg(`${c.type} ${c.reason ?? c.status}`, bad ? 'error' : limited ? 'warn' : 'muted')];
	});
	return flags.length ? [head, flags] : [head];
}

export function buildRolloutDetail(snapshot: StoreSnapshot, width: number, height: number): RolloutDetailVM {
	const workload = selectedWorkload(snapshot);
	if (!workload) return { title: 'Rollout', lines: [[seg('select a workload', 'muted')]] };
	const { cluster } = snapshot;
	const status = workloadStatus(workload, selectReplicaSets(cluster, workload), cluster.now);
	// Every check when the pane has room, else the most telling one.
	const verdict = selectedVerdict(snapshot);
	const verdictShown = verdict ? verdictLines(verdict.count, height >= 20 ? Infinity : 0) : [];
	const pending = selectPendingReplicas(cluster, workload);
	const pendingLine: Line[] = pending.count ? [[seg(`⚠ ${pending.count} pending: `, 'warn', true), seg(pending.reason ?? 'waiting for the scheduler', 'warn')]] : [];
	const head = [...headline(workload, status, verdictShown), ...pendingLine, ...autoscalerLines(snapshot, workload)].flatMap((line) => wrapLine(line, width));
	const revisions = revisionLines(status, cluster.now);
	const room = Math.max(0, height - head.length - revisions.length - 2);
	const steps = stepLines(workload, status, room);
	const lines = [
		...head,
		...(steps.length ? [[seg('steps', 'muted', true)], ...steps] : []),
		...(revisions.length ? [[seg('revisions', 'muted', true)], ...revisions] : []),
	];
	return { title: `${workload.kind} · ${workload.metadata.name}`, lines: lines.slice(0, height).map((l) => clipLine(l, width)) };
}
