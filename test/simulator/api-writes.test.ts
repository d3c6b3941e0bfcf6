// What the simulator does with pods and ReplicaSets created over the API (`sim serve`): a bare pod
// runs like any other but is nobody's replica; a plain container (an image that is no model server)
// reports no serving metrics and logs nothing; a ReplicaSet without an owner runs its own pods.
import { describe, expect, it } from 'vitest';
import type { Deployment, Pod, ReplicaSet, Rollout } from '../../source/domain/k8s';
import type { Simulator } from '../../source/sources/simulator';
import { advanceUntil, samples, simulator, sum } from './helpers';

const NS = 'search';
const WORKLOAD = 'bge-reranker-v2';

function barePod(name: string, image: string): Pod {
	return {
		apiVersion: 'v1',
		kind: 'Pod',
		metadata: { name, namespace: NS, labels: { run: name } },
		spec: { containers: [{ name, image }] },
	};
}

const stored = (sim: Simulator, name: string) => sim.store.get({ kind: 'Pod', namespace: NS, name }) as Pod | undefined;
const ready = (pod: Pod | undefined) => pod?.status?.conditions?.find((c) => c.type === 'Ready')?.status === 'True';

function logText(sim: Simulator, name: string): string[] {
	const lines: string[] = [];
	sim.openLogs!({ namespace: NS, pod: name, container: name, follow: false }, { lines: (batch) => lines.push(...batch.map((l) => l.text)), end: () => {}, error: (message) => lines.push(`error: ${message}`) });
	return lines;
}

describe('objects created over the API', () => {
	it('a bare busybox pod becomes Running and Ready, with no serving metrics and an empty log', () => {
		const sim = simulator();
		sim.create(barePod('probe', 'busybox:1.36'));
		advanceUntil(sim, () => ready(stored(sim, 'probe')), 30_000, 'probe Ready');
		const pod = stored(sim, 'probe')!;
		expect(pod.status?.phase).toBe('Running');
		expect(pod.metadata.ownerReferences).toBeUndefined();
		expect(pod.status?.qosClass).toBe('BestEffort');
		sim.advance(10_000);
		expect(sim.truth().some((s) => s.pod === 'probe')).toBe(false);
		expect(logText(sim, 'probe')).toEqual([]);
	});

	it('a bare pod named like a workload takes none of its traffic, and the workload keeps all of it', () => {
		const sim = simulator();
		sim.create(barePod(WORKLOAD, 'vllm/vllm-openai:v0.6.3'));
		advanceUntil(sim, () => ready(stored(sim, WORKLOAD)), 120_000, 'the bare vLLM pod Ready');
		for (let s = 0; s < 10; s++) {
			sim.advance(1000);
			const bare = sim.truth().find((x) => x.pod === WORKLOAD);
			// A model server reports its GPU and serving metrics, but nobody routes requests to it.
			expect(bare?.values.rps).toBe(0);
			expect(sum(samples(sim, WORKLOAD, NS).map((x) => x.values.rps))).toBeCloseTo(sim.offeredLoad(NS, WORKLOAD), 6);
		}
	});

	it('a deleted bare pod terminates gracefully and is not replaced', () => {
		const sim = simulator();
		sim.create(barePod('probe', 'busybox:1.36'));
		advanceUntil(sim, () => ready(stored(sim, 'probe')), 30_000, 'probe Ready');
		const answer = sim.remove({ kind: 'Pod', namespace: NS, name: 'probe' });
		expect(answer?.metadata.deletionTimestamp).toBeDefined();
		advanceUntil(sim, () => stored(sim, 'probe') === undefined, 30_000, 'probe gone');
		sim.advance(30_000);
		expect((sim.store.list('Pod', NS) as Pod[]).filter((p) => p.metadata.labels?.run === 'probe')).toEqual([]);
	});

	it('a ReplicaSet without an owner runs and scales its pods, and takes them with it when deleted', () => {
		const sim = simulator();
		const rs: ReplicaSet = {
			apiVersion: 'apps/v1',
			kind: 'ReplicaSet',
			metadata: { name: 'echo', namespace: NS },
			spec: { replicas: 2, selector: { matchLabels: { app: 'echo' } }, template: { metadata: { labels: { app: 'echo' } }, spec: { containers: [{ name: 'echo', image: 'busybox:1.36' }] } } },
		};
		sim.create(rs);
		const owned = () => (sim.store.list('Pod', NS) as Pod[]).filter((p) => p.metadata.ownerReferences?.[0]?.name === 'echo');
		const readyCount = () => (sim.store.get({ kind: 'ReplicaSet', namespace: NS, name: 'echo' }) as ReplicaSet | undefined)?.status?.readyReplicas;
		advanceUntil(sim, () => readyCount() === 2, 30_000, '2 ready');
		expect(owned().every((p) => p.metadata.generateName === 'echo-')).toBe(true);
		sim.store.patch({ kind: 'ReplicaSet', namespace: NS, name: 'echo' }, 'scale', 'merge', { spec: { replicas: 3 } });
		advanceUntil(sim, () => readyCount() === 3, 30_000, '3 ready');
		sim.remove({ kind: 'ReplicaSet', namespace: NS, name: 'echo' });
		advanceUntil(sim, () => owned().length === 0, 30_000, 'its pods gone');
	});
});

describe('a Deployment and a Rollout of the same name in one namespace', () => {
	it('are run each on its own: creating and deleting the Deployment leaves the Rollout running its model server and scalable', () => {
		const sim = simulator();
		const ns = 'llm-serving';
		const name = 'llama-3-1-8b-chat';
		const labels = { app: 'twin' };
		const rolloutRef = { kind: 'Rollout' as const, namespace: ns, name };
		const rolloutPods = () => new Set((sim.store.list('Pod', ns) as Pod[]).filter((p) => p.metadata.name.startsWith(`${name}-`) && p.metadata.labels?.app !== 'twin').map((p) => p.metadata.name));
		sim.create({
			apiVersion: 'apps/v1',
			kind: 'Deployment',
			metadata: { name, namespace: ns },
			spec: { replicas: 1, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: 'c', image: 'busybox:1.36' }] } } },
		} as Deployment);
		sim.advance(5000);
		const old = rolloutPods();
		const replicas = (sim.store.get(rolloutRef) as Rollout).spec.replicas ?? 0;
		sim.store.patch(rolloutRef, 'scale', 'merge', { spec: { replicas: replicas + 1 } });
		sim.advance(1000);
		const added = [...rolloutPods()].find((pod) => !old.has(pod));
		expect(added).toBeDefined();
		// Its new replica serves the model (a busybox's record would report nothing).
		advanceUntil(sim, () => sim.truth().some((s) => s.pod === added), 300_000, 'the new Rollout replica reporting serving metrics');

		sim.remove({ kind: 'Deployment', namespace: ns, name });
		sim.advance(1000);
		const count = rolloutPods().size;
		sim.store.patch(rolloutRef, 'scale', 'merge', { spec: { replicas: replicas + 3 } });
		advanceUntil(sim, () => rolloutPods().size > count, 30_000, 'the Rollout scaled after the Deployment went');
	});
});
