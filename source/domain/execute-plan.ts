// Carrying out an ActionPlan through any source's `patch`, with Argo's "status first" fallback.
import type { ActionPlan, ActionResult, PatchRequest, PatchResponse } from './action';

export type Patcher = (request: PatchRequest) => Promise<PatchResponse>;

function describeFailure(request: PatchRequest, response: PatchResponse): string {
	const what = `${request.target.kind.toLowerCase()} ${request.target.namespace ?? ''}/${request.target.name}`;
	const sub = request.subresource ? `/${request.subresource}` : '';
	const detail = response.message ? `: ${response.message}` : '';
	switch (response.status) {
		case 401:
			return `unauthorized (401) patching ${what}${sub}: credentials rejected${detail}`;
		case 403:
			return `forbidden (403): may not patch ${request.target.kind.toLowerCase()}s${sub} in namespace ${request.target.namespace ?? '(cluster)'}${detail}`;
		case 404:
			return `not found (404): ${what}${sub} no longer exists${detail}`;
		case 409:
			return `conflict (409) on ${what}${sub}: someone changed it meanwhile; the console shows its current state from the watch — check it and retry${detail}`;
		default:
			return `patch ${what}${sub} failed (${response.status || 'no answer'})${detail}`;
	}
}

/** Sends the plan's requests in order; stops at the first failure, which is reported, never retried. */
export async function executePlan(plan: ActionPlan, patch: Patcher): Promise<ActionResult> {
	for (const request of plan.requests) {
		let response: PatchResponse;
		try {
			response = await patch(request);
			if (response.status === 404 && request.subresource === 'status' && request.fallbackBody !== undefined) {
				const fallback: PatchRequest = { ...request, subresource: undefined, body: request.fallbackBody, fallbackBody: undefined };
				response = await patch(fallback);
			}
		} catch (error) {
			return { ok: false, message: `${plan.summary}: ${(error as Error).message}` };
		}
		if (response.status < 200 || response.status >= 300) {
			return { ok: false, status: response.status, message: describeFailure(request, response) };
		}
	}
	return { ok: true, message: plan.summary };
}
