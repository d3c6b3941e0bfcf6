// The replicas table of the selected workload: pod state plus its GPU and serving metrics.
import type { Pod } from '../domain/k8s';
import type { MetricId, ReplicaSample } from '../domain/metrics';
import { podStatus, schedulingReason } from '../domain/pod';
import { severity, type ThresholdMetric, type Thresholds } from '../domain/thresholds';
import { visibleReplicas, selectedWorkload } from '../store/lists';
import { selectedRoleOf } from '../store/selection';
import type { StoreSnapshot } from '../store/store';
import type { ColorToken } from '../theme/theme';
import { DASH, fixed, formatLatency, formatMiB, formatRate, freshOrDash } from './format';
import { buildTable, fitColumns, type Cell, type ColumnSpec, type Row, type TableVM } from './table';

const COLUMNS: ColumnSpec[] = [
	{ title: 'POD', width: 22, priority: 0, flex: true, cut: 'middle' },
	{ title: 'ROLE', width: 7, priority: 0 },
	{ title: 'NODE', width: 10, priority: 6 },
	{ title: 'STATUS', width: 13, priority: 0 },
	{ title: 'RDY', width: 3, priority: 1 },
	{ title: 'RST', width: 3, priority: 2, align: 'right' },
	{ title: 'GPU%', width: 4, priority: 1, align: 'right' },
	{ title: 'MEM', width: 11, priority: 4, align: 'right' },
	{ title: 'TEMP', width: 4, priority: 7, align: 'right' },
	{ title: 'PWR', width: 4, priority: 7, align: 'right' },
	{ title: 'P50', width: 6, priority: 6, align: 'right' },
	{ title: 'P99', width: 6, priority: 1, align: 'right' },
	{ title: 'TTFT', width: 6, priority: 5, align: 'right' },
	{ title: 'RPS', width: 5, priority: 2, align: 'right' },
	{ title: 'ERR%', width: 5, priority: 2, align: 'right' },
	{ title: 'KV%', width: 4, priority: 3, align: 'right' },
	{ title: 'QUEUE', width: 5, priority: 3, align: 'right' },
	{ title: 'ITL', width: 6, priority: 5, align: 'right' },
];

/** Columns after the pod's own state (RST), one per metric cell. */
const METRIC_COLUMNS = COLUMNS.length - COLUMNS.findIndex((c) => c.title === 'GPU%');
const STATUS_COLUMN = 3;

/** STATUS grows into the name column's spare width when a scheduler's reason needs the room. */
function columnsFor(rows: Row[], width: number): ColumnSpec[] {
	const preferred = COLUMNS[STATUS_COLUMN].width;
	const need = Math.max(0, ...rows.map((row) => row.cells[STATUS_COLUMN].text.length - preferred));
	if (need === 0) return COLUMNS;
	const spare = fitColumns(COLUMNS, width).columns[0].width - COLUMNS[0].width;
	if (spare <= 0) return COLUMNS;
	return COLUMNS.map((c, i) => (i === STATUS_COLUMN ? { ...c, width: preferred + Math.min(spare, need) } : c));
}

const ROLE_TONES: Record<string, ColorToken> = { canary: 'canary', preview: 'canary', stable: 'stable', active: 'stable' };

function toneFor(t: Thresholds, metric: ThresholdMetric): (value: number | undefined) => ColorToken | undefined {
	return (value) => severity(t, metric, value);
}

function metricCells(sample: ReplicaSample | undefined, now: number, t: Thresholds): Cell[] {
	const cell = (id: MetricId, render: (v: number | undefined) => string, tone?: (v: number | undefined) => ColorToken | undefined): Cell => {
		const value = sample?.values[id];
		const shown = freshOrDash(value, sample?.at, now, render);
		return { text: shown.text, tone: shown.stale ? 'muted' : tone?.(value) };
	};
	if (!sample) return Array.from({ length: METRIC_COLUMNS }, () => ({ text: DASH, tone: 'muted' as const }));
	const gpus = sample.gpus && sample.gpus > 1 ? `×${sample.gpus}` : '';
	return [
		cell('gpuUtil', (v) => fixed(v), toneFor(t, 'gpuUtil')),
		cell('gpuMemUsed', (v) => `${formatMiB(v)}/${formatMiB(sample.values.gpuMemTotal)}${gpus}`),
		cell('gpuTemp', (v) => fixed(v), toneFor(t, 'gpuTemp')),
		cell('gpuPower', (v) => fixed(v), toneFor(t, 'gpuPower')),
		cell('p50', formatLatency, toneFor(t, 'p50')),
		cell('p99', formatLatency, toneFor(t, 'p99')),
		cell('ttft', formatLatency, toneFor(t, 'ttft')),
		cell('rps', formatRate),
		cell('errorRate', (v) => fixed(v, 1), toneFor(t, 'errorRate')),
		cell('kvCache', (v) => fixed(v), toneFor(t, 'kvCache')),
		cell('queue', (v) => fixed(v), toneFor(t, 'queue')),
		cell('itl', formatLatency, toneFor(t, 'itl')),
	];
}

const STATUS_TONES: Record<string, ColorToken> = { Running: 'ok', Completed: 'muted', Terminating: 'muted' };

function replicaRow(pod: Pod, role: string, sample: ReplicaSample | undefined, now: number, t: Thresholds): Row {
	const status = podStatus(pod);
	const reason = status.status === 'Pending' ? schedulingReason(pod) : undefined;
	const ready = status.readyCount === status.total && status.total > 0;
	const statusTone = STATUS_TONES[status.status] ?? (status.glyph === '✖' || status.glyph === '⚠' ? 'error' : 'warn');
	return {
		key: `${pod.metadata.namespace}/${pod.metadata.name}`,
		cells: [
			{ text: pod.metadata.name },
			{ text: role || DASH, tone: ROLE_TONES[role] },
			{ text: pod.spec.nodeName ?? DASH },
			// Running but not ready (starting, failing its probe): not a ✔ yet.
			{ text: `${status.status === 'Running' && !ready ? '◌' : status.glyph} ${status.status}${reason ? `: ${reason}` : ''}`, tone: status.status === 'Running' && !ready ? 'warn' : statusTone },
			{ text: status.ready, tone: ready ? undefined : 'warn' },
			{ text: String(status.restarts), tone: status.restarts > 0 ? 'warn' : undefined },
			...metricCells(sample, now, t),
		],
	};
}

export function buildReplicaTable(
	snapshot: StoreSnapshot,
	width: number,
	height: number,
	thresholds: Thresholds,
): TableVM & { selectedKey?: string; title: string } {
	const { cluster, ui, metrics } = snapshot;
	const workload = selectedWorkload(snapshot);
	const roleOf = selectedRoleOf(snapshot);
	const now = cluster.now;
	const rows = visibleReplicas(snapshot, roleOf).map((pod) =>
		replicaRow(pod, roleOf(pod), metrics.latest(pod.metadata.namespace ?? '', pod.metadata.name), now, thresholds),
	);
	const title = workload ? `Replicas · ${workload.metadata.name}` : 'Replicas';
	const empty = !workload ? 'select a workload' : ui.focus === 'replicas' && ui.filter ? `nothing matches /${ui.filter}` : 'no pods';
	return { ...buildTable(columnsFor(rows, width), rows, { width, height: height - 1, selectedKey: ui.replicaKey, empty }), title };
}
