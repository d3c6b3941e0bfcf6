// Rebuild, compare, publish: a part of the screen is published only when what it shows changed.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ScreenPublisher } from '../../source/present/screen-publisher';
import { sameValue } from '../../source/present/same-value';
import { DEFAULT_THRESHOLDS } from '../../source/domain/thresholds';
import { createSimulator, loadScenario } from '../../source/sources/simulator';
import { Store } from '../../source/store/store';

const running: Array<() => void> = [];
afterEach(() => running.splice(0).forEach((stop) => stop()));

function simulatedScreen() {
	const sim = createSimulator(loadScenario('default'), { seed: 1, speed: 0 });
	sim.advance(60_000);
	const store = new Store({ now: sim.now(), themeName: 'dark', readonly: false, coalesceMs: 0, viewport: { columns: 120, rows: 40 } });
	sim.start((events) => store.ingest(events));
	const screen = new ScreenPublisher(store, { source: () => ({ kind: 'simulated', label: 'sim:default' }), thresholds: DEFAULT_THRESHOLDS, chartSlotMs: 1000 });
	const heard = { chrome: vi.fn(), workloads: vi.fn(), replicas: vi.fn(), rollout: vi.fn(), chart: vi.fn(), events: vi.fn() };
	for (const [part, listener] of Object.entries(heard)) screen.subscribe(part as keyof typeof heard, listener);
	running.push(() => {
		screen.stop();
		sim.stop();
		store.dispose();
	});
	return { sim, store, screen, heard };
}

describe('screen publisher', () => {
	it('publishes nothing when a store change leaves every part as it was', () => {
		const { store, screen, heard } = simulatedScreen();
		const before = { chrome: screen.chrome(), workloads: screen.pane('workloads') };
		store.updateUi({});
		for (const listener of Object.values(heard)) expect(listener).not.toHaveBeenCalled();
		expect(screen.chrome()).toBe(before.chrome);
		expect(screen.pane('workloads')).toBe(before.workloads);
	});

	it('a new chart metric republishes the chart pane only', () => {
		const { store, screen, heard } = simulatedScreen();
		const workloads = screen.pane('workloads');
		store.updateUi({ chartMetric: 'rps' });
		expect(heard.chart).toHaveBeenCalledTimes(1);
		expect(heard.workloads).not.toHaveBeenCalled();
		expect(heard.replicas).not.toHaveBeenCalled();
		expect(heard.chrome).not.toHaveBeenCalled();
		expect(screen.pane('workloads')).toBe(workloads);
		expect(screen.pane('chart')?.title).toMatch(/RPS/i);
	});

	it('a focus change republishes the two panes whose frames change and the footer stays', () => {
		const { store, heard } = simulatedScreen();
		store.updateUi({ focus: 'replicas' });
		expect(heard.workloads).toHaveBeenCalledTimes(1);
		expect(heard.replicas).toHaveBeenCalledTimes(1);
		expect(heard.events).not.toHaveBeenCalled();
		expect(heard.chrome).not.toHaveBeenCalled();
	});

	it('a resize republishes the chrome with the new layout', () => {
		const { store, screen, heard } = simulatedScreen();
		store.setViewport({ columns: 80, rows: 24 });
		expect(heard.chrome).toHaveBeenCalled();
		expect(screen.chrome().layout.kind).toBe('narrow');
	});
});

describe('sameValue', () => {
	it.each([
		[{ a: [1, { b: 'x' }] }, { a: [1, { b: 'x' }] }, true],
		[{ a: [1, { b: 'x' }] }, { a: [1, { b: 'y' }] }, false],
		[[1, 2], [1, 2, 3], false],
		[{ a: 1 }, { a: 1, b: undefined }, false],
		[{ a: NaN }, { a: NaN }, true],
		[[], {}, false],
		[null, {}, false],
	])('%j vs %j → %s', (a, b, same) => {
		expect(sameValue(a, b)).toBe(same);
	});
});
