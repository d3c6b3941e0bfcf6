// Which ReplicaSet an undo rolls back to, shared by Rollouts (`kubectl argo rollouts undo`) and
// Deployments (`kubectl rollout undo`): both pick by revision annotation, default the previous one.
import type { PodTemplate, ReplicaSet } from './k8s';
import { hashLabelOf, ownedReplicaSets, revisionAnnotationOf, revisionOf, type Workload } from './replica-set';
import { templatesMatch, withoutLabel } from './template';

export type UndoTarget =
	| { ok: true; replicaSet: ReplicaSet; revision: number; template: PodTemplate }
	/** `alreadyCurrent`: the target exists but the workload already runs its template. */
	| { ok: false; reason: string; alreadyCurrent?: boolean };

function noHistory(owner: Workload): string {
	return owner.kind === 'Rollout'
		? `no revision found for rollout "${owner.metadata.name}"`
		: `no rollout history found for deployment "${owner.metadata.name}"`;
}

/** Upstream's single pass: track the newest and second-newest revision seen. */
function previousRevision(owned: ReplicaSet[], annotation: string): ReplicaSet | undefined {
	let latest = -1;
	let latestRs: ReplicaSet | undefined;
	let previous = -1;
	let previousRs: ReplicaSet | undefined;
	for (const rs of owned) {
		const v = revisionOf(rs, annotation);
		if (latest < v) {
			previous = latest;
			previousRs = latestRs;
			latest = v;
			latestRs = rs;
		} else if (previous < v) {
			previous = v;
			previousRs = rs;
		}
	}
	return previousRs;
}

/**
 * The ReplicaSet to restore and the template to write back (without the hash label). Refuses
 * when the revision does not exist, when there is nothing before the current one, and when the
 * workload's template already matches the target (upstream's "skipped rollback").
 */
export function undoTarget(owner: Workload, replicaSets: ReplicaSet[], toRevision?: number): UndoTarget {
	const annotation = revisionAnnotationOf(owner);
	const owned = ownedReplicaSets(owner, replicaSets);
	let target: ReplicaSet | undefined;
	if (toRevision !== undefined && toRevision !== 0) {
		target = toRevision > 0 ? owned.find((rs) => revisionOf(rs, annotation) === toRevision) : undefined;
		if (!target) return { ok: false, reason: `unable to find specified revision ${toRevision} in history` };
	} else {
		target = previousRevision(owned, annotation);
		if (!target) return { ok: false, reason: noHistory(owner) };
	}
	const revision = revisionOf(target, annotation);
	const hashLabel = hashLabelOf(owner);
	const template = target.spec.template ?? {};
	if (owner.spec.template && templatesMatch(owner.spec.template, template, hashLabel, owner.kind === 'Deployment')) {
		return { ok: false, reason: `skipped rollback (current template already matches revision ${revision})`, alreadyCurrent: true };
	}
	return { ok: true, replicaSet: target, revision, template: withoutLabel(template, hashLabel) };
}
