// The Nodes pane: one row per node (status, GPU model, GPUs allocated/allocatable, CPU and memory
// requests, pods, taints, age) under the scope's GPU summary, and the selected node's pods.
import { gpuRequest, gpuSummary, gpuSummaryText, type NodeCapacity } from '../domain/node-capacity';
import type { NodeSample } from '../domain/node-metrics';
import { podStatus } from '../domain/pod';
import { selectedNode, visibleNodes } from '../store/lists';
import { selectGpuPendingPods, selectNodes, selectPodsOnNode } from '../store/node-selectors';
import { selectWorkloadOfPod } from '../store/selectors';
import type { StoreSnapshot } from '../store/store';
import type { ColorToken } from '../theme/theme';
import { seg, type Line } from './styled';
import { DASH, fixed, freshOrDash } from './format';
import { buildTable, type Cell, type ColumnSpec, type Row, type TableVM } from './table';

const NODE_COLUMNS: ColumnSpec[] = [
	// Widened to the longest status shown (SchedulingDisabled only when a node is cordoned).
	{ title: 'STATUS', width: 8, priority: 0 },
	{ title: 'NAME', width: 16, priority: 0, flex: true, cut: 'middle' },
	{ title: 'GPU MODEL', width: 14, priority: 2 },
	{ title: 'GPUS', width: 5, priority: 0, align: 'right' },
	{ title: 'MIG', width: 5, priority: 5, align: 'right' },
	{ title: 'CPU%', width: 4, priority: 3, align: 'right' },
	{ title: 'MEM%', width: 4, priority: 3, align: 'right' },
	{ title: 'PODS', width: 4, priority: 4, align: 'right' },
	{ title: 'UTIL', width: 4, priority: 3, align: 'right' },
	{ title: 'TEMP', width: 4, priority: 5, align: 'right' },
	{ title: 'POWER', width: 5, priority: 5, align: 'right' },
	{ title: 'XID', width: 6, priority: 1 },
	{ title: 'TAINTS', width: 24, priority: 6 },
	{ title: 'AGE', width: 5, priority: 4, align: 'right' },
];

const POD_COLUMNS: ColumnSpec[] = [
	{ title: 'POD', width: 20, priority: 0, flex: true, cut: 'middle' },
	{ title: 'NAMESPACE', width: 10, priority: 3 },
	{ title: 'WORKLOAD', width: 20, priority: 1, cut: 'middle' },
	{ title: 'STATUS', width: 17, priority: 0 },
	{ title: 'GPUS', width: 4, priority: 2, align: 'right' },
];

function statusCell(c: NodeCapacity): { text: string; tone: ColorToken } {
	if (c.readiness !== 'Ready') return { text: `✖ ${c.readiness}${c.unschedulable ? ',Cordoned' : ''}`, tone: 'error' };
	return c.unschedulable ? { text: '⊘ SchedulingDisabled', tone: 'warn' } : { text: '✔ Ready', tone: 'ok' };
}

const percentText = (value: number | undefined) => (value === undefined ? '—' : String(value));

/** The node's GPU health cells: util, temperature, power, and the last XID (⚠ with its code). */
function healthCells(sample: NodeSample | undefined, now: number): Cell[] {
	if (!sample) return Array.from({ length: 4 }, () => ({ text: DASH, tone: 'muted' as const }));
	const cell = (value: number | undefined, render: (v: number | undefined) => string, tone?: ColorToken): Cell => {
		const shown = freshOrDash(value, sample.at, now, render);
		return { text: shown.text, tone: shown.stale ? 'muted' : tone };
	};
	const xid = sample.xid;
	return [
		cell(sample.gpuUtil, (v) => fixed(v)),
		cell(sample.gpuTemp, (v) => fixed(v)),
		cell(sample.gpuPower, (v) => fixed(v)),
		xid ? cell(xid, (v) => `⚠ ${v}`, 'error') : cell(xid, (v) => (v === undefined ? DASH : 'none'), xid === undefined ? 'muted' : undefined),
	];
}

