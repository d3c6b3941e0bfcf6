import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Pod } from '../../source/domain/k8s';
import { Store } from '../../source/store/store';

const pod = (name: string): Pod => ({ kind: 'Pod', metadata: { name, namespace: 'ns' }, spec: {} });

afterEach(() => vi.useRealTimers());

describe('store', () => {
	it('coalesces source events into one notification per window; UI changes notify at once', () => {
		vi.useFakeTimers();
		const store = new Store({ now: 0, themeName: 'dark', readonly: false, coalesceMs: 150 });
		const listener = vi.fn();
		store.subscribe(listener);
		for (let i = 0; i < 50; i++) store.ingest([{ type: 'upsert', object: pod(`p${i}`) }]);
		expect(listener).not.toHaveBeenCalled();
		vi.advanceTimersByTime(150);
		expect(listener).toHaveBeenCalledTimes(1);
		store.updateUi({ filter: 'x' });
		expect(listener).toHaveBeenCalledTimes(2);
		expect(store.getSnapshot().cluster.objects.get('Pod')?.size).toBe(50);
	});

	it('drops the metrics history of pods that are gone', () => {
		const store = new Store({ now: 0, themeName: 'dark', readonly: false, coalesceMs: 0 });
		store.ingest([{ type: 'sync', kind: 'Pod', objects: [pod('a'), pod('b')] }]);
		store.ingestSamples([
			{ namespace: 'ns', pod: 'a', at: 1, values: { p99: 10 } },
			{ namespace: 'ns', pod: 'b', at: 1, values: { p99: 20 } },
		]);
		store.ingest([{ type: 'delete', kind: 'Pod', namespace: 'ns', name: 'a' }]);
		expect(store.metrics.latest('ns', 'a')).toBeUndefined();
		expect(store.metrics.latest('ns', 'b')?.values.p99).toBe(20);
		store.ingest([{ type: 'sync', kind: 'Pod', objects: [] }]);
		expect(store.metrics.latest('ns', 'b')).toBeUndefined();
	});

	it('merges a backfill into the history without replacing newer samples', () => {
		const store = new Store({ now: 0, themeName: 'dark', readonly: false, coalesceMs: 0 });
		store.ingest([{ type: 'sync', kind: 'Pod', objects: [pod('a')] }]);
		store.ingestSamples([
			{ namespace: 'ns', pod: 'a', at: 100, values: { p99: 5 } },
			{ namespace: 'other', pod: 'x', at: 100, values: { p99: 7 } },
		]);
		expect(store.metrics.latest('other', 'x')).toBeUndefined();
		store.backfillSamples([10, 20, 30].map((at) => ({ namespace: 'ns', pod: 'a', at, values: { p99: at } })));
		expect(store.metrics.series('ns', 'a', 'p99', 0)).toEqual([[10, 10], [20, 20], [30, 30], [100, 5]]);
		expect(store.metrics.latest('ns', 'a')?.at).toBe(100);
	});
});

describe('metrics history', () => {
	it('keeps the newest points up to its limit, per metric, skipping values a sample did not carry', async () => {
		const { MetricsHistory, HISTORY_POINTS } = await import('../../source/store/metrics-history');
		const history = new MetricsHistory();
		for (let at = 1; at <= HISTORY_POINTS + 50; at++) {
			history.ingest([{ namespace: 'ns', pod: 'a', at, values: at % 2 ? { p99: at } : { p99: at, rps: at * 10 } }]);
		}
		const p99 = history.series('ns', 'a', 'p99', 0);
		expect(p99.length).toBe(HISTORY_POINTS);
		expect(p99[0]).toEqual([51, 51]);
		expect(p99.at(-1)).toEqual([HISTORY_POINTS + 50, HISTORY_POINTS + 50]);
		const rps = history.series('ns', 'a', 'rps', 0);
		expect(rps.every(([at, value]) => at % 2 === 0 && value === at * 10)).toBe(true);
		expect(history.series('ns', 'a', 'p99', HISTORY_POINTS + 40).length).toBe(11);
		expect(history.latest('ns', 'a')?.at).toBe(HISTORY_POINTS + 50);
	});
});

describe('backfill of several metrics', () => {
	it('merges values recorded at the same instant instead of replacing them', async () => {
		const { MetricsHistory } = await import('../../source/store/metrics-history');
		const history = new MetricsHistory();
		const grid = [1000, 2000, 3000];
		history.backfill(grid.map((at) => ({ namespace: 'ns', pod: 'a', at, values: { gpuUtil: at / 100 } })));
		history.backfill(grid.map((at) => ({ namespace: 'ns', pod: 'a', at, values: { p99: at / 10 } })));
		expect(history.series('ns', 'a', 'gpuUtil', 0)).toEqual([[1000, 10], [2000, 20], [3000, 30]]);
		expect(history.series('ns', 'a', 'p99', 0)).toEqual([[1000, 100], [2000, 200], [3000, 300]]);
	});
});
