// Where the panes go for a terminal size. Rendered height stays at rows − 1 (Ink 6.8 clears the
// whole screen when a frame is as tall as the terminal).
import type { PaneId, ViewId } from '../store/ui-state';

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
	/** Narrow: workloads, replicas, and one detail pane (the focused one of rollout/chart/events). */
	| { kind: 'narrow'; width: number; stack: PaneBox[] };

export const DETAIL_PANES: readonly PaneId[] = ['rollout', 'chart', 'events'];

export function computeLayout(columns: number, rows: number, focus: PaneId, lastDetail: PaneId, view?: ViewId): Layout {
	if (columns < MIN_COLUMNS || rows < MIN_ROWS) return { kind: 'tooSmall', columns, rows };
	const body = rows - 1 - 2; // header and footer lines
	if (view === 'nodes') {
		// The Nodes view takes the whole body: nodes over the selected node's pods.
		const nodes = Math.max(6, Math.ceil(body * 0.55));
		return { kind: 'narrow', width: columns, stack: [{ id: 'nodes', width: columns, height: nodes }, { id: 'nodePods', width: columns, height: body - nodes }] };
	}
	if (columns >= 100 && rows >= 28) {
		const events = Math.max(6, Math.floor(body * 0.22));
		const top = body - events;
		const leftWidth = Math.round(columns * 0.58);
		const workloads = Math.max(7, Math.floor(top * 0.42));
		const rollout = Math.floor(top * 0.5);
		return {
			kind: 'wide',
			width: columns,
			left: [
				{ id: 'workloads', width: leftWidth, height: workloads },
				{ id: 'replicas', width: leftWidth, height: top - workloads },
			],
			right: [
				{ id: 'rollout', width: columns - leftWidth, height: rollout },
				{ id: 'chart', width: columns - leftWidth, height: top - rollout },
			],
			bottom: { id: 'events', width: columns, height: events },
		};
	}
	const detail: PaneId = DETAIL_PANES.includes(focus) ? focus : lastDetail;
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
	return [...layout.left, ...layout.right, layout.bottom];
}