function nodeRow(c: NodeCapacity, sample: NodeSample | undefined, now: number): Row {
	const { requested, allocatable } = c.gpus;
	const mig = c.mig.reduce((sum, m) => ({ requested: sum.requested + m.requested, allocatable: sum.allocatable + m.allocatable }), { requested: 0, allocatable: 0 });
	return {
		key: c.name,
		cells: [
			statusCell(c),
			{ text: c.name },
			{ text: c.gpuProduct?.replace(/^NVIDIA-/, '') ?? '—', tone: c.gpuProduct ? undefined : 'muted' },
			{ text: allocatable || requested ? `${requested}/${allocatable}` : '—', tone: allocatable > 0 && requested >= allocatable ? 'warn' : undefined },
			{ text: c.mig.length ? `${mig.requested}/${mig.allocatable}` : '—', tone: c.mig.length ? undefined : 'muted' },
			{ text: percentText(c.cpuPercent) },
			{ text: percentText(c.memoryPercent) },
			{ text: String(c.pods) },
			...healthCells(sample, now),
			{ text: c.taints.join(',') || '<none>', tone: 'muted' },
			{ text: c.age ?? '—' },
		],
	};
}

/** kubectl's short names, so the workload's own name keeps the room. */
const SHORT_KIND = { Rollout: 'ro', Deployment: 'deploy' } as const;

export interface NodesVM {
	title: string;
	summary: Line;
	table: TableVM & { selectedKey?: string };
}

/** `height` is the pane's inner height: the summary line, the table header, then rows. */
export function buildNodesPane(snapshot: StoreSnapshot, width: number, height: number): NodesVM {
	const { cluster, ui } = snapshot;
	const unavailable = cluster.unavailable.get('Node');
	const all = selectNodes(cluster).map((n) => n.capacity);
	const summary = gpuSummary(all, selectGpuPendingPods(cluster).length);
	const rows = visibleNodes(snapshot).map((n) => nodeRow(n.capacity, snapshot.nodeMetrics.get(n.capacity.name), cluster.now));
	const empty = unavailable ?? (ui.filter ? `nothing matches /${ui.filter}` : 'no nodes yet');
	const statusWidth = Math.max(NODE_COLUMNS[0].width, ...rows.map((r) => r.cells[0].text.length));
	const columns = [{ ...NODE_COLUMNS[0], width: statusWidth }, ...NODE_COLUMNS.slice(1)];
	const table = buildTable(columns, rows, { width, height: height - 2, selectedKey: selectedNode(snapshot)?.capacity.name, empty });
	const line: Line = unavailable
		? [seg(`⚠ ${unavailable}`, 'warn')]
		: [seg(gpuSummaryText(summary), summary.pendingPods ? 'warn' : 'accent')];
	return { title: `Nodes [${table.position}]`, summary: line, table };
}

/** The selected node's pods with the workload each belongs to. */
export function buildNodePodsTable(snapshot: StoreSnapshot, width: number, height: number): { title: string; table: TableVM } {
	const node = selectedNode(snapshot);
	const { cluster } = snapshot;
	const pods = node ? selectPodsOnNode(cluster, node.capacity.name) : [];
	const rows: Row[] = pods.map((pod) => {
		const namespace = pod.metadata.namespace ?? '';
		const workload = selectWorkloadOfPod(cluster, namespace, pod.metadata.name);
		const status = podStatus(pod);
		const gpus = gpuRequest(pod);
		return {
			key: `${namespace}/${pod.metadata.name}`,
			cells: [
				{ text: pod.metadata.name },
				{ text: namespace },
				{ text: workload ? `${SHORT_KIND[workload.kind]}/${workload.metadata.name}` : '—', tone: workload ? undefined : 'muted' },
				{ text: `${status.glyph} ${status.status}`, tone: status.status === 'Running' ? 'ok' : status.glyph === '✖' ? 'error' : 'warn' },
				{ text: gpus ? String(gpus) : '—' },
			],
		};
	});
	const { selectedKey: _, ...table } = buildTable(POD_COLUMNS, rows, { width, height: height - 1, empty: node ? 'no pods in scope on this node' : 'no node selected' });
	return { title: node ? `Pods on ${node.capacity.name} [${table.position}]` : 'Pods', table: { ...table, selected: -1 } };
}
