// What an operator can ask for, and the exact API requests that carry it out.
import type { ObjectRef } from './k8s';

export type ActionKind =
	| 'promote'
	| 'promoteFull'
	| 'pause'
	| 'resume'
	| 'abort'
	| 'retry'
	| 'undo'
	| 'restart'
	| 'scale';

export interface Action {
	kind: ActionKind;
	/** A Rollout or a Deployment. */
	target: ObjectRef;
	/** scale: the desired replica count. */
	replicas?: number;
	/** undo: the revision to roll back to (default: the previous one). */
	toRevision?: number;
}

export type PatchType = 'merge' | 'strategic' | 'json';

export const PATCH_CONTENT_TYPES: Record<PatchType, string> = {
	merge: 'application/merge-patch+json',
	strategic: 'application/strategic-merge-patch+json',
	json: 'application/json-patch+json',
};

/** One PATCH request against the API server. */
export interface PatchRequest {
	target: ObjectRef;
	subresource?: 'status' | 'scale';
	patchType: PatchType;
	body: unknown;
	/**
	 * For status patches (Argo "status first"): when the status subresource answers 404, send this
	 * body to the main object instead.
	 */
	fallbackBody?: unknown;
}

/** Cordon and uncordon: `spec.unschedulable` of a Node, as `kubectl cordon`/`uncordon` patch it. */
export type NodeActionKind = 'cordon' | 'uncordon';

export interface NodeAction {
	kind: NodeActionKind;
	target: ObjectRef;
}

/** The requests an action turns into, sent in order; `summary` is what the confirmation dialog shows. */
export interface ActionPlan {
	action: Action | NodeAction;
	requests: PatchRequest[];
	summary: string;
	destructive: boolean;
	/** Asked for confirmation even though not destructive (an action on a whole node). */
	confirm?: boolean;
}

/**
 * The action that lifts a refusal or ends a wait, and what it does there in words ("promote/resume").
 * The domain names no keys: the console adds the key that runs the action.
 */
export interface Remedy {
	action: ActionKind;
	verb: string;
}

export interface Refusal {
	reason: string;
	remedy?: Remedy;
}

export type PlanResult = { ok: true; plan: ActionPlan } | ({ ok: false } & Refusal);

export type ActionResult =
	| { ok: true; message: string }
	| { ok: false; status?: number; message: string };

/** Outcome of a single PATCH as the executor sees it (status code and decoded JSON body). */
export interface PatchResponse {
	status: number;
	body?: unknown;
	message?: string;
}
