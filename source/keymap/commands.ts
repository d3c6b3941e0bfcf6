// Every command the console knows, as data with its handler: dispatch, footer hints, the `?`
// overlay and the README key table are all generated from this one array.
import type { PaneId } from '../store/ui-state';
import type { Command, Scope } from './command';
import { APP_COMMANDS } from './commands/app';
import { NAVIGATION_COMMANDS } from './commands/navigation';
import { NODE_COMMANDS } from './commands/nodes';
import { SIMULATOR_COMMANDS } from './commands/simulator';
import { VIEW_COMMANDS } from './commands/view';
import { WORKLOAD_COMMANDS } from './commands/workload';

export type { Command, CommandEnv, KeyContext, Scope } from './command';

export const COMMANDS: readonly Command[] = [...APP_COMMANDS, ...NAVIGATION_COMMANDS, ...WORKLOAD_COMMANDS, ...NODE_COMMANDS, ...VIEW_COMMANDS, ...SIMULATOR_COMMANDS];

export function commandsFor(readonly: boolean): Command[] {
	return COMMANDS.filter((command) => !(readonly && command.danger));
}

export function findCommand(id: string): Command {
	const command = COMMANDS.find((c) => c.id === id);
	if (!command) throw new Error(`unknown command ${id}`);
	return command;
}

/**
 * Whether a command's keys work with `focus`: pane-scoped commands only in their pane; in the Nodes
 * view the workload actions are not keys at all (their target is not on screen).
 */
export function availableIn(command: Command, focus: PaneId | undefined): boolean {
	if (command.pane) return command.pane === focus;
	if (focus === 'nodes' || focus === 'nodePods') return command.scope !== 'workload';
	return true;
}

/** The command bound to a key name where `focus` is, if any; a pane's own key wins over a global one. */
export function commandForKey(name: string, focus?: PaneId): Command | undefined {
	const candidates = COMMANDS.filter((c) => c.keys.includes(name) && availableIn(c, focus));
	return candidates.find((c) => c.pane) ?? candidates[0];
}

export const SCOPE_TITLES: Record<Scope, string> = {
	global: 'General',
	navigation: 'Navigation',
	workload: 'Actions on the selected workload',
	nodes: 'Nodes pane (N or :nodes; Esc returns)',
	view: 'View',
	simulator: 'Simulator',
};
