// Pieces every action planner shares: naming the target, building a plan, refusing, scaling.
import type { Action, ActionPlan, PatchRequest, PlanResult, Remedy } from './action';
import { refOf, type PodTemplate } from './k8s';
import type { Workload } from './replica-set';
import { imageChanges } from './template';

export function refuse(reason: string, remedy?: Remedy): PlanResult {
	return remedy ? { ok: false, reason, remedy } : { ok: false, reason };
}

export function plan(action: Action, requests: PatchRequest[], summary: string, destructive: boolean): PlanResult {
	const result: ActionPlan = { action, requests, summary, destructive };
	return { ok: true, plan: result };
}

/** "rollout llm/llama-3-70b" — the exact object an action changes, for summaries and dialogs. */
export function describeTarget(workload: Workload): string {
	return `${workload.kind.toLowerCase()} ${workload.metadata.namespace ?? ''}/${workload.metadata.name}`;
}

export function mainPatch(workload: Workload, patchType: PatchRequest['patchType'], body: unknown): PatchRequest {
	return { target: refOf(workload), patchType, body };
}

/** Replica count through the `scale` subresource, as `kubectl scale` does for both kinds. */
export function planScale(action: Action, workload: Workload): PlanResult {
	const replicas = action.replicas;
	if (replicas === undefined || !Number.isInteger(replicas) || replicas < 0) {
		return refuse(`replicas must be a whole number ≥ 0 (got ${replicas ?? 'nothing'})`);
	}
	const request: PatchRequest = { target: refOf(workload), subresource: 'scale', patchType: 'merge', body: { spec: { replicas } } };
	const from = workload.spec.replicas ?? 1;
	return plan(action, [request], `scale ${describeTarget(workload)}: ${from} → ${replicas} replicas`, replicas === 0);
}

/** " (image a → b)" for an undo summary, or " (pod template change)" when images stay the same. */
export function undoDetail(current: PodTemplate | undefined, target: PodTemplate): string {
	const changes = imageChanges(current, target);
	return changes.length > 0 ? ` (image ${changes.join(', ')})` : ' (pod template change)';
}
