// The one entry point from an operator's Action to the PATCHes that carry it out, and the
// refusals (why a key is disabled) derived from the very same rules.
import type { Action, ActionKind, PlanResult, Refusal } from './action';
import { refOf, type Deployment, type ReplicaSet, type Rollout } from './k8s';
import { refuse } from './action-common';
import { planDeploymentAction } from './deployment-actions';
import { planRolloutAction } from './rollout-actions';

export interface PlanContext {
	object: Rollout | Deployment;
	replicaSets: ReplicaSet[];
	/** Wall or simulated clock, ms since the epoch (restart timestamps). */
	now: number;
}

export function planAction(action: Action, ctx: PlanContext): PlanResult {
	const { object } = ctx;
	const { target } = action;
	if (target.kind !== object.kind || target.name !== object.metadata.name || (target.namespace ?? '') !== (object.metadata.namespace ?? '')) {
		return refuse(`action targets ${target.kind} ${target.namespace ?? ''}/${target.name} but the selected object is another`);
	}
	return object.kind === 'Rollout'
		? planRolloutAction(action, object, ctx.replicaSets, ctx.now)
		: planDeploymentAction(action, object, ctx.replicaSets, ctx.now);
}

/**
 * Why `kind` would be refused right now, or null when it would plan. Scale is judged at the
 * current replica count, since the count itself is asked for afterwards.
 */
export function actionRefusal(kind: ActionKind, object: Rollout | Deployment, replicaSets: ReplicaSet[]): Refusal | null {
	const action: Action = { kind, target: refOf(object), ...(kind === 'scale' ? { replicas: object.spec.replicas ?? 1 } : {}) };
	const result = planAction(action, { object, replicaSets, now: 0 });
	if (result.ok) return null;
	const { reason, remedy } = result;
	return remedy ? { reason, remedy } : { reason };
}
