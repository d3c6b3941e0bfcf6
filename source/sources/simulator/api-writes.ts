// Objects created and deleted through the API (not by the scenario): a Deployment or Rollout
// posted by `kubectl create` becomes a workload the controllers run, a ReplicaSet without an owner
// runs its pods, a bare pod (`kubectl run`) is scheduled and run like any other; an image that is
// no known model server runs as a plain container. Deleting a pod terminates it gracefully (its
// ReplicaSet, if any, replaces it); deleting a workload or ReplicaSet removes
// what it owns, as the garbage collector's background propagation does; deleting a node force-deletes
// its pods, as the pod garbage collector does with pods bound to a node that no longer exists.
import type { Deployment, KubeObject, ObjectMeta, ObjectRef, Pod, PodTemplate, ReplicaSet, Rollout } from '../../domain/k8s';
import type { PodRuntime, SimContext } from './context';
import { terminate } from './kubelet';
import { GPU_RESOURCE } from './nodes';
import { storePod } from './pod-object';
import { admitPod } from './pod-runtime';
import { uuid } from './random';
import { releaseNode } from './scheduler';
import { rfc3339 } from '../../domain/format';
import { parseQuantity } from '../../domain/quantity';
import type { ServerKind, Strategy, VersionProfile, Workload } from './scenario';

/** The model server an image runs, when the simulator knows it; otherwise a plain container. */
function serverOf(image: string): ServerKind | undefined {
	if (/text-generation|tgi/.test(image)) return 'tgi';
	if (/triton/.test(image)) return 'triton';
	if (/vllm/.test(image)) return 'vllm';
	return undefined;
}

/** A plain container starts at once (no model to load) from a small image. */
const PLAIN_CONTAINER: Partial<VersionProfile> = { startupSeconds: [0, 0], pullSeconds: [1, 4] };

/** The record the kubelet, metrics and (for a workload) the traffic model need for what was created over the API (no load until someone sends some). */
function workloadOf(metadata: ObjectMeta, template: PodTemplate | undefined, replicas: number, strategy: Strategy): Workload {
	const container = template?.spec?.containers?.[0];
	const image = container?.image ?? '';
	const server = serverOf(image);
	return {
		name: metadata.name,
		namespace: metadata.namespace ?? 'default',
		strategy,
		replicas,
		gpusPerReplica: parseQuantity(container?.resources?.limits?.[GPU_RESOURCE]) ?? 0,
		server,
		model: image,
		...(server ? {} : { profile: PLAIN_CONTAINER }),
		versions: [{ image }],
		load: { rps: 0 },
	};
}

function stamped<T extends KubeObject>(ctx: SimContext, obj: T): T {
	return { ...obj, metadata: { ...obj.metadata, uid: uuid(ctx.random.names), creationTimestamp: rfc3339(ctx.now) } };
}

function createWorkload(ctx: SimContext, obj: Deployment | Rollout): KubeObject {
	const strategy = obj.kind === 'Deployment' ? 'rolling' : obj.spec.strategy?.blueGreen ? 'blueGreen' : 'canary';
	const workload = workloadOf(obj.metadata, obj.spec.template, obj.spec.replicas ?? 1, strategy);
	ctx.setWorkload(obj.kind, workload);
	return ctx.store.put(stamped(ctx, obj));
}

/** A ReplicaSet nobody owns: the ReplicaSet controller runs its pods; no Deployment or traffic model knows it. */
function createReplicaSet(ctx: SimContext, obj: ReplicaSet): KubeObject {
	const workload = workloadOf(obj.metadata, obj.spec.template, obj.spec.replicas ?? 1, 'rolling');
	ctx.ownerlessReplicaSets.set(`${workload.namespace}/${workload.name}`, workload);
	return ctx.store.put(stamped(ctx, obj));
}

