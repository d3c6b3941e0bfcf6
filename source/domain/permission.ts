// Which RBAC permission an action needs: the question a SelfSubjectAccessReview asks before the
// operator presses the key, so a denied key can say why.
import type { ActionKind } from './action';
import { RESOURCES } from './k8s';
import type { Workload } from './replica-set';

const SUBRESOURCE: Record<ActionKind, string> = {
	promote: 'status',
	promoteFull: 'status',
	abort: 'status',
	retry: 'status',
	pause: '',
	resume: '',
	undo: '',
	restart: '',
	scale: 'scale',
};

export const ACTION_KINDS = Object.keys(SUBRESOURCE) as ActionKind[];

export interface PermissionQuestion {
	/** Identity of the answer: actions that need the same permission share it. */
	key: string;
	verb: 'patch' | 'get';
	resource: string;
	namespace?: string;
	subresource?: string;
}

export function permissionFor(kind: ActionKind, workload: Workload): PermissionQuestion {
	const resource = RESOURCES[workload.kind].plural;
	const subresource = SUBRESOURCE[kind] || undefined;
	const namespace = workload.metadata.namespace;
	return { key: `${resource}/${subresource ?? ''}/${namespace ?? ''}`, verb: 'patch', resource, namespace, subresource };
}

/** Reading logs is `get` on `pods/log` in the pod's namespace. */
export function logsPermission(namespace: string | undefined): PermissionQuestion {
	return { key: `pods/log/${namespace ?? ''}`, verb: 'get', resource: 'pods', namespace, subresource: 'log' };
}

/** Cordon and uncordon patch the node itself: cluster-scoped `patch nodes`. */
export const NODE_PATCH_PERMISSION: PermissionQuestion = { key: 'nodes//', verb: 'patch', resource: 'nodes' };
