// Where the panes go for a terminal size. Rendered height stays at rows − 1 (Ink 6.8 clears the
// whole screen when a frame is as tall as the terminal).
import { FULL_PANES, type InfoPane, type PaneId, type ViewId } from '../store/ui-state';

export const MIN_COLUMNS = 60;
export const MIN_ROWS = 16;

export interface PaneBox {
	id: PaneId;
	width: number;
	/** Outer height, border included. */
	height: number;
}

export type Layout =
	| { kind: 'tooSmall'; columns: number; rows: number }
	/** Wide: two columns of two panes over a full-width events pane. */
	| { kind: 'wide'; width: number; left: PaneBox[]; right: PaneBox[]; bottom: PaneBox }
	/** Narrow: workloads, replicas, and one detail pane (the focused one of rollout/analysis/chart/events). */
	| { kind: 'narrow'; width: number; stack: PaneBox[] }
	/** One pane over the whole body (logs, describe). */
	| { kind: 'single'; width: number; box: PaneBox };

export const DETAIL_PANES: readonly PaneId[] = ['rollout', 'analysis', 'chart', 'events'];

export function computeLayout(columns: number, rows: number, focus: PaneId, lastDetail: PaneId, infoPane: InfoPane = 'rollout', view?: ViewId): Layout {
	if (columns < MIN_COLUMNS || rows < MIN_ROWS) return { kind: 'tooSmall', columns, rows };
	const body = rows - 1 - 2; // header and footer lines
	if (view === 'nodes') {
		// The Nodes view takes the whole body: nodes over the selected node's pods.
		const nodes = Math.max(6, Math.ceil(body * 0.55));
		return { kind: 'narrow', width: columns, stack: [{ id: 'nodes', width: columns, height: nodes }, { id: 'nodePods', width: columns, height: body - nodes }] };
	}
	if (FULL_PANES.includes(focus)) return { kind: 'single', width: columns, box: { id: focus, width: columns, height: body } };
	if (columns >= 100 && rows >= 28) {
		const events = Math.max(6, Math.floor(body * 0.22));
		const top = body - events;
		const leftWidth = Math.round(columns * 0.58);
		const workloads = Math.max(7, Math.floor(top * 0.42));
		// The analysis pane has more to say than the rollout pane: it takes most of the column.
		const rollout = Math.floor(top * (infoPane === 'analysis' ? 0.7 : 0.5));
		return {
			kind: 'wide',
			width: columns,
			left: [
				{ id: 'workloads', width: leftWidth, height: workloads },
				{ id: 'replicas', width: leftWidth, height: top - workloads },
			],
			right: [
				{ id: infoPane, width: columns - leftWidth, height: rollout },
				{ id: 'chart', width: columns - leftWidth, height: top - rollout },
			],
			bottom: { id: 'events', width: columns, height: events },
		};
	}
	const detail: PaneId = DETAIL_PANES.includes(focus) ? focus : lastDetail;
	// Analysis needs the room more than the replicas list does while it is being read.
	if (focus === 'analysis') {
		return { kind: 'narrow', width: columns, stack: [{ id: 'workloads', width: columns, height: 5 }, { id: 'analysis', width: columns, height: body - 5 }] };
	}
	const workloads = Math.max(5, Math.floor(body * 0.3));
	const replicas = Math.max(5, Math.floor(body * 0.34));
	return {
		kind: 'narrow',
		width: columns,
		stack: [
			{ id: 'workloads', width: columns, height: workloads },
			{ id: 'replicas', width: columns, height: replicas },
			{ id: detail, width: columns, height: body - workloads - replicas },
		],
	};
}

export function layoutPanes(layout: Layout): PaneBox[] {
	if (layout.kind === 'tooSmall') return [];
	if (layout.kind === 'narrow') return layout.stack;
	if (layout.kind === 'single') return [layout.box];
	return [...layout.left, ...layout.right, layout.bottom];
}
