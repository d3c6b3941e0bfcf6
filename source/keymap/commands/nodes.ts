// The Nodes view and what its keys do there: cordon and uncordon, as in k9s's node view.
import type { NodeActionKind } from '../../domain/action';
import type { Command } from '../command';

function nodeCommand(id: string, key: string, kind: NodeActionKind, title: string, hint: string): Command {
	return { id, keys: [key], scope: 'nodes', panes: ['nodes'], title, danger: true, hint, disabledReason: (ctx) => ctx.nodeBlocked(kind), run: (env) => env.actOnNode(kind) };
}

export const NODE_COMMANDS: Command[] = [
	{
		id: 'view.nodes',
		keys: ['N'],
		scope: 'view',
		title: 'Nodes: GPUs allocated, cordon state, pods per node (again or Esc to leave)',
		hint: 'nodes',
		run: ({ store }) => store.updateUi(store.ui.view === 'nodes' ? { view: undefined, focus: 'workloads', filter: '' } : { view: 'nodes', focus: 'nodes', filter: '' }),
	},
	nodeCommand('node.cordon', 'c', 'cordon', 'Cordon the selected node: no new pods on it', 'cordon'),
	nodeCommand('node.uncordon', 'u', 'uncordon', 'Uncordon the selected node', 'uncordon'),
];
