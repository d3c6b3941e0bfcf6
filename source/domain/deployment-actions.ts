// Deployment actions → the exact PATCHes `kubectl rollout pause|resume|restart|undo` and
// `kubectl scale` send (DESIGN §5).
import type { Action, PlanResult } from './action';
import type { Deployment, ReplicaSet } from './k8s';
import { describeTarget, mainPatch, plan, planScale, refuse, undoDetail } from './action-common';
import { rfc3339 } from './format';
import { undoTarget } from './undo';

export const RESTARTED_AT_ANNOTATION = 'kubectl.kubernetes.io/restartedAt';

/** Deployment annotations kubectl keeps from the Deployment instead of copying them from the ReplicaSet. */
const ANNOTATIONS_TO_SKIP = [
	'kubectl.kubernetes.io/last-applied-configuration',
	'deployment.kubernetes.io/revision',
	'deployment.kubernetes.io/revision-history',
	'deployment.kubernetes.io/desired-replicas',
	'deployment.kubernetes.io/max-replicas',
	'deprecated.deployment.rollback.to',
];

/** kubectl rollback: the Deployment's own bookkeeping annotations plus the ReplicaSet's others. */
function rollbackAnnotations(d: Deployment, rs: ReplicaSet): Record<string, string> {
	const annotations: Record<string, string> = {};
	for (const key of ANNOTATIONS_TO_SKIP) {
		const value = d.metadata.annotations?.[key];
		if (value !== undefined) annotations[key] = value;
	}
	for (const [key, value] of Object.entries(rs.metadata.annotations ?? {})) {
		if (!ANNOTATIONS_TO_SKIP.includes(key)) annotations[key] = value;
	}
	return annotations;
}

function planUndo(action: Action, d: Deployment, replicaSets: ReplicaSet[]): PlanResult {
	const target = undoTarget(d, replicaSets, action.toRevision);
	// kubectl looks the revision up before it checks for a pause, and skips matches after.
	if (!target.ok && !target.alreadyCurrent) return refuse(target.reason);
	if (d.spec.paused) return refuse('cannot undo a paused deployment; resume it first');
	if (!target.ok) return refuse(target.reason);
	const request = mainPatch(d, 'json', [
		{ op: 'replace', path: '/spec/template', value: target.template },
		{ op: 'replace', path: '/metadata/annotations', value: rollbackAnnotations(d, target.replicaSet) },
	]);
	const summary = `undo ${describeTarget(d)}: roll back to revision ${target.revision}${undoDetail(d.spec.template, target.template)}`;
	return plan(action, [request], summary, true);
}

export function planDeploymentAction(action: Action, d: Deployment, replicaSets: ReplicaSet[], now: number): PlanResult {
	switch (action.kind) {
		case 'pause':
			if (d.spec.paused) return refuse('already paused');
			return plan(action, [mainPatch(d, 'strategic', { spec: { paused: true } })], `pause ${describeTarget(d)}`, false);
		case 'resume':
			if (!d.spec.paused) return refuse('not paused');
			return plan(action, [mainPatch(d, 'strategic', { spec: { paused: null } })], `resume ${describeTarget(d)}`, false);
		case 'restart': {
			if (d.spec.paused) return refuse("can't restart a paused deployment; resume it first");
			const restartedAt = rfc3339(now);
			const body = { spec: { template: { metadata: { annotations: { [RESTARTED_AT_ANNOTATION]: restartedAt } } } } };
			return plan(action, [mainPatch(d, 'strategic', body)], `restart ${describeTarget(d)}: restartedAt=${restartedAt}`, true);
		}
		case 'undo':
			return planUndo(action, d, replicaSets);
		case 'scale':
			return planScale(action, d);
		case 'promote':
		case 'promoteFull':
		case 'abort':
		case 'retry':
			return refuse(`deployments have no ${action.kind === 'promoteFull' ? 'full promote' : action.kind} (Argo Rollouts only)`);
	}
}
