// Loads the real-shaped Kubernetes objects of fixtures/k8s/*.yaml, grouped by kind.
import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import type { Deployment, Kind, KubeObject, Pod, ReplicaSet, Rollout } from '../../source/domain/k8s';
import { applyMergePatch } from '../../source/domain/patch';

/** Every fixture's clock: creation and pause timestamps in fixtures/k8s are pinned relative to it. */
export const NOW = Date.parse('2024-06-01T12:00:00Z');

export interface FixtureSet {
	rollouts: Rollout[];
	deployments: Deployment[];
	replicaSets: ReplicaSet[];
	pods: Pod[];
}

/**
 * A fixture written as a variant of another: merge patches on some of the base's objects, plus
 * objects of its own. Upstream's test dumps differ from each other in exactly this way.
 */
interface Variant {
	base: string;
	patches?: Array<{ kind: Kind; name: string; patch: unknown }>;
	objects?: KubeObject[];
}

function readObjects(name: string): KubeObject[] {
	const text = readFileSync(new URL(`../../fixtures/k8s/${name}.yaml`, import.meta.url), 'utf8');
	const docs = parseAllDocuments(text).map((doc) => doc.toJS() as KubeObject | Variant);
	const variant = docs.length === 1 && 'base' in docs[0] ? docs[0] : undefined;
	return variant ? applyVariant(variant) : (docs as KubeObject[]);
}

function applyVariant(variant: Variant): KubeObject[] {
	const objects = readObjects(variant.base).map((o) => {
		const change = variant.patches?.find((p) => p.kind === o.kind && p.name === o.metadata.name);
		return change ? applyMergePatch(o, change.patch) : o;
	});
	// Owner references follow an owner the variant renames: ownership is by uid, as the garbage collector has it.
	const nameByUid = new Map(objects.flatMap((o) => (o.metadata.uid ? [[o.metadata.uid, o.metadata.name] as const] : [])));
	for (const o of objects) for (const ref of o.metadata.ownerReferences ?? []) ref.name = (ref.uid && nameByUid.get(ref.uid)) || ref.name;
	return [...objects, ...(variant.objects ?? [])];
}

export function loadFixture(name: string): FixtureSet {
	const objects = readObjects(name);
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
