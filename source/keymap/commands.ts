// Every command the console knows, as data with its handler: dispatch, footer hints, the `?`
// overlay and the README key table are all generated from this one array.
import type { Command, KeyContext, Scope } from './command';
import { APP_COMMANDS } from './commands/app';
import { NAVIGATION_COMMANDS } from './commands/navigation';
import { REPLAY_COMMANDS } from './commands/replay';
import { SIMULATOR_COMMANDS } from './commands/simulator';
import { VIEW_COMMANDS } from './commands/view';
import { WORKLOAD_COMMANDS } from './commands/workload';

export type { Command, CommandEnv, KeyContext, Scope } from './command';

// Replay keys come first: they share keys with navigation and the simulator and win only in a replay.
export const COMMANDS: readonly Command[] = [...REPLAY_COMMANDS, ...APP_COMMANDS, ...NAVIGATION_COMMANDS, ...WORKLOAD_COMMANDS, ...VIEW_COMMANDS, ...SIMULATOR_COMMANDS];

export function commandsFor(readonly: boolean): Command[] {
	return COMMANDS.filter((command) => !(readonly && command.danger));
}

export function findCommand(id: string): Command {
	const command = COMMANDS.find((c) => c.id === id);
	if (!command) throw new Error(`unknown command ${id}`);
	return command;
}

/** The command bound to a key name: of several, the first one available in `ctx` (else the first, to say why). */
export function commandForKey(name: string, ctx?: KeyContext): Command | undefined {
	const bound = COMMANDS.filter((c) => c.keys.includes(name));
	return (ctx && bound.find((c) => !c.disabledReason?.(ctx))) || bound[0];
}

export const SCOPE_TITLES: Record<Scope, string> = {
	global: 'General',
	navigation: 'Navigation',
	workload: 'Actions on the selected workload',
	view: 'View',
	simulator: 'Simulator',
	replay: 'Replay',
};
