// A store holding the real-shaped objects of fixtures/k8s, on the fixtures' pinned clock.
import { KINDS, type KubeEvent, type KubeObject } from '../../source/domain/k8s';
import { Store } from '../../source/store/store';
import { loadFixture, NOW } from '../domain/fixtures';

export function fixtureStore(fixtures: string[], now = NOW): Store {
	const sets = fixtures.map(loadFixture);
	const objects: KubeObject[] = sets.flatMap((set) => [...set.rollouts, ...set.deployments, ...set.replicaSets, ...set.pods]);
	const store = new Store({ now, themeName: 'mono', readonly: false, coalesceMs: 0 });
	store.ingest(KINDS.map((kind) => ({ type: 'sync' as const, kind, objects: objects.filter((o) => o.kind === kind) })));
	store.ingest([{ type: 'clock', now }]);
	return store;
}

/**
 * Three workloads (a canary past its progress deadline with a pod that cannot pull its image, a canary
 * in a timed pause, a rolling Deployment), 40 samples of the stable llama pod 5 s apart up to NOW,
 * two events about llama-3-70b and one failed action in the log.
 */
export function sceneStore(): Store {
	const store = fixtureStore(['canary-deadline', 'canary-timed-pause', 'deployment-rolling']);
	for (let i = 0; i < 40; i++) {
		const values = { p99: 700 + 15 * i, gpuUtil: 60 + (i % 7), gpuMemUsed: 61_000, gpuMemTotal: 81_920, errorRate: 0.1, rps: 3.5 };
		store.ingestSamples([{ namespace: 'llm', pod: 'llama-3-70b-7c9d8f6b5-6jfpt', at: NOW - (39 - i) * 5000, values }]);
	}
	const event = (name: string, involvedObject: KubeEvent['involvedObject'], fields: Partial<KubeEvent>): KubeEvent => ({
		kind: 'Event',
		metadata: { name, namespace: 'llm' },
		involvedObject,
		...fields,
	});
	store.ingest([
		{
			type: 'upsert',
			object: event('llama-3-70b-5f6d7c8b94-9wf5r.17d', { kind: 'Pod', namespace: 'llm', name: 'llama-3-70b-5f6d7c8b94-9wf5r' }, {
				type: 'Warning',
				reason: 'Failed',
				message: 'Failed to pull image "vllm/vllm-openai:v0.6.4-does-not-exist": not found',
				count: 7,
				lastTimestamp: '2024-06-01T11:59:30Z',
			}),
		},
		{
			type: 'upsert',
			object: event('llama-3-70b.17c', { kind: 'Rollout', namespace: 'llm', name: 'llama-3-70b' }, {
				type: 'Normal',
				reason: 'RolloutUpdated',
				message: 'Rollout updated to revision 31',
				lastTimestamp: '2024-06-01T11:50:00Z',
			}),
		},
	]);
	store.addLog({ at: NOW - 20_000, summary: 'abort rollout llm/llama-3-70b', ok: false, message: 'forbidden: user cannot patch rollouts/status', user: 'tester' });
	store.flush();
	return store;
}
