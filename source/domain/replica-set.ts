// ReplicaSets of a Rollout or Deployment: ownership, revision, health and the stable/canary/active/
// preview tags, following the Argo Rollouts plugin (info/replicaset_info.go).
import type { Deployment, KubeObject, ReplicaSet, Rollout } from './k8s';
import { formatAge, parseTime } from './format';
import { health, type Phase } from './status';

export const ROLLOUT_REVISION_ANNOTATION = 'rollout.argoproj.io/revision';
export const DEPLOYMENT_REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';
export const ROLLOUT_HASH_LABEL = 'rollouts-pod-template-hash';
export const DEPLOYMENT_HASH_LABEL = 'pod-template-hash';
export const SCALE_DOWN_DEADLINE_ANNOTATION = 'scale-down-deadline';

export type Workload = Rollout | Deployment;
export type ReplicaSetTag = 'stable' | 'canary' | 'active' | 'preview' | 'ping' | 'pong';

export interface ReplicaSetInfo {
	name: string;
	namespace?: string;
	/** 0 when the revision annotation is missing or malformed (as the plugin). */
	revision: number;
	podTemplateHash?: string;
	phase: Phase;
	glyph: string;
	tags: ReplicaSetTag[];
	/** spec.replicas: what the controller wants this ReplicaSet to run. */
	desired: number;
	replicas: number;
	available: number;
	images: string[];
	creationTimestamp?: string;
	/** Argo's scale-down deadline (blue-green / canary with traffic routing), RFC 3339. */
	scaleDownDeadline?: string;
}

/** Only the kind matters: an owner reference will do. */
type OwnerKind = { kind: string };

export function hashLabelOf(owner: OwnerKind): string {
	return owner.kind === 'Rollout' ? ROLLOUT_HASH_LABEL : DEPLOYMENT_HASH_LABEL;
}

export function revisionAnnotationOf(owner: OwnerKind): string {
	return owner.kind === 'Rollout' ? ROLLOUT_REVISION_ANNOTATION : DEPLOYMENT_REVISION_ANNOTATION;
}

/** The pod-template hash label of a ReplicaSet (or pod) of `owner`. */
export function templateHashOf(obj: KubeObject, owner: OwnerKind): string | undefined {
	return obj.metadata.labels?.[hashLabelOf(owner)];
}

/** The revision annotation as a number; 0 when absent or not an integer (plugin: parseRevision). */
export function revisionOf(obj: KubeObject, annotation: string): number {
	const value = obj.metadata.annotations?.[annotation];
	return value !== undefined && /^\d+$/.test(value) ? Number(value) : 0;
}

/** Whether `child` names `owner` among its owner references (by uid when both carry one). */
export function isOwnedBy(child: KubeObject, owner: KubeObject): boolean {
	if (child.metadata.namespace !== owner.metadata.namespace) return false;
	return (child.metadata.ownerReferences ?? []).some((ref) =>
		ref.uid && owner.metadata.uid ? ref.uid === owner.metadata.uid : ref.kind === owner.kind && ref.name === owner.metadata.name,
	);
}

/** Plugin getReplicaSetHealth: unobserved generation or missing availability → Progressing. */
export function replicaSetPhase(rs: ReplicaSet): Phase {
	const desired = rs.spec.replicas;
	if ((rs.metadata.generation ?? 0) > (rs.status?.observedGeneration ?? 0)) return 'Progressing';
	const failure = rs.status?.conditions?.find((c) => c.type === 'ReplicaFailure');
	if (failure?.status === 'True') return 'Degraded';
	if (desired !== undefined && (rs.status?.availableReplicas ?? 0) < desired) return 'Progressing';
	if (desired === 0) return 'ScaledDown';
	return 'Healthy';
}

/**
 * The tags the plugin gives a pod-template hash of a Rollout, in its order (canary: stable XOR
 * canary, then ping/pong; blue-green: stable, then active XOR preview).
 */
export function rolloutTags(ro: Rollout, hash: string | undefined): ReplicaSetTag[] {
	if (!hash) return [];
	const tags: ReplicaSetTag[] = [];
	const status = ro.status ?? {};
	if (ro.spec.strategy?.canary) {
		// Ping-pong: the stable side is behind the service status.canary.stablePingPong names, the canary behind the other.
		const stableSide: ReplicaSetTag = status.canary?.stablePingPong === 'ping' ? 'ping' : 'pong';
		const canarySide: ReplicaSetTag = stableSide === 'ping' ? 'pong' : 'ping';
		const pingPong = Boolean(ro.spec.strategy.canary.pingPong);
		if (status.stableRS === hash) tags.push('stable', ...(pingPong ? [stableSide] : []));
		else if (status.currentPodHash === hash) tags.push('canary', ...(pingPong ? [canarySide] : []));
	}
	if (ro.spec.strategy?.blueGreen) {
		if (status.stableRS === hash) tags.push('stable');
		if (status.blueGreen?.activeSelector === hash) tags.push('active');
		else if (status.blueGreen?.previewSelector === hash) tags.push('preview');
	}
	return tags;
}

export function replicaSetInfo(rs: ReplicaSet, owner: Workload): ReplicaSetInfo {
	const hash = templateHashOf(rs, owner);
	const phase = replicaSetPhase(rs);
	const deadline = rs.metadata.annotations?.[SCALE_DOWN_DEADLINE_ANNOTATION];
	return {
		name: rs.metadata.name,
		namespace: rs.metadata.namespace,
		revision: revisionOf(rs, revisionAnnotationOf(owner)),
		podTemplateHash: hash,
		...health(phase, ''),
		tags: owner.kind === 'Rollout' ? rolloutTags(owner, hash) : [],
		desired: rs.spec.replicas ?? 1,
		replicas: rs.status?.replicas ?? 0,
		available: rs.status?.availableReplicas ?? 0,
		images: (rs.spec.template?.spec?.containers ?? []).flatMap((c) => (c.image ? [c.image] : [])),
		creationTimestamp: rs.metadata.creationTimestamp,
		...(deadline ? { scaleDownDeadline: deadline } : {}),
	};
}

/** The ReplicaSets the workload owns, newest revision first (then by name, as the plugin sorts). */
export function ownedReplicaSets(owner: Workload, replicaSets: ReplicaSet[]): ReplicaSet[] {
	const annotation = revisionAnnotationOf(owner);
	return replicaSets
		.filter((rs) => isOwnedBy(rs, owner))
		.sort((a, b) => revisionOf(b, annotation) - revisionOf(a, annotation) || byteOrder(a.metadata.name, b.metadata.name));
}

// Go's string order (bytewise), not the locale's.
function byteOrder(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

export function replicaSetInfos(owner: Workload, replicaSets: ReplicaSet[]): ReplicaSetInfo[] {
	return ownedReplicaSets(owner, replicaSets).map((rs) => replicaSetInfo(rs, owner));
}

/** Plugin ScaleDownDelay: how long until the controller scales the ReplicaSet down, "passed" once due. */
export function scaleDownDelay(rs: ReplicaSetInfo, now: number): string | undefined {
	const deadline = parseTime(rs.scaleDownDeadline);
	if (deadline === undefined) return undefined;
	return deadline < now ? 'passed' : formatAge(deadline - now);
}

/** The plugin's ReplicaSet INFO column: its tags, then `delay:<left>` when a scale-down is scheduled. */
export function replicaSetNote(rs: ReplicaSetInfo, now: number): string {
	const delay = scaleDownDelay(rs, now);
	return [...rs.tags, ...(delay ? [`delay:${delay}`] : [])].join(',');
}
