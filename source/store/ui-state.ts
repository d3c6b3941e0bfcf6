// What the operator is looking at and doing: focus, selections, filter, open dialog, chart metric.
import type { ActionPlan } from '../domain/action';
import type { ObjectRef } from '../domain/k8s';
import type { MetricId } from '../domain/metrics';

/** The panes of the main layout, in Tab order. */
export const PANES = ['workloads', 'replicas', 'rollout', 'chart', 'events'] as const;
/** Views that replace the main layout while open (Esc returns), with the panes they show. */
export type ViewId = 'nodes';
export type PaneId = (typeof PANES)[number] | 'nodes' | 'nodePods';

export type Mode =
	| { kind: 'normal' }
	| { kind: 'help'; scroll: number }
	| { kind: 'filter'; text: string }
	| { kind: 'command'; text: string }
	| { kind: 'confirm'; plan: ActionPlan }
	| { kind: 'scale'; text: string; current: number; target: ObjectRef; error?: string; warning?: string };

export type ReplicaSortKey = 'name' | 'role' | 'gpuUtil' | 'p99' | 'rps' | 'errorRate' | 'restarts';
export const REPLICA_SORT_KEYS: readonly ReplicaSortKey[] = ['name', 'role', 'gpuUtil', 'p99', 'rps', 'errorRate', 'restarts'];

export interface Flash {
	text: string;
	tone: 'ok' | 'warn' | 'error' | 'info';
	/** Wall-clock ms after which the flash is gone: a deadline the store keeps, not a timer in a view. */
	until: number;
}

/** How long a flash message stays, in real time. */
export const FLASH_MS = 5000;

export type DetailPane = 'rollout' | 'chart' | 'events';

export interface UiState {
	focus: PaneId;
	/** The detail pane shown in the narrow layout when focus is on a list. */
	detail: DetailPane;
	viewport: { columns: number; rows: number };
	/** Selections are kept by identity so they survive list updates. */
	workloadKey?: string;
	replicaKey?: string;
	eventKey?: string;
	nodeKey?: string;
	/** A view over the whole body (the Nodes pane), or undefined for the main layout. */
	view?: ViewId;
	filter: string;
	mode: Mode;
	chartMetric: MetricId;
	replicaSort: ReplicaSortKey;
	flash?: Flash;
	themeName: string;
	readonly: boolean;
}

export function initialUiState(options: { themeName: string; readonly: boolean; viewport?: { columns: number; rows: number } }): UiState {
	return {
		focus: 'workloads',
		detail: 'rollout',
		viewport: options.viewport ?? { columns: 80, rows: 24 },
		filter: '',
		mode: { kind: 'normal' },
		chartMetric: 'p99',
		replicaSort: 'name',
		themeName: options.themeName,
		readonly: options.readonly,
	};
}

/** UI state as of wall-clock `now`: deadlines that have passed are applied (a flash fades). */
export function expireUi(ui: UiState, now: number): UiState {
	return ui.flash && ui.flash.until <= now ? { ...ui, flash: undefined } : ui;
}

/** The next wall-clock time at which `expireUi` will change something, if any. */
export function nextDeadline(ui: UiState): number | undefined {
	return ui.flash?.until;
}
