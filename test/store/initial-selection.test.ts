// The first screen opens on the workload that most needs attention; a choice the operator made stays.
import { describe, expect, it } from 'vitest';
import type { Deployment, Rollout } from '../../source/domain/k8s';
import { Store } from '../../source/store/store';

const rollout = (name: string, phase: string): Rollout =>
	({
		kind: 'Rollout',
		metadata: { name, namespace: 'ns', generation: 1 },
		spec: { replicas: 1, strategy: { canary: {} } },
		status: { phase, observedGeneration: '1' },
	}) as unknown as Rollout;
const deployment = (name: string): Deployment =>
	({ kind: 'Deployment', metadata: { name, namespace: 'ns', generation: 1 }, spec: { replicas: 1 }, status: { observedGeneration: 1, replicas: 1, updatedReplicas: 1, readyReplicas: 1, availableReplicas: 1 } }) as Deployment;

function storeWith(rollouts: Rollout[], deployments: Deployment[] = []): Store {
	const store = new Store({ now: 0, themeName: 'dark', readonly: false, coalesceMs: 0 });
	store.ingest([
		{ type: 'sync', kind: 'Rollout', objects: rollouts },
		{ type: 'sync', kind: 'Deployment', objects: deployments },
	]);
	return store;
}

describe('the initial workload selection', () => {
	it.each([
		['degraded before paused, progressing and healthy', ['a-healthy:Healthy', 'b-progressing:Progressing', 'c-paused:Paused', 'd-degraded:Degraded'], 'Rollout/ns/d-degraded'],
		['paused before progressing and healthy', ['a-healthy:Healthy', 'b-progressing:Progressing', 'c-paused:Paused'], 'Rollout/ns/c-paused'],
		['progressing before healthy', ['a-healthy:Healthy', 'b-progressing:Progressing'], 'Rollout/ns/b-progressing'],
		['the first row among equals', ['a-healthy:Healthy', 'b-healthy:Healthy'], 'Deployment/ns/0-first-row'],
	])('%s', (_, specs, expected) => {
		const store = storeWith(specs.map((s) => rollout(...(s.split(':') as [string, string]))), [deployment('0-first-row')]);
		expect(store.ui.workloadKey).toBe(expected);
		store.dispose();
	});

	it('a selection the operator made is kept when another workload degrades', () => {
		const store = storeWith([rollout('a', 'Healthy'), rollout('b', 'Paused')]);
		expect(store.ui.workloadKey).toBe('Rollout/ns/b');
		store.updateUi({ workloadKey: 'Rollout/ns/a' });
		store.ingest([{ type: 'upsert', object: rollout('c', 'Degraded') }]);
		expect(store.ui.workloadKey).toBe('Rollout/ns/a');
		store.dispose();
	});
});
