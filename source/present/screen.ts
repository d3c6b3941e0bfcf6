// The whole screen as one view model, rebuilt from the store snapshot; only visible panes are built
// and only their visible rows, so a frame costs the same at 50 or 5,000 replicas.
import type { MetricId } from '../domain/metrics';
import type { SourceKind } from '../domain/source';
import type { KeyContext } from '../keymap/commands';
import { selectedWorkload } from '../store/lists';
import { selectPods, selectReplicaSets } from '../store/selectors';
import type { StoreSnapshot } from '../store/store';
import type { PaneId } from '../store/ui-state';
import { buildChart, type ChartGroup, type ChartVM } from './chart';
import { buildEventTable } from './event-rows';
import { buildFooter } from './footer';
import { buildHeader } from './header';
import { computeLayout, layoutPanes, type Layout } from './layout';
import { buildOverlay, type OverlayVM } from './overlays';
import type { Thresholds } from '../domain/thresholds';
import { buildReplicaTable, roleResolver } from './replica-rows';
import { buildRolloutDetail } from './rollout-detail';
import type { Line } from './styled';
import type { TableVM } from './table';
import { buildWorkloadTable } from './workload-rows';

export type PaneVM =
	| { kind: 'table'; title: string; focused: boolean; table: TableVM }
	| { kind: 'lines'; title: string; focused: boolean; lines: Line[] }
	| { kind: 'chart'; title: string; focused: boolean; chart: ChartVM };

export interface ScreenVM {
	layout: Layout;
	header: Line;
	footer: Line;
	panes: Partial<Record<PaneId, PaneVM>>;
	overlay?: OverlayVM;
	/** Keys of the rows the panes show as selected (the key handlers keep selections by identity). */
	selection: { workloadKey?: string; replicaKey?: string };
}

export interface ScreenInputs {
	snapshot: StoreSnapshot;
	source: { kind: SourceKind; label: string; scope?: string };
	keyContext: KeyContext;
	thresholds: Thresholds;
	/** Chart time resolution: one slot per metrics refresh. */
	chartSlotMs: number;
	wallNow: number;
}

function chartGroups(snapshot: StoreSnapshot): { groups: ChartGroup[]; subject: string } {
	const workload = selectedWorkload(snapshot);
	if (!workload) return { groups: [], subject: '' };
	const pods = selectPods(snapshot.cluster, workload);
	const ref = (p: (typeof pods)[number]) => ({ namespace: p.metadata.namespace ?? '', pod: p.metadata.name });
	if (workload.kind === 'Rollout') {
		const roleOf = roleResolver(workload, selectReplicaSets(snapshot.cluster, workload));
		const isNew = (role: string) => role === 'canary' || role === 'preview';
		return {
			subject: workload.metadata.name,
			groups: [
				{ label: 'stable', tone: 'stable', pods: pods.filter((p) => !isNew(roleOf(p))).map(ref) },
				{ label: workload.spec.strategy?.blueGreen ? 'preview' : 'canary', tone: 'canary', pods: pods.filter((p) => isNew(roleOf(p))).map(ref) },
			],
		};
	}
	const selected = pods.find((p) => `${p.metadata.namespace}/${p.metadata.name}` === snapshot.ui.replicaKey);
	const groups: ChartGroup[] = [{ label: 'all replicas', tone: 'stable', pods: pods.map(ref) }];
	if (selected) groups.push({ label: selected.metadata.name, tone: 'canary', pods: [ref(selected)] });
	return { groups, subject: workload.metadata.name };
}

function buildChartPane(snapshot: StoreSnapshot, metric: MetricId, width: number, height: number, slotMs: number): ChartVM {
	const { groups, subject } = chartGroups(snapshot);
	const chart = buildChart(snapshot.metrics, groups, metric, { width, height: height - 1, now: snapshot.cluster.now, slotMs });
	return { ...chart, title: subject ? `${chart.title} · ${subject}` : chart.title };
}

export function buildScreen(inputs: ScreenInputs): ScreenVM {
	const { snapshot, source } = inputs;
	const { ui } = snapshot;
	const { columns, rows } = ui.viewport;
	const layout = computeLayout(columns, rows, ui.focus, ui.detail);
	const panes: ScreenVM['panes'] = {};
	const selection: ScreenVM['selection'] = {};
	for (const box of layoutPanes(layout)) {
		const width = box.width - 2;
		const height = box.height - 2;
		const focused = ui.focus === box.id;
		switch (box.id) {
			case 'workloads': {
				const table = buildWorkloadTable(snapshot, width, height);
				selection.workloadKey = table.selectedKey;
				panes.workloads = { kind: 'table', title: `Workloads [${table.position}]`, focused, table };
				break;
			}
			case 'replicas': {
				const table = buildReplicaTable(snapshot, width, height, inputs.thresholds);
				selection.replicaKey = table.selectedKey;
				panes.replicas = { kind: 'table', title: `${table.title} [${table.position}] sort:${ui.replicaSort}`, focused, table: focused ? table : { ...table, selected: -1 } };
				break;
			}
			case 'rollout': {
				const detail = buildRolloutDetail(snapshot, width, height);
				panes.rollout = { kind: 'lines', title: detail.title, focused, lines: detail.lines };
				break;
			}
			case 'chart': {
				const chart = buildChartPane(snapshot, ui.chartMetric, width, height, inputs.chartSlotMs);
				panes.chart = { kind: 'chart', title: chart.title, focused, chart };
				break;
			}
			case 'events': {
				const table = buildEventTable(snapshot, width, height);
				panes.events = { kind: 'table', title: `Events & actions [${table.position}]`, focused, table };
				break;
			}
		}
	}
	return {
		layout,
		header: buildHeader(snapshot, source, columns),
		footer: buildFooter(ui, columns, inputs.wallNow),
		panes,
		overlay: buildOverlay(ui, inputs.keyContext, source.label, columns, rows - 3),
		selection,
	};
}
