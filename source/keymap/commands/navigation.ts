// Moving between panes and through the focused list. Tab works on the main screen only: a view
// (Nodes) is one list, left with Esc.
import type { Command, CommandEnv } from '../command';
import { focusPane, moveSelection } from '../navigation';
import { MAIN_PANES } from '../../store/ui-state';

const move = (id: string, keys: string[], title: string, distance: (env: CommandEnv) => number): Command => ({
	id,
	keys,
	scope: 'navigation',
	title,
	run: (env) => moveSelection(env.store, distance(env)),
});

export const NAVIGATION_COMMANDS: Command[] = [
	{ id: 'nav.nextPane', keys: ['tab'], scope: 'navigation', title: 'Next pane', hint: 'pane', panes: MAIN_PANES, run: ({ store }) => focusPane(store, 1) },
	{ id: 'nav.prevPane', keys: ['shift+tab'], scope: 'navigation', title: 'Previous pane', panes: MAIN_PANES, run: ({ store }) => focusPane(store, -1) },
	move('nav.down', ['down', 'j'], 'Move down', () => 1),
	move('nav.up', ['up', 'k'], 'Move up', () => -1),
	move('nav.top', ['g', 'home'], 'Go to top', () => -Infinity),
	move('nav.bottom', ['G', 'end'], 'Go to bottom', () => Infinity),
	move('nav.pageDown', ['pagedown', 'ctrl+d'], 'Page down', (env) => env.pageSize()),
	move('nav.pageUp', ['pageup', 'ctrl+u'], 'Page up', (env) => -env.pageSize()),
	{
		id: 'nav.enter',
		keys: ['enter'],
		scope: 'navigation',
		title: 'Open: workload → its replicas',
		run: ({ store }) => {
			if (store.ui.focus === 'workloads') store.updateUi({ focus: 'replicas', filter: '' });
		},
	},
];
