// Small readers over a simulator's store and ground truth, shared by the simulator tests.
import type { PatchRequest } from '../../source/domain/action';
import type { Deployment, Pod, ReplicaSet, Rollout } from '../../source/domain/k8s';
import type { ReplicaSample } from '../../source/domain/metrics';
import { createSimulator, loadScenario, type Simulator } from '../../source/sources/simulator';

export const NS = 'llm-serving';
export const CANARY = 'llama-3-1-8b-chat';
export const BLUE_GREEN = 'qwen-2-5-7b-support';

export function simulator(scenario = 'default', seed = 7): Simulator {
	return createSimulator(loadScenario(scenario), { seed });
}

export function rollout(sim: Simulator, name = CANARY, namespace = NS): Rollout {
	return sim.store.get({ kind: 'Rollout', namespace, name }) as Rollout;
}

export function deployment(sim: Simulator, name: string, namespace: string): Deployment {
	return sim.store.get({ kind: 'Deployment', namespace, name }) as Deployment;
}

export function replicaSets(sim: Simulator, owner: string, namespace: string): ReplicaSet[] {
	return (sim.store.list('ReplicaSet', namespace) as ReplicaSet[]).filter((rs) => rs.metadata.ownerReferences?.[0]?.name === owner);
}

export function pods(sim: Simulator, owner: string, namespace: string): Pod[] {
	const names = new Set(replicaSets(sim, owner, namespace).map((rs) => rs.metadata.name));
	return (sim.store.list('Pod', namespace) as Pod[]).filter((p) => names.has(p.metadata.ownerReferences?.[0]?.name ?? ''));
}

/** Ground-truth samples of a workload's pods, optionally only those of one pod-template hash. */
export function samples(sim: Simulator, owner: string, namespace: string, hash?: string): ReplicaSample[] {
	const wanted = new Map(pods(sim, owner, namespace).map((p) => [p.metadata.name, p]));
	return sim.truth().filter((s) => {
		const pod = wanted.get(s.pod);
		if (!pod) return false;
		const labels = pod.metadata.labels ?? {};
		return hash === undefined || (labels['rollouts-pod-template-hash'] ?? labels['pod-template-hash']) === hash;
	});
}

export function sum(values: Array<number | undefined>): number {
	return values.reduce<number>((a, b) => a + (b ?? 0), 0);
}

export function mean(values: Array<number | undefined>): number {
	const present = values.filter((v): v is number => v !== undefined);
	return present.length ? sum(present) / present.length : NaN;
}

/** Advances one simulated second at a time until `done` holds; fails after `limitMs` of simulated time. */
export function advanceUntil(sim: Simulator, done: () => boolean, limitMs: number, what: string): void {
	const deadline = sim.now() + limitMs;
	while (!done()) {
		if (sim.now() >= deadline) throw new Error(`not reached within ${limitMs / 1000}s of simulated time: ${what}`);
		sim.advance(1000);
	}
}

export async function patch(sim: Simulator, request: PatchRequest): Promise<void> {
	const response = await sim.patch(request);
	if (response.status !== 200) throw new Error(`patch failed (${response.status}): ${response.message}`);
}

export const promote = (sim: Simulator, name = CANARY) =>
	patch(sim, { target: { kind: 'Rollout', namespace: NS, name }, subresource: 'status', patchType: 'merge', body: { status: { pauseConditions: null } } });
