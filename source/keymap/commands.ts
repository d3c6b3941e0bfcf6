// Every command the console knows, as data with its handler: dispatch, footer hints, the `?`
// overlay and the README key table are all generated from this one array.
import type { Command, Scope } from './command';
import { keyLabel } from './keys';
import { APP_COMMANDS } from './commands/app';
import { NAVIGATION_COMMANDS } from './commands/navigation';
import { SIMULATOR_COMMANDS } from './commands/simulator';
import { VIEW_COMMANDS } from './commands/view';
import { WORKLOAD_COMMANDS } from './commands/workload';

export type { Command, CommandEnv, KeyContext, Scope } from './command';

export const COMMANDS: readonly Command[] = [...APP_COMMANDS, ...NAVIGATION_COMMANDS, ...WORKLOAD_COMMANDS, ...VIEW_COMMANDS, ...SIMULATOR_COMMANDS];

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

/** The command bound to a key name, if any. */
export function commandForKey(name: string): Command | undefined {
	return COMMANDS.find((c) => c.keys.includes(name));
}

export const SCOPE_TITLES: Record<Scope, string> = {
	global: 'General',
	navigation: 'Navigation',
	workload: 'Actions on the selected workload',
	view: 'View',
	simulator: 'Simulator',
};
