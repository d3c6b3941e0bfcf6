// The shape of a command record: its keys, its help text, when it is unavailable, and its handler.
import type { ActionKind, NodeActionKind } from '../domain/action';
import type { ObjectRef } from '../domain/k8s';
import type { Store } from '../store/store';
import type { PaneId } from '../store/ui-state';
import type { Host } from './host';

export type Scope = 'global' | 'navigation' | 'workload' | 'nodes' | 'view' | 'logs' | 'simulator' | 'replay';

export interface KeyContext {
	/** Kind of the selected workload, if any. */
	workloadKind?: 'Rollout' | 'Deployment';
	/** Why an action on the selected workload is unavailable right now (null: available). */
	actionBlocked: (kind: ActionKind) => string | null;
	/** Why cordon/uncordon of the selected node is unavailable (null: available). */
	nodeBlocked: (kind: NodeActionKind) => string | null;
	simulated: boolean;
	/** Why the selected workload's logs cannot be read (RBAC on pods/log), null when they can. */
	logsBlocked: string | null;
	/** A replica is selected in the focused replicas pane. */
	replicaSelected: boolean;
	/** The console shows a recording. */
	replay: boolean;
}

/** What a handler may use: the store to change, the host for I/O, and the console's action planner. */
export interface CommandEnv {
	store: Store;
	host: Host;
	/** Plans an action on the selected workload (or on `target`); destructive plans are confirmed first. */
	act(kind: ActionKind, replicas?: number, target?: ObjectRef): void;
	/** Plans cordon/uncordon of the selected node; always confirmed first. */
	actOnNode(kind: NodeActionKind): void;
	/** Rows a page key moves. */
	pageSize(): number;
}

export interface Command {
	id: string;
	keys: string[];
	scope: Scope;
	title: string;
	/** Changes the cluster: removed entirely in read-only mode. */
	danger?: boolean;
	/** The cluster action it plans (danger commands only). */
	action?: ActionKind;
	/** Only while one of these panes has focus, where it takes precedence over a global key. */
	panes?: readonly PaneId[];
	/** Shown in the footer when there is room, in this order. */
	hint?: string;
	disabledReason?: (ctx: KeyContext) => string | null;
	run(env: CommandEnv): void;
}
