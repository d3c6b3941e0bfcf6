// Turns key presses into commands: the command record bound to a key runs its own handler. Views
// call `handleKey`; tests call `run(commandId)`. Nothing here draws or talks to a source.
import { runCommandLine } from './command-line';
import type { CommandEnv, KeyContext } from './command';
import { commandForKey, findCommand } from './commands';
import { act, actOnNode, execute } from './act';
import type { Host } from './host';
import { keyContextOf } from './key-context';
import { keyName, splitKeys, type InkKey } from './keys';
import { handleModalKey, type HelpSize } from './modal-keys';
import { pageSize } from './navigation';
import type { Store } from '../store/store';

export type { Host } from './host';

export interface ControllerOptions {
	store: Store;
	host: Host;
	/** The help overlay's length and room for the current viewport, so its scroll stays within it. */
	helpSize: (ctx: KeyContext) => HelpSize;
}

const TEXT_MODES = new Set(['filter', 'command', 'scale']);

export class Controller {
	private readonly env: CommandEnv;

	constructor(private readonly options: ControllerOptions) {
		const { store, host } = options;
		this.env = {
			store,
			host,
			act: (kind, replicas, target) => act(store, host, kind, replicas, target),
			actOnNode: (kind) => actOnNode(store, kind),
			pageSize: () => pageSize(store),
		};
	}

	keyContext(): KeyContext {
		return keyContextOf(this.options.store.getSnapshot(), this.options.host.simulated(), this.options.host.replay() !== undefined);
	}

	handleKey(input: string, key: InkKey): void {
		for (const press of splitKeys(input, key, TEXT_MODES.has(this.options.store.ui.mode.kind))) this.handleOneKey(press.input, press.key);
	}

	private handleOneKey(input: string, key: InkKey): void {
		const { store, host } = this.options;
		const name = keyName(input, key);
		// Ctrl-C always quits, whatever is open: the terminal must never hold the operator hostage.
		if (name === 'ctrl+c') return host.quit();
		const { mode } = store.ui;
		if (mode.kind !== 'normal') {
			return handleModalKey(mode, name, input, {
				store,
				runCommandLine: (text) => void runCommandLine(text, this.env),
				scaleTo: (target, replicas) => this.env.act('scale', replicas, target),
				execute: (plan) => void execute(store, host, plan),
				pageSize: this.env.pageSize,
				helpSize: () => this.options.helpSize(this.keyContext()),
			});
		}
		const command = commandForKey(name, store.ui.focus, this.keyContext());
		if (command) return this.run(command.id);
		if (name.length === 1 && name !== ' ') store.flash(`'${name}' is not a key here — press ? for help`, 'warn');
	}

	/** Runs a command by id, unless it is disabled, in which case the footer says why. */
	run(id: string): void {
		const { store } = this.options;
		const command = findCommand(id);
		if (command.danger && store.ui.readonly) return store.flash(`read-only mode: ${command.title.toLowerCase()} is switched off`, 'warn');
		const reason = command.disabledReason?.(this.keyContext());
		if (reason) return store.flash(`${command.title}: ${reason}`, 'warn');
		command.run(this.env);
	}
}
