// How the console shows things: chart metric, replica sort order, colour theme. The pane-bound ones
// work where the list panes are: the Nodes view has no chart, analysis or replicas, and in the log
// pane its own keys take over.
import { METRIC_IDS, type MetricId } from '../../domain/metrics';
import { REPLICA_SORT_KEYS, TAB_PANES } from '../../store/ui-state';
import type { Command, CommandEnv } from '../command';
import { toggleAnalysis } from '../navigation';
import { setTheme } from '../theme-switch';

const CHART_METRICS: MetricId[] = METRIC_IDS.filter((id) => id !== 'gpuMemTotal');

function next<T>(list: readonly T[], current: T, step: number): T {
	return list[(list.indexOf(current) + step + list.length) % list.length];
}

const chartMetric = (step: number) => ({ store }: CommandEnv) => store.updateUi({ chartMetric: next(CHART_METRICS, store.ui.chartMetric, step) });

export const VIEW_COMMANDS: Command[] = [
	{ id: 'view.analysis', keys: ['a'], scope: 'view', panes: TAB_PANES, title: 'Analysis of the selected Rollout (again: back to the rollout)', hint: 'analysis', run: ({ store }) => toggleAnalysis(store) },
	{ id: 'view.chartMetric', keys: ['c'], scope: 'view', panes: TAB_PANES, title: 'Chart: next metric', hint: 'chart', run: chartMetric(1) },
	{ id: 'view.chartMetricPrev', keys: ['C'], scope: 'view', panes: TAB_PANES, title: 'Chart: previous metric', run: chartMetric(-1) },
	{
		id: 'view.sort',
		keys: ['o'],
		scope: 'view',
		panes: TAB_PANES,
		title: 'Replicas: sort by next column',
		run: ({ store }) => store.updateUi({ replicaSort: next(REPLICA_SORT_KEYS, store.ui.replicaSort, 1) }),
	},
	{
		id: 'view.theme',
		keys: ['T'],
		scope: 'view',
		title: 'Next colour theme',
		run: (env) => setTheme(env, next(env.host.themes(), env.store.ui.themeName, 1)),
	},
];