/** A bare pod (`kubectl run`): scheduled and run like any pod, owned by nobody, so nothing replaces it once it is gone. */
function createBarePod(ctx: SimContext, obj: Pod): KubeObject {
	const template = { metadata: { labels: obj.metadata.labels, annotations: obj.metadata.annotations }, spec: obj.spec };
	const namespace = obj.metadata.namespace ?? 'default';
	const pod = admitPod(ctx, { namespace, name: obj.metadata.name, workload: workloadOf(obj.metadata, template, 1, 'rolling'), template });
	return publish(ctx, pod)!;
}

export function createObject(ctx: SimContext, obj: Deployment | Rollout | ReplicaSet | Pod): KubeObject {
	if (obj.kind === 'Pod') return createBarePod(ctx, obj);
	if (obj.kind === 'ReplicaSet') return createReplicaSet(ctx, obj);
	return createWorkload(ctx, obj);
}

function publish(ctx: SimContext, pod: PodRuntime): KubeObject | undefined {
	if (!ctx.pods.has(`${pod.namespace}/${pod.name}`)) return undefined;
	pod.dirty = false;
	return storePod(ctx, pod);
}

/** Graceful unless `gracePeriodSeconds` is 0 (a forced delete); the pod as it is afterwards (undefined once gone). */
function deletePod(ctx: SimContext, pod: PodRuntime, gracePeriodSeconds?: number): KubeObject | undefined {
	if (gracePeriodSeconds === 0) {
		releaseNode(ctx, pod);
		ctx.removePod(pod);
		ctx.store.delete({ kind: 'Pod', namespace: pod.namespace, name: pod.name });
		return undefined;
	}
	terminate(ctx, pod);
	return publish(ctx, pod);
}

function deleteReplicaSet(ctx: SimContext, namespace: string | undefined, name: string): void {
	ctx.store.delete({ kind: 'ReplicaSet', namespace, name });
	for (const pod of [...ctx.podsOf(namespace, name)]) deletePod(ctx, pod);
}

/**
 * Deletes what the API asked for and returns the object as the DELETE response shows it
 * (a pod still terminating carries its deletionTimestamp). Undefined when there is no such object.
 */
export function deleteObject(ctx: SimContext, ref: ObjectRef, gracePeriodSeconds?: number): KubeObject | undefined {
	const current = ctx.store.get(ref);
	if (!current) return undefined;
	if (ref.kind === 'Pod') {
		const pod = ctx.pods.get(`${ref.namespace}/${ref.name}`);
		if (pod) return deletePod(ctx, pod, gracePeriodSeconds) ?? current;
	}
	if (ref.kind === 'Node') {
		ctx.removeNode(ref.name);
		ctx.store.delete(ref);
		for (const pod of [...ctx.pods.values()]) if (pod.node === ref.name) deletePod(ctx, pod, 0);
		return current;
	}
	if (ref.kind === 'ReplicaSet') {
		ctx.ownerlessReplicaSets.delete(`${ref.namespace}/${ref.name}`);
		deleteReplicaSet(ctx, ref.namespace, ref.name);
		return current;
	}
	if (ref.kind === 'Deployment' || ref.kind === 'Rollout') {
		ctx.store.delete(ref);
		ctx.deleteWorkload(ref.kind, ref.namespace, ref.name);
		for (const rs of ctx.store.list('ReplicaSet', ref.namespace)) {
			const owner = rs.metadata.ownerReferences?.find((r) => r.controller);
			if (owner?.kind === ref.kind && owner.name === ref.name) deleteReplicaSet(ctx, ref.namespace, rs.metadata.name);
		}
		// A Rollout also owns its AnalysisRuns.
		for (const run of ctx.store.list('AnalysisRun', ref.namespace)) {
			const owner = run.metadata.ownerReferences?.find((r) => r.controller);
			if (owner?.kind === ref.kind && owner.name === ref.name) ctx.store.delete({ kind: 'AnalysisRun', namespace: ref.namespace, name: run.metadata.name });
		}
		return current;
	}
	ctx.store.delete(ref);
	return current;
}
