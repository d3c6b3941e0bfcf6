// Server-side apply over HTTP: the status codes, the YAML body, the required field manager and the
// conflict message with several fields, as a real API server answers them.
import { afterEach, describe, expect, it } from 'vitest';
import { startApiServer, type ApiServer } from '../../source/serve/api-server';
import { APPLY_PATCH_CONTENT_TYPE } from '../../source/serve/server-side-apply';
import { fixtureStore, NS } from '../helpers/api-server-fixtures';

let server: ApiServer | undefined;
afterEach(async () => {
	await server?.close();
	server = undefined;
});

const path = (name: string, query: string) => `/apis/apps/v1/namespaces/${NS}/deployments/${name}?${query}`;

async function apply(name: string, query: string, yaml: string): Promise<{ status: number; body: any }> {
	const response = await fetch(`${server!.url}${path(name, query)}`, { method: 'PATCH', headers: { 'Content-Type': APPLY_PATCH_CONTENT_TYPE }, body: yaml });
	return { status: response.status, body: await response.json() };
}

const manifest = (replicas: number, image: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: tiny
  namespace: ${NS}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: tiny}}
  template:
    metadata: {labels: {app: tiny}}
    spec:
      containers:
      - name: main
        image: ${image}
`;

describe('server-side apply over HTTP', () => {
	it('201 when it creates, 200 when it changes; a field manager is required', async () => {
		server = await startApiServer({ store: fixtureStore() });
		const missing = await apply('tiny', '', manifest(1, 'a:1'));
		expect(missing.status).toBe(422);
		expect(missing.body.message).toBe('PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch');

		const created = await apply('tiny', 'fieldManager=ci', manifest(1, 'a:1'));
		expect(created.status).toBe(201);
		expect(created.body.metadata.managedFields).toEqual([expect.objectContaining({ manager: 'ci', operation: 'Apply', fieldsType: 'FieldsV1' })]);
		const changed = await apply('tiny', 'fieldManager=ci', manifest(1, 'a:2'));
		expect(changed.status).toBe(200);
		expect(changed.body.spec.template.spec.containers[0].image).toBe('a:2');

		const renamed = await apply('other', 'fieldManager=ci', manifest(1, 'a:2'));
		expect(renamed).toMatchObject({ status: 400, body: { message: 'the name of the object (tiny) does not match the name on the URL (other)' } });
	});

	it('several conflicting fields: 409 listing them per manager, with FieldManagerConflict causes', async () => {
		server = await startApiServer({ store: fixtureStore() });
		await apply('tiny', 'fieldManager=ci', manifest(1, 'a:1'));
		const conflict = await apply('tiny', 'fieldManager=team', manifest(2, 'b:1'));
		expect(conflict.status).toBe(409);
		expect(conflict.body).toMatchObject({
			reason: 'Conflict',
			message: 'Apply failed with 2 conflicts: conflicts with "ci":\n- .spec.replicas\n- .spec.template.spec.containers[name="main"].image',
			details: {
				causes: [
					{ reason: 'FieldManagerConflict', message: 'conflict with "ci"', field: '.spec.replicas' },
					{ reason: 'FieldManagerConflict', message: 'conflict with "ci"', field: '.spec.template.spec.containers[name="main"].image' },
				],
			},
		});
		expect((await apply('tiny', 'fieldManager=team&force=true', manifest(2, 'b:1'))).status).toBe(200);
		const after = await apply('tiny', 'fieldManager=team&dryRun=All', manifest(2, 'b:1'));
		expect(after.body.metadata.managedFields.map((e: { manager: string }) => e.manager)).toEqual(['ci', 'team']);
	});

	it('415 for an unknown patch type names the media types the resource takes, apply included', async () => {
		server = await startApiServer({ store: fixtureStore() });
		await apply('tiny', 'fieldManager=test', manifest(1, 'a:1'));
		const response = await fetch(`${server.url}${path('tiny', '')}`, { method: 'PATCH', headers: { 'Content-Type': 'text/plain' }, body: '{}' });
		expect([response.status, (await response.json()).message]).toEqual([
			415,
			'the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/strategic-merge-patch+json, application/apply-patch+yaml',
		]);
	});
});
