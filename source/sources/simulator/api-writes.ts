// Objects created and deleted through the API (not by the scenario): a Deployment or Rollout
// posted by `kubectl create` becomes a workload the controllers run; a bare pod (`kubectl run`) is
// stored but stays Pending, as the simulator runs only pods a ReplicaSet owns; deleting a pod
// terminates it gracefully (its ReplicaSet replaces it); deleting a workload or ReplicaSet removes
// what it owns, as the garbage collector's background propagation does; deleting a node force-deletes
// its pods, as the pod garbage collector does with pods bound to a node that no longer exists.
import type { Deployment, KubeObject, ObjectRef, Pod, PodTemplate, Rollout } from '../../domain/k8s';
import type { PodRuntime, SimContext } from './context';
import { terminate } from './kubelet';
import { GPU_RESOURCE } from './nodes';
import { renderPod } from './pod-object';
import { uuid } from './random';
import { releaseNode } from './scheduler';
import { rfc3339 } from '../../domain/format';
import type { ServerKind, Workload } from './scenario';

function serverOf(image: string): ServerKind {
	if (/text-generation|tgi/.test(image)) return 'tgi';
	if (/triton/.test(image)) return 'triton';
	return 'vllm';
}

/** The scenario record the controllers and the traffic model need for a workload created over the API (no load until someone sends some). */
function workloadOf(obj: Deployment | Rollout): Workload {
	const container = (obj.spec.template as PodTemplate | undefined)?.spec?.containers?.[0];
	const image = container?.image ?? '';
	const strategy = obj.kind === 'Deployment' ? 'rolling' : obj.spec.strategy?.blueGreen ? 'blueGreen' : 'canary';
	return {
		name: obj.metadata.name,
		namespace: obj.metadata.namespace ?? 'default',
		strategy,
		replicas: obj.spec.replicas ?? 1,
		gpusPerReplica: Number(container?.resources?.limits?.[GPU_RESOURCE] ?? 0),
		server: serverOf(image),
		model: image,
		versions: [{ image }],
		load: { rps: 0 },
	};
}

function createWorkload(ctx: SimContext, obj: Deployment | Rollout): KubeObject {
	const workload = workloadOf(obj);
	ctx.workloads.set(`${workload.namespace}/${workload.name}`, workload);
	return ctx.store.put({ ...obj, metadata: { ...obj.metadata, uid: uuid(ctx.random.names), creationTimestamp: rfc3339(ctx.now) } });
}

export const UNOWNED_POD_MESSAGE = 'rolltop sim runs only pods a ReplicaSet owns; create a Deployment or Rollout to run this image';

/** A pod without an owner: stored Pending and unschedulable, with the FailedScheduling event saying why. */
function createBarePod(ctx: SimContext, obj: Pod): KubeObject {
	const created = rfc3339(ctx.now);
	const condition = { type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: UNOWNED_POD_MESSAGE, lastTransitionTime: created };
	const pod: Pod = { ...obj, metadata: { ...obj.metadata, uid: uuid(ctx.random.names), creationTimestamp: created }, status: { phase: 'Pending', qosClass: 'BestEffort', conditions: [condition] } };
	const stored = ctx.store.put(pod);
	const involved = { kind: 'Pod', name: pod.metadata.name, namespace: pod.metadata.namespace, uid: stored.metadata.uid, apiVersion: 'v1' };
	ctx.events.warning(involved, 'FailedScheduling', UNOWNED_POD_MESSAGE, { component: 'default-scheduler' });
	return stored;
}

export function createObject(ctx: SimContext, obj: Deployment | Rollout | Pod): KubeObject {
	return obj.kind === 'Pod' ? createBarePod(ctx, obj) : createWorkload(ctx, obj);
}

function publish(ctx: SimContext, pod: PodRuntime): KubeObject | undefined {
	if (!ctx.pods.has(`${pod.namespace}/${pod.name}`)) return undefined;
	pod.dirty = false;
	return ctx.store.put(renderPod(pod, ctx.node(pod.node)));
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
		deleteReplicaSet(ctx, ref.namespace, ref.name);
		return current;
	}
	if (ref.kind === 'Deployment' || ref.kind === 'Rollout') {
		ctx.store.delete(ref);
		ctx.workloads.delete(`${ref.namespace}/${ref.name}`);
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
