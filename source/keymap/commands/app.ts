// Commands of the console itself: help, quit, the command line, the filter, escape.
import type { Command } from '../command';

export const APP_COMMANDS: Command[] = [
	{ id: 'app.help', keys: ['?'], scope: 'global', title: 'Show or hide this help', hint: 'help', run: ({ store }) => store.updateUi({ mode: { kind: 'help', scroll: 0 } }) },
	{ id: 'app.quit', keys: ['q', 'ctrl+c'], scope: 'global', title: 'Quit', hint: 'quit', run: ({ host }) => host.quit() },
	{
		id: 'app.command',
		keys: [':'],
		scope: 'global',
		title: 'Command line (its commands are listed below)',
		run: ({ store }) => store.updateUi({ mode: { kind: 'command', text: '' } }),
	},
	{
		id: 'app.filter',
		keys: ['/'],
		scope: 'global',
		title: 'Filter the focused list (in the logs: a regular expression)',
		hint: 'filter',
		run: ({ store }) => store.updateUi({ mode: { kind: 'filter', text: store.ui.focus === 'logs' ? (store.ui.logs?.filter ?? '') : store.ui.filter } }),
	},
	{
		id: 'app.escape',
		keys: ['escape'],
		scope: 'global',
		title: 'Close dialog, clear filter, leave a view, back to workloads',
		run: ({ store }) => store.updateUi(store.ui.filter ? { filter: '' } : { focus: 'workloads', view: undefined }),
	},
];
