// One-line descriptions of failed API requests for the header and the event log. Messages come
// from Status bodies and transport errors only, never from request headers, so no credential leaks.
import type { RestResponse } from './rest';

export interface RequestScope {
	verb: string;
	/** Plural resource, e.g. "pods" or "rollouts/status". */
	resource: string;
	/** undefined = all namespaces / cluster-scoped. */
	namespace?: string;
}

export function describeFailure(response: RestResponse, scope: RequestScope): string {
	const where = scope.namespace ? `in namespace ${scope.namespace}` : 'cluster-wide';
	switch (response.status) {
		case 0:
			return response.message ?? 'no answer from the API server';
		case 401:
			return `unauthorized (401): the API server rejected the credentials (${scope.verb} ${scope.resource})`;
		case 403:
			return `forbidden (403): may not ${scope.verb} ${scope.resource} ${where}`;
		case 404:
			return `not found (404): ${scope.resource} ${where}${response.message ? `: ${response.message}` : ''}`;
		default:
			return `${scope.verb} ${scope.resource} ${where} failed (HTTP ${response.status})${response.message ? `: ${response.message}` : ''}`;
	}
}

/**
 * Why an optional kind (Nodes, autoscalers, Argo kinds) is not shown: said once by the pane that
 * needs it instead of a retry loop. undefined when the failure is not one of RBAC or API surface.
 */
export function describeUnavailable(status: number, scope: RequestScope): string | undefined {
	const where = scope.namespace ? `in namespace ${scope.namespace}` : 'at cluster scope';
	if (status === 403) return `not permitted: ${scope.verb} ${scope.resource} ${where}`;
	if (status === 404) return `not served: ${scope.resource} (the API group is absent)`;
	return undefined;
}
