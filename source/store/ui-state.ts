// What the operator is looking at and doing: focus, selections, filter, open dialog, chart metric.
import type { ActionPlan } from '../domain/action';
import type { ObjectRef } from '../domain/k8s';
import type { MetricId } from '../domain/metrics';

export const PANES = ['workloads', 'replicas', 'rollout', 'analysis', 'chart', 'events', 'logs', 'describe', 'nodes', 'nodePods'] as const;
export type PaneId = (typeof PANES)[number];
/** Panes that take the whole body while open, and are left with Esc rather than Tab. */
export const FULL_PANES: readonly PaneId[] = ['logs', 'describe'];
/** Views that replace the main layout while open (Esc returns), with the panes they show. */
export type ViewId = 'nodes';
export const VIEW_PANES: readonly PaneId[] = ['nodes', 'nodePods'];
/** The main screen's panes: everything but the views. */
export const MAIN_PANES: readonly PaneId[] = PANES.filter((pane) => !VIEW_PANES.includes(pane));
/** The panes Tab moves through. */
export const TAB_PANES: readonly PaneId[] = PANES.filter((pane) => !FULL_PANES.includes(pane) && !VIEW_PANES.includes(pane));

export type LogRoles = 'all' | 'canary' | 'stable';
export const LOG_ROLES: readonly LogRoles[] = ['all', 'canary', 'stable'];

/** The open log pane: whose logs, with which stream options, and how they are shown. */
export interface LogView {
	target: { kind: 'pod'; namespace: string; name: string } | { kind: 'workload'; key: string };
	timestamps: boolean;
	wrap: boolean;
	previous: boolean;
	/** Container name; undefined: the pod's default container. */
	container?: string;
	roles: LogRoles;
	/** The applied filter (a valid regular expression), '' for none. */
	filter: string;
	/** Line number of the bottom line while paused; undefined: following the newest line. */
	anchor?: number;
	/** The pane focus returns to. */
	back: PaneId;
}

/** The open describe view of a replica. */
export interface DescribeView {
	namespace: string;
	name: string;
	scroll: number;
	back: PaneId;
}

export type Mode =
	| { kind: 'normal' }
	| { kind: 'help'; scroll: number }
	| { kind: 'filter'; text: string; error?: string }
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

export type DetailPane = 'rollout' | 'analysis' | 'chart' | 'events';
/** The wide layout's rollout slot shows the Rollout or its Analysis (whichever was focused last). */
export type InfoPane = 'rollout' | 'analysis';

export interface UiState {
	focus: PaneId;
	/** The detail pane shown in the narrow layout when focus is on a list. */
	detail: DetailPane;
	infoPane: InfoPane;
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
	logs?: LogView;
	describe?: DescribeView;
	themeName: string;
	readonly: boolean;
}

export function initialUiState(options: { themeName: string; readonly: boolean; viewport?: { columns: number; rows: number } }): UiState {
	return {
		focus: 'workloads',
		detail: 'rollout',
		infoPane: 'rollout',
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
