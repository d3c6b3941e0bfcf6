// ReplicaSets: creating them for a workload's template, scaling them, and the ReplicaSet
// controller that keeps the number of pods equal to spec.replicas.
import { rfc3339 } from '../../domain/format';
import { controllerOf, objectKey, type Kind, type ReplicaSet } from '../../domain/k8s';
import { hashLabelOf, revisionAnnotationOf, revisionOf, templateHashOf, type Workload } from '../../domain/replica-set';
import type { PodRuntime, SimContext } from './context';
import { involvedOf } from './events';
import { terminate } from './kubelet';
import { storePod } from './pod-object';
import { admitPod } from './pod-runtime';
import { uuid } from './random';

/** A ReplicaSet's revision as its owner's controller numbers it. */
export function revisionOfReplicaSet(rs: ReplicaSet, owner: { kind: string }): number {
	return revisionOf(rs, revisionAnnotationOf(owner));
}

/** The ReplicaSets each workload owns, by the workload's keyOf, sorted by revision (one pass over the store per tick). */
export function replicaSetsByOwner(ctx: SimContext): Map<string, ReplicaSet[]> {
	const result = new Map<string, ReplicaSet[]>();
	for (const obj of ctx.store.list('ReplicaSet')) {
		const rs = obj as ReplicaSet;
		const owner = controllerOf(rs);
		if (!owner) continue;
		const key = objectKey(owner.kind as Kind, rs.metadata.namespace, owner.name);
		const list = result.get(key) ?? [];
		list.push(rs);
		result.set(key, list);
	}
	const revision = (rs: ReplicaSet) => revisionOfReplicaSet(rs, controllerOf(rs)!);
	for (const list of result.values()) list.sort((a, b) => revision(a) - revision(b));
	return result;
}

export function createReplicaSet(ctx: SimContext, owner: Workload, hash: string, revision: number, createdAt = ctx.now): ReplicaSet {
	const label = hashLabelOf(owner);
	const template = structuredClone(owner.spec.template ?? {});
	template.metadata = { ...template.metadata, labels: { ...template.metadata?.labels, [label]: hash } };
	const replicas = String(owner.spec.replicas ?? 1);
	const annotations: Record<string, string> =
		owner.kind === 'Rollout'
			? { 'rollout.argoproj.io/desired-replicas': replicas }
			: { 'deployment.kubernetes.io/desired-replicas': replicas, 'deployment.kubernetes.io/max-replicas': replicas };
	annotations[revisionAnnotationOf(owner)] = String(revision);
	const ownerReference = {
		apiVersion: owner.apiVersion,
		kind: owner.kind,
		name: owner.metadata.name,
		uid: owner.metadata.uid,
		controller: true,
		blockOwnerDeletion: true,
	};
	const rs: ReplicaSet = {
		apiVersion: 'apps/v1',
		kind: 'ReplicaSet',
		metadata: {
			name: `${owner.metadata.name}-${hash}`,
			namespace: owner.metadata.namespace,
			uid: uuid(ctx.random.names),
			creationTimestamp: rfc3339(createdAt),
			labels: { ...template.metadata.labels },
			annotations,
			ownerReferences: [ownerReference],
		},
		spec: {
			replicas: 0,
			selector: { matchLabels: { ...owner.spec.selector?.matchLabels, [label]: hash } },
			template,
		},
		status: { replicas: 0, observedGeneration: 1 },
	};
	return ctx.store.put(rs) as ReplicaSet;
}

/**
 * Writes a controller's status (and metadata annotations) only when they differ, so watchers see
 * real changes only. The spec is the user's and is never changed here.
 */
export function putIfStatusChanged<T extends Workload>(ctx: SimContext, before: T, after: T): T {
	const same =
		JSON.stringify(before.status) === JSON.stringify(after.status) &&
		JSON.stringify(before.metadata.annotations) === JSON.stringify(after.metadata.annotations);
	return same ? before : (ctx.store.put(after) as T);
}

/** Sets spec.replicas and records the controller's ScalingReplicaSet event, as upstream words it. */
export function scaleReplicaSet(ctx: SimContext, owner: Workload, rs: ReplicaSet, replicas: number): ReplicaSet {
	const from = rs.spec.replicas ?? 0;
	if (from === replicas) return rs;
	const next = structuredClone(rs);
	next.spec.replicas = replicas;
	const annotations = next.metadata.annotations ?? {};
	const ownerReplicas = String(owner.spec.replicas ?? 1);
	for (const key of ['rollout.argoproj.io/desired-replicas', 'deployment.kubernetes.io/desired-replicas']) {
		if (key in annotations) annotations[key] = ownerReplicas;
	}
	const direction = replicas > from ? 'up' : 'down';
	const message =
		owner.kind === 'Rollout'
			? `Scaled ${direction} ReplicaSet ${rs.metadata.name} (revision ${revisionOfReplicaSet(rs, owner)}) from ${from} to ${replicas}`
			: `Scaled ${direction} replica set ${rs.metadata.name} from ${from} to ${replicas}`;
	const component = owner.kind === 'Rollout' ? 'rollouts-controller' : 'deployment-controller';
	ctx.events.normal(involvedOf(owner), 'ScalingReplicaSet', message, { component });
	return ctx.store.put(next) as ReplicaSet;
}

