// Every command the console knows, as data with its handler: dispatch, footer hints, the `?`
// overlay and the README key table are all generated from this one array.
import type { Command, KeyContext, Scope } from './command';
import { keyLabel } from './keys';
import { VIEW_PANES, type PaneId } from '../store/ui-state';
import { APP_COMMANDS } from './commands/app';
import { LOG_COMMANDS } from './commands/logs';
import { NAVIGATION_COMMANDS } from './commands/navigation';
import { REPLAY_COMMANDS } from './commands/replay';
import { NODE_COMMANDS } from './commands/nodes';
import { SIMULATOR_COMMANDS } from './commands/simulator';
import { VIEW_COMMANDS } from './commands/view';
import { WORKLOAD_COMMANDS } from './commands/workload';

export type { Command, CommandEnv, KeyContext, Scope } from './command';

// Replay keys come first: they share keys with navigation and the simulator and win only in a replay.
export const COMMANDS: readonly Command[] = [...REPLAY_COMMANDS, ...APP_COMMANDS, ...NAVIGATION_COMMANDS, ...WORKLOAD_COMMANDS, ...NODE_COMMANDS, ...VIEW_COMMANDS, ...LOG_COMMANDS, ...SIMULATOR_COMMANDS];

export function commandsFor(readonly: boolean): Command[] {
	return COMMANDS.filter((command) => !(readonly && command.danger));
}

export function findCommand(id: string): Command {
	const command = COMMANDS.find((c) => c.id === id);
	if (!command) throw new Error(`unknown command ${id}`);
	return command;
}

/** The first key of a command, as the footer and hints name it (e.g. `a`, `Tab`). */
export function keyFor(id: string): string {
	return keyLabel(findCommand(id).keys[0]);
}

/**
 * Whether a command's keys work with `focus`: pane-scoped commands only in their panes; in the Nodes
 * view the workload actions and the replica's logs are not keys at all (their target is not on screen).
 */
export function availableIn(command: Command, focus: PaneId | undefined): boolean {
	if (command.panes) return focus !== undefined && command.panes.includes(focus);
	if (focus !== undefined && VIEW_PANES.includes(focus)) return command.scope !== 'workload' && command.scope !== 'logs';
	return true;
}

/**
 * The command bound to a key name where `focus` is: the focused pane's own binding first, then the
 * others — of several, the first one available in `ctx` (else the first, to say why).
 */
export function commandForKey(name: string, focus?: PaneId, ctx?: KeyContext): Command | undefined {
	const candidates = COMMANDS.filter((c) => c.keys.includes(name) && availableIn(c, focus));
	const own = candidates.find((c) => c.panes);
	if (own) return own;
	return (ctx && candidates.find((c) => !c.disabledReason?.(ctx))) || candidates[0];
}

export const SCOPE_TITLES: Record<Scope, string> = {
	global: 'General',
	navigation: 'Navigation',
	workload: 'Actions on the selected workload',
	nodes: 'Nodes pane (N or :nodes; Esc returns)',
	view: 'View',
	logs: 'Logs and describe panes',
	simulator: 'Simulator',
	replay: 'Replay',
};
