// The workloads list keeps the strategy column (canary / blueGreen / rolling) from 100 columns up.
import { describe, expect, it } from 'vitest';
import { computeLayout, layoutPanes } from '../../source/present/layout';
import { buildWorkloadTable } from '../../source/present/workload-rows';
import { Store } from '../../source/store/store';

describe('workloads columns', () => {
	const store = new Store({ now: 0, themeName: 'dark', readonly: false, coalesceMs: 0 });
	const sizes = [80, 100, 110, 120, 140, 160, 200, 250].flatMap((columns) => [24, 40].map((rows) => [columns, rows] as const));

	it.each(sizes)('at %ix%i the strategy column is %s', (columns, rows) => {
		const layout = computeLayout(columns, rows, 'workloads', 'rollout');
		const pane = layoutPanes(layout).find((p) => p.id === 'workloads')!;
		const titles = buildWorkloadTable(store.getSnapshot(), pane.width - 2, pane.height - 2).columns.map((c) => c.title);
		expect(titles).toEqual(expect.arrayContaining(['STATUS', 'NAME', 'STRATEGY', 'STEP', 'READY']));
	});
});
