// Every command the console knows, as data: dispatch, footer hints, the `?` overlay and the README
// key table are all generated from this one array.
import type { ActionKind } from '../domain/action';

export type Scope = 'global' | 'navigation' | 'workload' | 'view' | 'simulator';

export interface KeyContext {
	/** Kind of the selected workload, if any. */
	workloadKind?: 'Rollout' | 'Deployment';
	/** Why an action on the selected workload is unavailable right now (null: available). */
	actionBlocked: (kind: ActionKind) => string | null;
	simulated: boolean;
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
	/** Shown in the footer when there is room, in this order. */
	hint?: string;
	disabledReason?: (ctx: KeyContext) => string | null;
}

const noWorkload = (ctx: KeyContext): string | null => (ctx.workloadKind ? null : 'select a Rollout or Deployment first');

function actionCommand(id: string, keys: string[], action: ActionKind, title: string, hint?: string): Command {
	return {
		id,
		keys,
		scope: 'workload',
		title,
		danger: true,
		action,
		hint,
		disabledReason: (ctx) => noWorkload(ctx) ?? ctx.actionBlocked(action),
	};
}

const simulatorOnly = (ctx: KeyContext): string | null => (ctx.simulated ? null : 'only the simulator has a clock to change');

export const COMMANDS: readonly Command[] = [
	{ id: 'app.help', keys: ['?'], scope: 'global', title: 'Show or hide this help', hint: 'help' },
	{ id: 'app.quit', keys: ['q', 'ctrl+c'], scope: 'global', title: 'Quit', hint: 'quit' },
	{ id: 'app.command', keys: [':'], scope: 'global', title: 'Command line: :q, :theme, :scenario, :speed, :ctx, :ns, :help' },
	{ id: 'app.filter', keys: ['/'], scope: 'global', title: 'Filter the focused list', hint: 'filter' },
	{ id: 'app.escape', keys: ['escape'], scope: 'global', title: 'Close dialog, clear filter, back to workloads' },
	{ id: 'nav.nextPane', keys: ['tab'], scope: 'navigation', title: 'Next pane', hint: 'pane' },
	{ id: 'nav.prevPane', keys: ['shift+tab'], scope: 'navigation', title: 'Previous pane' },
	{ id: 'nav.down', keys: ['down', 'j'], scope: 'navigation', title: 'Move down' },
	{ id: 'nav.up', keys: ['up', 'k'], scope: 'navigation', title: 'Move up' },
	{ id: 'nav.top', keys: ['g', 'home'], scope: 'navigation', title: 'Go to top' },
	{ id: 'nav.bottom', keys: ['G', 'end'], scope: 'navigation', title: 'Go to bottom' },
	{ id: 'nav.pageDown', keys: ['pagedown', 'ctrl+d'], scope: 'navigation', title: 'Page down' },
	{ id: 'nav.pageUp', keys: ['pageup', 'ctrl+u'], scope: 'navigation', title: 'Page up' },
	{ id: 'nav.enter', keys: ['enter'], scope: 'navigation', title: 'Open: workload → its replicas' },
	actionCommand('rollout.promote', ['P'], 'promote', 'Promote one step (resumes a paused rollout)', 'promote'),
	actionCommand('rollout.promoteFull', ['F'], 'promoteFull', 'Promote fully, skipping remaining steps'),
	actionCommand('workload.pause', ['p'], 'pause', 'Pause', 'pause'),
	actionCommand('workload.resume', ['r'], 'resume', 'Resume (Deployments; Rollouts resume with P)'),
	actionCommand('rollout.abort', ['A'], 'abort', 'Abort the update, all traffic back to stable', 'abort'),
	actionCommand('rollout.retry', ['t'], 'retry', 'Retry an aborted update'),
	actionCommand('workload.undo', ['u'], 'undo', 'Undo: roll back to the previous revision'),
	actionCommand('workload.restart', ['R'], 'restart', 'Restart all pods'),
	actionCommand('workload.scale', ['s'], 'scale', 'Scale to N replicas…', 'scale'),
	actionCommand('workload.scaleUp', ['+', '='], 'scale', 'Scale up by one'),
	actionCommand('workload.scaleDown', ['-'], 'scale', 'Scale down by one'),
	{ id: 'view.chartMetric', keys: ['c'], scope: 'view', title: 'Chart: next metric', hint: 'chart' },
	{ id: 'view.chartMetricPrev', keys: ['C'], scope: 'view', title: 'Chart: previous metric' },
	{ id: 'view.sort', keys: ['o'], scope: 'view', title: 'Replicas: sort by next column' },
	{ id: 'view.theme', keys: ['T'], scope: 'view', title: 'Next colour theme' },
	{ id: 'sim.faster', keys: ['>'], scope: 'simulator', title: 'Simulator: faster clock', disabledReason: simulatorOnly },
	{ id: 'sim.slower', keys: ['<'], scope: 'simulator', title: 'Simulator: slower clock (down to frozen)', disabledReason: simulatorOnly },
	{ id: 'sim.step', keys: ['.'], scope: 'simulator', title: 'Simulator: jump 10 s ahead', disabledReason: simulatorOnly },
];

export function commandsFor(readonly: boolean): Command[] {
	return COMMANDS.filter((command) => !(readonly && command.danger));
}

export function findCommand(id: string): Command {
	const command = COMMANDS.find((c) => c.id === id);
	if (!command) throw new Error(`unknown command ${id}`);
	return command;
}

export const SCOPE_TITLES: Record<Scope, string> = {
	global: 'General',
	navigation: 'Navigation',
	workload: 'Actions on the selected workload',
	view: 'View',
	simulator: 'Simulator',
};
