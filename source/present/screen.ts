// The whole screen as one view model, rebuilt from the store snapshot; only visible panes are built
// and only their visible rows, so a frame costs the same at 50 or 5,000 replicas.
import type { MetricId } from '../domain/metrics';
import type { ReplayPosition, SourceKind } from '../domain/source';
import { keyFor } from '../keymap/commands';
import { keyContextOf } from '../keymap/key-context';
import { selectedWorkload } from '../store/lists';
import { selectPods } from '../store/selectors';
import type { StoreSnapshot } from '../store/store';
import type { PaneId } from '../store/ui-state';
import { buildAnalysisDetail } from './analysis-detail';
import { buildChart, type ChartGroup, type ChartVM } from './chart';
import { buildDescribePane } from './describe-pane';
import { buildEventTable } from './event-rows';
import { buildLogPane } from './log-pane';
import { buildNodePodsTable, buildNodesPane } from './node-rows';
import { buildFooter } from './footer';
import { buildTimeline } from './timeline';
import { buildHeader } from './header';
import { computeLayout, layoutPanes, type Layout } from './layout';
import { buildOverlay, type OverlayVM } from './overlays';
import type { Thresholds } from '../domain/thresholds';
import { buildReplicaTable } from './replica-rows';
import { selectedRoleOf } from '../store/selection';
import { buildRolloutDetail } from './rollout-detail';
import { verdictSuggestion } from './verdict-lines';
import type { Line } from './styled';
import type { TableVM } from './table';
import { buildWorkloadTable } from './workload-rows';

/** One pane's content, sized for its box (outer width and height, border included). */
export type PaneVM = { title: string; focused: boolean; width: number; height: number } & (
	| { kind: 'table'; table: TableVM }
	| { kind: 'lines'; lines: Line[] }
	| { kind: 'chart'; chart: ChartVM }
	| { kind: 'logs'; status: Line; lines: Line[] }
	| { kind: 'nodes'; summary: Line; table: TableVM }
);

/** Everything around the panes: where they go, header, footer, the open dialog, the theme. */
export interface ChromeVM {
	layout: Layout;
	viewport: { columns: number; rows: number };
	themeName: string;
	header: Line;
	footer: Line;
	overlay?: OverlayVM;
}

export interface ScreenVM {
	chrome: ChromeVM;
	panes: Partial<Record<PaneId, PaneVM>>;
}

export interface ScreenInputs {
	snapshot: StoreSnapshot;
	source: { kind: SourceKind; label: string; scope?: string; replay?: ReplayPosition };
	thresholds: Thresholds;
	/** Chart time resolution: one slot per metrics refresh. */
	chartSlotMs: number;
}

function chartGroups(snapshot: StoreSnapshot): { groups: ChartGroup[]; subject: string } {
	const workload = selectedWorkload(snapshot);
	if (!workload) return { groups: [], subject: '' };
	const pods = selectPods(snapshot.cluster, workload);
	const ref = (p: (typeof pods)[number]) => ({ namespace: p.metadata.namespace ?? '', pod: p.metadata.name });
	if (workload.kind === 'Rollout') {
		const roleOf = selectedRoleOf(snapshot);
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
	const hint = { text: `   ${keyFor('view.chartMetric')}: next metric`, tone: 'muted' as const };
	return { ...chart, legend: [...chart.legend, hint], title: subject ? `${chart.title} · ${subject}` : chart.title };
}

export function buildScreen(inputs: ScreenInputs): ScreenVM {
	const { snapshot, source } = inputs;
	const { ui } = snapshot;
	const { columns } = ui.viewport;
	const layout = computeLayout(columns, ui.viewport.rows, ui.focus, ui.detail, ui.infoPane, ui.view);
	const panes: ScreenVM['panes'] = {};
	for (const box of layoutPanes(layout)) {
		const frame = { focused: ui.focus === box.id, width: box.width, height: box.height };
		panes[box.id] = buildPane(box.id, inputs, box.width - 2, box.height - 2, frame);
	}
	const keyContext = keyContextOf(snapshot, source.kind === 'simulated', source.kind === 'replay');
	// A replay's timeline takes the key hints' place; prompts and messages still show over it.
	const timeline = ui.mode.kind === 'normal' && !ui.flash ? source.replay : undefined;
	return {
		chrome: {
			layout,
			viewport: ui.viewport,
			themeName: ui.themeName,
			header: buildHeader(snapshot, source, columns),
			footer: timeline ? buildTimeline(timeline, columns) : buildFooter(ui, columns, verdictSuggestion(snapshot)),
			overlay: buildOverlay(ui, keyContext, source.label),
		},
		panes,
	};
}

type Frame = { focused: boolean; width: number; height: number };

function buildPane(id: PaneId, inputs: ScreenInputs, width: number, height: number, frame: Frame): PaneVM {
	const { snapshot } = inputs;
	const { ui } = snapshot;
	switch (id) {
		case 'workloads': {
			const table = buildWorkloadTable(snapshot, width, height);
			// RBAC may hide Rollouts while Deployments show: the list says so once, in its title.
			const denied = snapshot.cluster.unavailable.get('Rollout');
			const note = denied?.startsWith('not permitted') && !table.empty ? ` ⚠ ${denied}` : '';
			return { ...frame, kind: 'table', title: `Workloads [${table.position}]${note}`, table: withoutKey(table) };
		}
		case 'replicas': {
			const { title, selectedKey: _, ...table } = buildReplicaTable(snapshot, width, height, inputs.thresholds);
			return { ...frame, kind: 'table', title: `${title} [${table.position}] sort:${ui.replicaSort}`, table: frame.focused ? table : { ...table, selected: -1 } };
		}
		case 'rollout': {
			const detail = buildRolloutDetail(snapshot, width, height);
			return { ...frame, kind: 'lines', title: detail.title, lines: detail.lines };
		}
		case 'analysis': {
			const detail = buildAnalysisDetail(snapshot, width, height);
			return { ...frame, kind: 'lines', title: detail.title, lines: detail.lines };
		}
		case 'chart': {
			const chart = buildChartPane(snapshot, ui.chartMetric, width, height, inputs.chartSlotMs);
			return { ...frame, kind: 'chart', title: chart.title, chart };
		}
		case 'events': {
			const table = buildEventTable(snapshot, width, height);
			return { ...frame, kind: 'table', title: `Events & actions [${table.position}]`, table: withoutKey(table) };
		}
		case 'logs': {
			const { title, status, lines } = buildLogPane(snapshot, width, height);
			return { ...frame, kind: 'logs', title, status, lines };
		}
		case 'describe': {
			const { title, lines } = buildDescribePane(snapshot, width, height);
			return { ...frame, kind: 'lines', title, lines };
		}
		case 'nodes': {
			const nodes = buildNodesPane(snapshot, width, height);
			return { ...frame, kind: 'nodes', title: nodes.title, summary: nodes.summary, table: withoutKey(nodes.table) };
		}
		case 'nodePods': {
			const pods = buildNodePodsTable(snapshot, width, height);
			return { ...frame, kind: 'table', title: pods.title, table: pods.table };
		}
	}
}

/** The selected row's key is the store's business (it pins selections); the view needs the index. */
function withoutKey(table: TableVM & { selectedKey?: string }): TableVM {
	const { selectedKey: _, ...rest } = table;
	return rest;
}
