// `rolltop get` as text, shaped like `kubectl argo rollouts get rollout` (cmd/get/get_rollout.go):
// a header block of 17-column labels, then the tree of revisions, ReplicaSets and pods laid out as
// its tabwriter does (padding 2). Pod INFO adds the replica's metrics after the plugin's ready/restarts.
import { PHASE_GLYPHS } from '../domain/status';
import { fixed, formatLatency, formatMiB, formatRate } from '../present/format';
import type { PodReport, WorkloadSnapshot } from './workload-snapshot';

const STRATEGY_NAMES: Record<string, string> = { canary: 'Canary', blueGreen: 'BlueGreen', rolling: 'RollingUpdate', recreate: 'Recreate' };

const label = (text: string) => text.padEnd(17);

function headerLines(w: WorkloadSnapshot): string[] {
	const lines = [`${label('Name:')}${w.name}`, `${label('Namespace:')}${w.namespace}`, `${label('Status:')}${PHASE_GLYPHS[w.phase]} ${w.phase}`];
	if (w.message) lines.push(`${label('Message:')}${w.message}`);
	lines.push(`${label('Strategy:')}${STRATEGY_NAMES[w.strategy] ?? w.strategy}`);
	if (w.strategy === 'canary' && w.kind === 'Rollout') {
		lines.push(`${label('  Step:')}${w.step ? `${w.step.index}/${w.step.count}` : ''}`);
		lines.push(`${label('  SetWeight:')}${w.setWeight ?? ''}`, `${label('  ActualWeight:')}${w.actualWeight ?? ''}`);
	}
	w.images.forEach((image, i) => {
		const tags = image.tags.length ? ` (${image.tags.join(', ')})` : '';
		lines.push(`${label(i === 0 ? 'Images:' : '')}${image.image}${tags}`);
	});
	const r = w.replicas;
	lines.push('Replicas:');
	for (const [name, value] of [['Desired', r.desired], ['Current', r.current], ['Updated', r.updated], ['Ready', r.ready], ['Available', r.available]] as const) {
		lines.push(`${label(`  ${name}:`)}${value}`);
	}
	return lines;
}

/** The replica's metrics, short, after the plugin's `ready:1/1[,restarts:N]`. */
export function podInfo(pod: PodReport): string {
	const parts = [`ready:${pod.ready}`];
	if (pod.restarts > 0) parts.push(`restarts:${pod.restarts}`);
	const m = pod.metrics;
	if (m) {
		if (m.gpuUtil !== undefined) parts.push(`gpu:${fixed(m.gpuUtil)}%`);
		if (m.gpuMemUsed !== undefined) parts.push(`mem:${formatMiB(m.gpuMemUsed)}`);
		if (m.p99 !== undefined) parts.push(`p99:${formatLatency(m.p99)}`);
		if (m.ttft !== undefined) parts.push(`ttft:${formatLatency(m.ttft)}`);
		if (m.rps !== undefined) parts.push(`rps:${formatRate(m.rps)}`);
		if (m.errorRate !== undefined) parts.push(`err:${fixed(m.errorRate, 1)}%`);
	}
	return parts.join(',');
}

type Row = [name: string, kind: string, status: string, age: string, info: string];

function treeRows(w: WorkloadSnapshot): Row[] {
	const rows: Row[] = [[`⟳ ${w.name}`, w.kind, `${PHASE_GLYPHS[w.phase]} ${w.phase}`, w.age ?? '', '']];
	const revisions = [...new Set(w.replicaSets.map((rs) => rs.revision))];
	revisions.forEach((revision, ri) => {
		const lastRevision = ri === revisions.length - 1;
		rows.push([`${lastRevision ? '└──' : '├──'}# revision:${revision}`, '', '', '', '']);
		const indent = lastRevision ? '   ' : '│  ';
		const sets = w.replicaSets.filter((rs) => rs.revision === revision);
		sets.forEach((rs, si) => {
			const lastSet = si === sets.length - 1;
			rows.push([`${indent}${lastSet ? '└──' : '├──'}⧉ ${rs.name}`, 'ReplicaSet', `${rs.glyph} ${rs.phase}`, rs.age ?? '', rs.info]);
			const podIndent = indent + (lastSet ? '   ' : '│  ');
			rs.pods.forEach((pod, pi) => {
				const branch = pi === rs.pods.length - 1 ? '└──' : '├──';
				rows.push([`${podIndent}${branch}□ ${pod.name}`, 'Pod', `${pod.glyph} ${pod.status}`, pod.age ?? '', podInfo(pod)]);
			});
		});
	});
	return rows;
}

/** Columns as Go's tabwriter lays them out with padding 2; trailing spaces stripped as the plugin's tests do. */
function table(rows: Row[]): string[] {
	const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => [...row[c]].length)) + 2);
	return rows.map((row) => row.map((cell, c) => (c === row.length - 1 ? cell : cell + ' '.repeat(widths[c] - [...cell].length))).join('').trimEnd());
}

export function workloadText(w: WorkloadSnapshot): string {
	return [...headerLines(w), '', ...table([['NAME', 'KIND', 'STATUS', 'AGE', 'INFO'], ...treeRows(w)])].join('\n');
}

/** Every workload, one block each, separated by a blank line. */
export function snapshotText(workloads: WorkloadSnapshot[], scope: string): string {
	if (workloads.length === 0) return `No Rollouts or Deployments found in ${scope}.`;
	return workloads.map(workloadText).join('\n\n');
}

/** A frame for redrawing in place: at most `rows` lines, each cut to `columns`, so nothing scrolls. */
export function fitToScreen(text: string, columns: number, rows: number): string[] {
	return text
		.split('\n')
		.slice(0, Math.max(1, rows))
		.map((line) => [...line].slice(0, columns).join(''));
}
