import { describe, expect, it } from 'vitest';
import { KINDS } from '../../source/domain/k8s';
import type { Simulator } from '../../source/sources/simulator';
import { CANARY, NS, promote, simulator } from './helpers';

function snapshot(sim: Simulator) {
	return { objects: KINDS.map((kind) => sim.store.list(kind)), samples: sim.truth(), now: sim.now() };
}

async function script(sim: Simulator): Promise<void> {
	sim.advance(70_000);
	await promote(sim);
	sim.advance(30_000);
	await sim.patch({ target: { kind: 'Rollout', namespace: NS, name: CANARY }, subresource: 'scale', patchType: 'merge', body: { spec: { replicas: 12 } } });
	sim.advance(45_500);
}

describe('determinism', () => {
	it('the same seed, patches and simulated time give identical objects and samples', async () => {
		const a = simulator('default', 42);
		const b = simulator('default', 42);
		await script(a);
		await script(b);
		expect(snapshot(a)).toEqual(snapshot(b));
		expect(a.truth().length).toBeGreaterThan(20);
	});

	it('a different seed gives a different cluster', async () => {
		const a = simulator('default', 42);
		const b = simulator('default', 43);
		await script(a);
		await script(b);
		const names = (sim: Simulator) => sim.store.list('Pod').map((p) => p.metadata.name);
		expect(names(a)).not.toEqual(names(b));
		expect(a.truth().map((s) => s.values.p99)).not.toEqual(b.truth().map((s) => s.values.p99));
	});

	it('starts at the scenario instant and keeps a fractional advance for later', () => {
		const sim = simulator();
		expect(sim.now()).toBe(Date.parse('2026-01-01T00:00:00Z'));
		sim.advance(1500);
		expect(sim.now()).toBe(Date.parse('2026-01-01T00:00:01Z'));
		sim.advance(500);
		expect(sim.now()).toBe(Date.parse('2026-01-01T00:00:02Z'));
	});
});
