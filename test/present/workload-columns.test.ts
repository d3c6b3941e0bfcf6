// The workloads list keeps the strategy column (canary / blueGreen / rolling) from 100 columns up, and
// a long list keeps its columns however it is scrolled.
import { describe, expect, it } from 'vitest';
import { objectKey, type Deployment } from '../../source/domain/k8s';
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

describe('a long workloads list', () => {
	// 30 Deployments, only the last one with a five-digit count: far below the first screen of rows.
	const deployment = (i: number): Deployment => ({
		kind: 'Deployment',
		metadata: { name: `svc-${String(i).padStart(2, '0')}`, namespace: 'llm', creationTimestamp: '2026-01-01T00:00:00Z' },
		spec: { replicas: i === 29 ? 10000 : 2 },
		status: { replicas: i === 29 ? 10000 : 2, readyReplicas: i === 29 ? 9426 : 2, updatedReplicas: 2, availableReplicas: 2 },
	});
	const store = new Store({ now: Date.parse('2026-01-02T00:00:00Z'), themeName: 'dark', readonly: false, coalesceMs: 0 });
	store.ingest([{ type: 'sync', kind: 'Deployment', objects: Array.from({ length: 30 }, (_, i) => deployment(i)) }]);
	const table = (workloadKey?: string) => {
		store.updateUi({ workloadKey });
		return buildWorkloadTable(store.getSnapshot(), 100, 8);
	};
	const ready = (t: ReturnType<typeof table>) => t.columns.findIndex((c) => c.title === 'READY');

	it('keeps READY as wide as the widest count of the whole list, in view or not', () => {
		const top = table(objectKey('Deployment', 'llm', 'svc-00'));
		expect(top.rows.map((r) => r.key)).not.toContain(objectKey('Deployment', 'llm', 'svc-29'));
		expect(top.columns[ready(top)].width).toBe('9426/10000'.length);
		const bottom = table(objectKey('Deployment', 'llm', 'svc-29'));
		expect(bottom.columns).toEqual(top.columns);
		expect(bottom.rows.at(-1)?.cells[ready(bottom)].text).toBe('9426/10000');
	});

	it('draws the rows in view, the selected one among them, and counts the whole list', () => {
		const middle = table(objectKey('Deployment', 'llm', 'svc-15'));
		expect(middle.rows.map((r) => r.cells[1].text)).toEqual(['svc-12', 'svc-13', 'svc-14', 'svc-15', 'svc-16', 'svc-17', 'svc-18']);
		expect(middle.selected).toBe(3);
		expect(middle.position).toBe('13–19 of 30');
		expect(middle.rows[3].cells[ready(middle)].text).toBe('2/2');
	});
});
