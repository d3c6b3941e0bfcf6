// DELETE of one object and of a collection (`deletecollection`: every object the label and field
// selectors pick, each deleted as a single DELETE would delete it — pods gracefully, workloads with
// what they own — answered with the list of what was deleted).
import type { ServerResponse } from 'node:http';
import type { ObjectRef } from '../domain/k8s';
import type { ServedResource } from './discovery';
import { byKey } from './pagination';
import type { HandlerContext, ResourceRequest } from './resource-handler';
import { apiVersionOf, checkPrecondition, isDryRun, json, parseJson, present } from './responses';
import { selectorFilter } from './selectors';
import { terminateNamespace } from './namespace-lifecycle';
import { deleteServed, getServed, listServed, type ServedObject } from './served-objects';
import { ApiError } from './status';

interface DeleteOptions {
	gracePeriodSeconds?: number;
	preconditions?: { resourceVersion?: string; uid?: string };
}

function optionsOf(req: ResourceRequest): { options: DeleteOptions; grace?: number } {
	const options = ((req.body ? parseJson(req.body) : {}) ?? {}) as DeleteOptions;
	const query = req.url.searchParams.get('gracePeriodSeconds');
	return { options, grace: options.gracePeriodSeconds ?? (query === null ? undefined : Number(query)) };
}

function checkPreconditions(resource: ServedResource, current: ServedObject, options: DeleteOptions): void {
	checkPrecondition(resource, current, options.preconditions?.resourceVersion);
	if (options.preconditions?.uid !== undefined && options.preconditions.uid !== current.metadata.uid) {
		throw new ApiError(409, `Precondition failed: UID in precondition: ${options.preconditions.uid}, UID in object meta: ${current.metadata.uid}`, { name: current.metadata.name, group: resource.group, kind: resource.plural });
	}
}

/** Deletes one object (or starts deleting it); the object as the DELETE response shows it. */
function deleteOne(ctx: HandlerContext, resource: ServedResource, current: ServedObject, grace: number | undefined): ServedObject {
	const ref = { kind: resource.kind, namespace: current.metadata.namespace, name: current.metadata.name };
	let after: ServedObject | undefined;
	if (ref.kind === 'Namespace') after = terminateNamespace(ctx.store, ref.name);
	// Kinds only `sim serve` keeps: nothing to cascade (the endpoints controller recreates what it maintains).
	else if (ref.kind === 'Service' || ref.kind === 'Endpoints' || ref.kind === 'EndpointSlice') deleteServed(ctx.store, ref);
	else after = ctx.writes.remove(ref as ObjectRef, grace);
	return present(resource, after ?? current);
}

export function remove(req: ResourceRequest, res: ServerResponse, ctx: HandlerContext, current: ServedObject): void {
	const { resource } = req.path;
	const { options, grace } = optionsOf(req);
	checkPreconditions(resource, current, options);
	if (isDryRun(req.url)) return json(res, 200, present(resource, current));
	const answer = deleteOne(ctx, resource, current, grace);
	ctx.afterWrite();
	json(res, 200, answer);
}

export function removeCollection(req: ResourceRequest, res: ServerResponse, ctx: HandlerContext): void {
	const { resource, namespace } = req.path;
	const params = req.url.searchParams;
	const filter = selectorFilter(params.get('labelSelector'), params.get('fieldSelector'));
	const { options, grace } = optionsOf(req);
	const chosen = listServed(ctx.store, resource.kind, namespace).filter(filter).sort(byKey);
	for (const obj of chosen) checkPreconditions(resource, obj, options);
	const dryRun = isDryRun(req.url);
	const items: ServedObject[] = [];
	for (const obj of chosen) {
		// Deleting an owner may already have taken this one with it.
		const current = getServed(ctx.store, { kind: resource.kind, namespace: obj.metadata.namespace, name: obj.metadata.name });
		if (!current) continue;
		items.push(dryRun ? present(resource, current) : deleteOne(ctx, resource, current, grace));
	}
	if (!dryRun) ctx.afterWrite();
	json(res, 200, { apiVersion: apiVersionOf(resource), kind: `${resource.kind}List`, metadata: { resourceVersion: String(ctx.store.resourceVersion) }, items });
}
