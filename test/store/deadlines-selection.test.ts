// State with deadlines and selections kept by identity: both live in the store, not in views.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Deployment } from '../../source/domain/k8s';
import { Store } from '../../source/store/store';
import { FLASH_MS } from '../../source/store/ui-state';

afterEach(() => vi.useRealTimers());

const deployment = (name: string): Deployment => ({ kind: 'Deployment', metadata: { name, namespace: 'ns' }, spec: { replicas: 1 } }) as Deployment;

function storeAt(wall: { now: number }): Store {
	return new Store({ now: 0, themeName: 'dark', readonly: false, coalesceMs: 0, wallNow: () => wall.now });
}

describe('deadlines', () => {
	it('a flash lasts FLASH_MS of wall time: expire(now) removes it exactly at its deadline', () => {
		const wall = { now: 1_000 };
		const store = storeAt(wall);
		store.flash('saved', 'ok');
		expect(store.ui.flash).toEqual({ text: 'saved', tone: 'ok', until: 1_000 + FLASH_MS });
		store.expire(1_000 + FLASH_MS - 1);
		expect(store.ui.flash?.text).toBe('saved');
		store.expire(1_000 + FLASH_MS);
		expect(store.ui.flash).toBeUndefined();
		store.dispose();
	});

	it('the store applies a due deadline by itself and notifies its listeners', () => {
		vi.useFakeTimers();
		const wall = { now: 0 };
		const store = storeAt(wall);
		const listener = vi.fn();
		store.subscribe(listener);
		store.flash('promoted', 'ok');
		listener.mockClear();
		wall.now = FLASH_MS - 1;
		vi.advanceTimersByTime(FLASH_MS - 1);
		expect(store.ui.flash).toBeDefined();
		wall.now = FLASH_MS;
		vi.advanceTimersByTime(1);
		expect(store.ui.flash).toBeUndefined();
		expect(listener).toHaveBeenCalledTimes(1);
		store.dispose();
	});

	it('a newer flash replaces the older one and its deadline', () => {
		const wall = { now: 0 };
		const store = storeAt(wall);
		store.flash('first', 'info');
		wall.now = 3_000;
		store.flash('second', 'warn');
		store.expire(FLASH_MS);
		expect(store.ui.flash?.text).toBe('second');
		store.expire(3_000 + FLASH_MS);
		expect(store.ui.flash).toBeUndefined();
		store.dispose();
	});
});

describe('selection by identity', () => {
	it('pins the first workload when none is selected, and keeps it when a row appears above it', () => {
		const store = storeAt({ now: 0 });
		store.ingest([{ type: 'sync', kind: 'Deployment', objects: [deployment('m'), deployment('z')] }]);
		expect(store.ui.workloadKey).toBe('Deployment/ns/m');
		store.ingest([{ type: 'upsert', object: deployment('a') }]);
		expect(store.ui.workloadKey).toBe('Deployment/ns/m');
	});

	it('moves to the first row when the selected workload is gone', () => {
		const store = storeAt({ now: 0 });
		store.ingest([{ type: 'sync', kind: 'Deployment', objects: [deployment('m'), deployment('z')] }]);
		store.updateUi({ workloadKey: 'Deployment/ns/z' });
		store.ingest([{ type: 'delete', kind: 'Deployment', namespace: 'ns', name: 'z' }]);
		expect(store.ui.workloadKey).toBe('Deployment/ns/m');
	});
});
