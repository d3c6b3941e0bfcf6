import { describe, expect, it } from 'vitest';
import { computeLayout, layoutPanes } from '../../source/present/layout';
import { buildTable, fitColumns, visibleWindow } from '../../source/present/table';

describe('layout', () => {
	it.each([
		[80, 24, 'narrow'],
		[120, 40, 'wide'],
		[250, 80, 'wide'],
		[59, 24, 'tooSmall'],
		[80, 15, 'tooSmall'],
	])('%ix%i is %s and never taller than rows − 1', (columns, rows, kind) => {
		const layout = computeLayout(columns, rows, 'workloads', 'rollout');
		expect(layout.kind).toBe(kind);
		if (layout.kind === 'tooSmall') return;
		const panes = layoutPanes(layout);
		const body = layout.kind === 'wide' ? layout.left.reduce((n, p) => n + p.height, 0) + layout.bottom.height : panes.reduce((n, p) => n + p.height, 0);
		expect(body + 2).toBeLessThanOrEqual(rows - 1);
		for (const pane of panes) expect(pane.width).toBeLessThanOrEqual(columns);
	});

	it('narrow layout shows the focused detail pane, or the last one', () => {
		const chart = computeLayout(80, 24, 'chart', 'rollout');
		expect(chart.kind === 'narrow' && chart.stack.map((p) => p.id)).toEqual(['workloads', 'replicas', 'chart']);
		const list = computeLayout(80, 24, 'replicas', 'events');
		expect(list.kind === 'narrow' && list.stack[2].id).toBe('events');
	});
});

describe('tables', () => {
	const specs = [
		{ title: 'A', width: 10, priority: 0, flex: true },
		{ title: 'B', width: 10, priority: 2 },
		{ title: 'C', width: 10, priority: 1 },
	];

	it('drops the least important columns first and gives spare width to the flex column', () => {
		expect(fitColumns(specs, 32).columns.map((c) => [c.title, c.width])).toEqual([['A', 10], ['B', 10], ['C', 10]]);
		expect(fitColumns(specs, 25).columns.map((c) => [c.title, c.width])).toEqual([['A', 14], ['C', 10]]);
		expect(fitColumns(specs, 5).columns.map((c) => [c.title, c.width])).toEqual([['A', 5]]);
	});

	it('windows rows around the selection', () => {
		expect(visibleWindow(100, 10, 0)).toEqual({ start: 0, end: 10 });
		expect(visibleWindow(100, 10, 50)).toEqual({ start: 45, end: 55 });
		expect(visibleWindow(100, 10, 99)).toEqual({ start: 90, end: 100 });
		const rows = Array.from({ length: 30 }, (_, i) => ({ key: `r${i}`, cells: [{ text: `${i}` }, { text: '' }, { text: '' }] }));
		const table = buildTable(specs, rows, { width: 40, height: 5, selectedKey: 'r20', empty: 'none' });
		expect(table.rows.map((r) => r.key)).toEqual(['r18', 'r19', 'r20', 'r21', 'r22']);
		expect(table.selected).toBe(2);
		expect(table.position).toBe('19–23 of 30');
	});
});

describe('big numbers', () => {
	it('a column widens to its longest cell: a 10,000-replica READY count is never cut', async () => {
		const { widenToContent, buildTable } = await import('../../source/present/table');
		const specs = [
			{ title: 'NAME', width: 10, priority: 0, flex: true },
			{ title: 'READY', width: 7, priority: 0, align: 'right' as const },
		];
		const rows = [
			{ key: 'a', cells: [{ text: 'big' }, { text: '9426/10000' }] },
			{ key: 'b', cells: [{ text: 'small' }, { text: '4/4' }] },
		];
		const table = buildTable(widenToContent(specs, 'READY', ['9426/10000', '4/4']), rows, { width: 30, height: 5, empty: '' });
		expect(table.columns.map((c) => c.width)).toEqual([19, 10]);
		expect(widenToContent(specs, 'READY', ['4/4'])).toBe(specs);
	});
});