/** A new replica of the ReplicaSet; undefined when nothing says what its pods run (an owner the simulator does not run). */
export function newPod(ctx: SimContext, rs: ReplicaSet): PodRuntime | undefined {
	const namespace = rs.metadata.namespace ?? 'default';
	const owner = controllerOf(rs);
	const workload = owner ? ctx.workload(owner.kind, namespace, owner.name) : ctx.ownerlessReplicaSets.get(`${namespace}/${rs.metadata.name}`);
	if (!workload) return undefined;
	return admitPod(ctx, {
		namespace,
		name: ctx.podName(namespace, rs.metadata.name),
		workload,
		template: rs.spec.template ?? {},
		owner: {
			rsName: rs.metadata.name,
			rsUid: rs.metadata.uid,
			hashLabel: owner && hashLabelOf(owner),
			hash: (owner && templateHashOf(rs, owner)) ?? '',
		},
	});
}

/** Which pod to remove first when scaling down: the least useful one (as the real controller ranks them). */
function deletionRank(pod: PodRuntime): number[] {
	const stage = { Unscheduled: 0, ContainerCreating: 1, BackOff: 2, Loading: 3, Ready: 4, Terminating: 5 }[pod.stage];
	return [stage, -pod.restartCount, -pod.createdAt];
}

function compareRanks(a: number[], b: number[]): number {
	for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
	return 0;
}

function reconcile(ctx: SimContext, rs: ReplicaSet): void {
	const pods = [...ctx.podsOf(rs.metadata.namespace, rs.metadata.name)].filter((p) => p.stage !== 'Terminating');
	const desired = rs.spec.replicas ?? 0;
	const involved = { kind: 'ReplicaSet', name: rs.metadata.name, namespace: rs.metadata.namespace, uid: rs.metadata.uid, apiVersion: 'apps/v1' };
	const source = { component: 'replicaset-controller' };
	for (let i = pods.length; i < desired; i++) {
		const pod = newPod(ctx, rs);
		if (!pod) break;
		pods.push(pod);
		ctx.events.normal(involved, 'SuccessfulCreate', `Created pod: ${pod.name}`, source);
	}
	if (pods.length > desired) {
		const victims = pods.sort((a, b) => compareRanks(deletionRank(a), deletionRank(b))).slice(0, pods.length - desired);
		for (const pod of victims) {
			ctx.events.normal(involved, 'SuccessfulDelete', `Deleted pod: ${pod.name}`, source);
			terminate(ctx, pod);
		}
	}
}

export interface PodCounts {
	replicas: number;
	ready: number;
}

/** Live pod counts of a ReplicaSet (terminating pods excluded, as the controllers count them). */
export function podCounts(ctx: SimContext, rs: ReplicaSet | undefined): PodCounts {
	if (!rs) return { replicas: 0, ready: 0 };
	let replicas = 0;
	let ready = 0;
	for (const pod of ctx.podsOf(rs.metadata.namespace, rs.metadata.name)) {
		if (pod.stage === 'Terminating') continue;
		replicas++;
		if (pod.stage === 'Ready') ready++;
	}
	return { replicas, ready };
}

const STATUS_COUNTS = ['replicas', 'fullyLabeledReplicas', 'readyReplicas', 'availableReplicas', 'observedGeneration'] as const;

function writeStatus(ctx: SimContext, rs: ReplicaSet): void {
	const { replicas, ready } = podCounts(ctx, rs);
	// The API omits zero counts (omitempty), except `replicas`.
	const status: NonNullable<ReplicaSet['status']> & Record<string, number> = { replicas };
	if (replicas) status.fullyLabeledReplicas = replicas;
	if (ready) status.readyReplicas = ready;
	if (ready) status.availableReplicas = ready;
	status.observedGeneration = rs.metadata.generation ?? 1;
	const current = (rs.status ?? {}) as Record<string, unknown>;
	if (STATUS_COUNTS.every((key) => current[key] === status[key])) return;
	ctx.store.put({ ...rs, status });
}

export function runReplicaSetController(ctx: SimContext): void {
	for (const obj of ctx.store.list('ReplicaSet')) reconcile(ctx, obj as ReplicaSet);
}

export function writeReplicaSetStatuses(ctx: SimContext): void {
	for (const obj of ctx.store.list('ReplicaSet')) writeStatus(ctx, obj as ReplicaSet);
}

/** Publishes pods whose state changed this tick. */
export function writePods(ctx: SimContext): void {
	for (const pod of ctx.pods.values()) {
		if (!pod.dirty) continue;
		pod.dirty = false;
		storePod(ctx, pod);
	}
}
