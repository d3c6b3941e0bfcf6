// Loads the real-shaped Kubernetes objects of fixtures/k8s/*.yaml, grouped by kind.
import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import type { Deployment, KubeObject, Pod, ReplicaSet, Rollout } from '../../source/domain/k8s';

/** Every fixture's clock: creation and pause timestamps in fixtures/k8s are pinned relative to it. */
export const NOW = Date.parse('2024-06-01T12:00:00Z');

export interface FixtureSet {
	rollouts: Rollout[];
	deployments: Deployment[];
	replicaSets: ReplicaSet[];
	pods: Pod[];
}

export function loadFixture(name: string): FixtureSet {
	const text = readFileSync(new URL(`../../fixtures/k8s/${name}.yaml`, import.meta.url), 'utf8');
	const objects = parseAllDocuments(text).map((doc) => doc.toJS() as KubeObject);
	return {
		rollouts: objects.filter((o): o is Rollout => o.kind === 'Rollout'),
		deployments: objects.filter((o): o is Deployment => o.kind === 'Deployment'),
		replicaSets: objects.filter((o): o is ReplicaSet => o.kind === 'ReplicaSet'),
		pods: objects.filter((o): o is Pod => o.kind === 'Pod'),
	};
}

/** The fixture's single Rollout (or Deployment) with its ReplicaSets, deep-copied for tweaking. */
export function rolloutFixture(name: string): { ro: Rollout; replicaSets: ReplicaSet[]; pods: Pod[] } {
	const set = structuredClone(loadFixture(name));
	return { ro: set.rollouts[0], replicaSets: set.replicaSets, pods: set.pods };
}

export function deploymentFixture(name: string): { d: Deployment; replicaSets: ReplicaSet[]; pods: Pod[] } {
	const set = structuredClone(loadFixture(name));
	return { d: set.deployments[0], replicaSets: set.replicaSets, pods: set.pods };
}
