// A minimal OpenAPI v3 description: no schemas, only the write operations of each resource with
// their group-version-kind and the `fieldValidation` parameter. That is what kubectl looks for to
// leave validation to the server, so `kubectl apply -f`, `create -f` and `replace -f` work without
// --validate=false. (sim serve does not reject unknown fields; a real server with Strict would.)
import { groupVersion, type ServedResource } from './discovery';

function gvPath(group: string, version: string): string {
	return group ? `apis/${group}/${version}` : `api/${version}`;
}

/** `/openapi/v3`: the group versions, each with the URL of its document. */
export function openApiRoot(resources: ServedResource[]): object {
	const paths: Record<string, { serverRelativeURL: string }> = {};
	for (const r of resources) {
		const path = gvPath(r.group, r.version);
		paths[path] = { serverRelativeURL: `/openapi/v3/${path}?hash=rolltop` };
	}
	return { paths };
}

/** `/openapi/v3/api/v1`, `/openapi/v3/apis/GROUP/VERSION`; undefined for other paths. */
export function openApiDocument(resources: ServedResource[], pathname: string): object | undefined {
	const path = pathname.replace(/^\/openapi\/v3\//, '');
	const mine = resources.filter((r) => gvPath(r.group, r.version) === path);
	if (!mine.length) return undefined;
	const paths: Record<string, object> = {};
	for (const r of mine) {
		const gvk = { group: r.group, version: r.version, kind: r.kind };
		const operation = (action: string) => ({
			operationId: `${action}${r.kind}`,
			parameters: [{ name: 'fieldValidation', in: 'query', schema: { type: 'string', uniqueItems: true } }],
			responses: {},
			'x-kubernetes-action': action,
			'x-kubernetes-group-version-kind': gvk,
		});
		const base = `/${gvPath(r.group, r.version)}${r.namespaced ? '/namespaces/{namespace}' : ''}/${r.plural}`;
		paths[base] = { post: operation('post') };
		paths[`${base}/{name}`] = { put: operation('put'), patch: operation('patch') };
	}
	return { openapi: '3.0.0', info: { title: 'Kubernetes', version: groupVersion(mine[0].group, mine[0].version) }, paths, components: { schemas: {} } };
}
