// Switching the colour theme, shared by the T key and the :theme command.
import type { CommandEnv } from './command';

export function setTheme({ store, host }: Pick<CommandEnv, 'store' | 'host'>, name: string): void {
	const error = host.setTheme(name);
	if (error) store.flash(error, 'error');
	else store.flash(`theme ${name}`, 'info', { themeName: name });
}
