// What the Rollout and Deployment controllers share: finding or creating the ReplicaSet for the
// current template (with revision numbers as both controllers keep them), counting pods, and
// setting status conditions the way the upstream helpers do.
import { rfc3339 } from '../../domain/format';
import type { Condition, ReplicaSet } from '../../domain/k8s';
import { revisionAnnotationOf, SCALE_DOWN_DEADLINE_ANNOTATION, templateHashOf, type Workload } from '../../domain/replica-set';
import type { SimContext } from './context';
import { createReplicaSet, podCounts, revisionOfReplicaSet, type PodCounts } from './replicasets';
import { cachedPodTemplateHash } from './template-hash';

export interface SyncedReplicaSets {
	newRS: ReplicaSet;
	hash: string;
	revision: number;
	/** All ReplicaSets of the owner, including newRS, by revision. */
	all: ReplicaSet[];
}

/**
 * The ReplicaSet for the owner's current template. A template seen before (an undo) reuses its
 * old ReplicaSet and, as upstream does, moves it to the next revision number.
 */
export function syncNewReplicaSet(ctx: SimContext, owner: Workload, existing: ReplicaSet[]): SyncedReplicaSets {
	const hash = cachedPodTemplateHash(owner.spec.template);
	const revisionOf = (rs: ReplicaSet) => revisionOfReplicaSet(rs, owner);
	const maxRevision = existing.reduce((max, rs) => Math.max(max, revisionOf(rs)), 0);
	let newRS = existing.find((rs) => templateHashOf(rs, owner) === hash);
	let all = existing;
	if (!newRS) {
		newRS = createReplicaSet(ctx, owner, hash, maxRevision + 1);
		all = [...existing, newRS];
	} else if (revisionOf(newRS) < maxRevision) {
		const bumped = structuredClone(newRS);
		bumped.metadata.annotations = { ...bumped.metadata.annotations, [revisionAnnotationOf(owner)]: String(maxRevision + 1) };
		newRS = ctx.store.put(bumped) as ReplicaSet;
		const replaced = newRS;
		all = existing.map((rs) => (templateHashOf(rs, owner) === hash ? replaced : rs));
	}
	all = [...all].sort((a, b) => revisionOf(a) - revisionOf(b));
	return { newRS, hash, revision: revisionOf(newRS), all };
}


export function sumCounts(ctx: SimContext, list: ReplicaSet[]): PodCounts {
	return list.reduce(
		(acc, rs) => {
			const c = podCounts(ctx, rs);
			return { replicas: acc.replicas + c.replicas, ready: acc.ready + c.ready };
		},
		{ replicas: 0, ready: 0 },
	);
}

/**
 * Sets a condition. Same status and reason → left alone (upstream SetRolloutCondition);
 * `touch` refreshes lastUpdateTime anyway (the Progressing condition on progress).
 */
export function setCondition(
	conditions: Condition[],
	now: number,
	type: string,
	status: string,
	reason: string,
	message: string,
	touch = false,
): Condition[] {
	const current = conditions.find((c) => c.type === type);
	if (current && current.status === status && current.reason === reason && !touch) return conditions;
	const at = rfc3339(now);
	const next: Condition = {
		type,
		status,
		reason,
		message,
		lastUpdateTime: at,
		lastTransitionTime: current && current.status === status ? current.lastTransitionTime : at,
	};
	return [...conditions.filter((c) => c.type !== type), next];
}

export function scaleDownDeadline(rs: ReplicaSet): number | undefined {
	const value = rs.metadata.annotations?.[SCALE_DOWN_DEADLINE_ANNOTATION];
	return value ? Date.parse(value) : undefined;
}

export function withScaleDownDeadline(ctx: SimContext, rs: ReplicaSet, at: number | undefined): ReplicaSet {
	const annotations = { ...rs.metadata.annotations };
	if (at === undefined) delete annotations[SCALE_DOWN_DEADLINE_ANNOTATION];
	else annotations[SCALE_DOWN_DEADLINE_ANNOTATION] = rfc3339(at);
	if (annotations[SCALE_DOWN_DEADLINE_ANNOTATION] === rs.metadata.annotations?.[SCALE_DOWN_DEADLINE_ANNOTATION]) return rs;
	return ctx.store.put({ ...rs, metadata: { ...rs.metadata, annotations } }) as ReplicaSet;
}
