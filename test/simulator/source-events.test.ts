import { afterEach, describe, expect, it } from 'vitest';
import type { SourceEvent } from '../../source/domain/source';
import type { ReplicaSample } from '../../source/domain/metrics';
import type { Simulator } from '../../source/sources/simulator';
import { tickErrorReporter } from '../../source/cli/sim-serve';
import { createSimulator, loadScenario } from '../../source/sources/simulator';
import { CANARY, NS, simulator } from './helpers';

let sim: Simulator | undefined;
afterEach(() => {
	sim?.stop();
	sim?.metrics.stop();
});

async function until(condition: () => boolean, what: string, limitMs = 5000): Promise<void> {
	const deadline = Date.now() + limitMs;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((resolve) => setImmediate(resolve));
	}
}

describe('simulator as a source', () => {
	it('starts with a sync per kind and a clock, then batches each advance', () => {
		sim = simulator();
		sim.setSpeed(0);
		const batches: SourceEvent[][] = [];
		sim.start((events) => batches.push(events));
		const syncs = batches[0].filter((e) => e.type === 'sync');
		expect(syncs.map((e) => e.type === 'sync' && e.kind)).toEqual(['Rollout', 'Deployment', 'ReplicaSet', 'Pod', 'Node', 'Event', 'AnalysisRun', 'HorizontalPodAutoscaler', 'ScaledObject']);
		expect(batches[0].at(-1)).toEqual({ type: 'clock', now: sim.now(), speed: 0 });
		expect(sim.kind).toBe('simulated');
		expect(sim.label).toBe('sim:default');

		sim.advance(10_000);
		const batch = batches.at(-1) ?? [];
		expect(batch.at(-1)).toMatchObject({ type: 'clock', now: sim.now() });
		const upserts = batch.filter((e) => e.type === 'upsert');
		expect(upserts.some((e) => e.type === 'upsert' && e.object.kind === 'Rollout' && e.object.metadata.name === CANARY)).toBe(true);
		// One event per object per batch: the latest state wins.
		const keys = upserts.map((e) => e.type === 'upsert' && `${e.object.kind}/${e.object.metadata.namespace}/${e.object.metadata.name}`);
		expect(new Set(keys).size).toBe(keys.length);
	});

	it('emits a patched object at once', async () => {
		sim = simulator();
		sim.setSpeed(0);
		const batches: SourceEvent[][] = [];
		sim.start((events) => batches.push(events));
		const response = await sim.patch({ target: { kind: 'Rollout', namespace: NS, name: CANARY }, patchType: 'merge', body: { spec: { paused: true } } });
		expect(response.status).toBe(200);
		const last = batches.at(-1) ?? [];
		expect(last).toHaveLength(1);
		expect(last[0]).toMatchObject({ type: 'upsert', object: { kind: 'Rollout', spec: { paused: true } } });
	});

	it('runs ticks on a real-time timer scaled by speed, and emits samples each simulated second', async () => {
		sim = simulator();
		sim.setSpeed(100);
		const clocks: number[] = [];
		const samples: ReplicaSample[][] = [];
		sim.start((events) => events.forEach((e) => e.type === 'clock' && clocks.push(e.now)));
		sim.metrics.start((batch) => samples.push(batch));
		const start = sim.now();
		await until(() => sim!.now() - start >= 5000, 'five simulated seconds');
		sim.setSpeed(0);
		const frozen = sim.now();
		expect(samples.length).toBeGreaterThanOrEqual(6);
		expect(samples.at(-1)?.[0]?.at).toBe(frozen);
		expect(clocks.at(-1)).toBe(frozen);
		expect(sim.getSpeed()).toBe(0);
		sim.setSpeed(1000);
		expect(sim.getSpeed()).toBe(100);
	});
});

describe('a step of the clock that throws', () => {
	it('is reported to onTickError and the clock goes on (so sim serve keeps serving)', async () => {
		const errors: string[] = [];
		sim = createSimulator(loadScenario('default'), { seed: 7, speed: 20, onTickError: (error) => errors.push(error.message) });
		let failures = 1;
		// A listener that fails once, in the middle of a tick's writes, stands for a controller meeting an object it cannot handle.
		sim.store.subscribe(() => {
			if (failures-- > 0) throw new Error('controller failed');
		});
		const start = sim.now();
		sim.start(() => {});
		await until(() => errors.length > 0 && sim!.now() >= start + 5_000, 'an error reported and five more simulated seconds');
		expect(errors).toEqual(['controller failed']);
	});

	it('sim serve reports each distinct error once, in one line', () => {
		const lines: string[] = [];
		const report = tickErrorReporter((line) => lines.push(line));
		for (const message of ['a', 'a', 'b']) report(new Error(message));
		expect(lines).toEqual([
			'rolltop sim serve: a simulated controller failed (a); the API keeps serving and the clock goes on\n',
			'rolltop sim serve: a simulated controller failed (b); the API keeps serving and the clock goes on\n',
		]);
	});
});
