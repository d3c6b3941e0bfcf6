import { afterEach, describe, expect, it } from 'vitest';
import { startApiServer, type ApiServer } from '../../source/serve/api-server';
import { fixtureStore, NS } from '../helpers/api-server-fixtures';
import { waitFor } from '../helpers/api-server-mirror';

let server: ApiServer | undefined;
afterEach(async () => {
	await server?.close();
	server = undefined;
});

async function start(options: Partial<Parameters<typeof startApiServer>[0]> = {}) {
	const store = fixtureStore();
	server = await startApiServer({ store, ...options });
	return { store, server };
}

async function call(path: string, init: RequestInit = {}): Promise<{ status: number; body: any }> {
	const response = await fetch(`${server!.url}${path}`, init);
	return { status: response.status, body: await response.json() };
}

const patch = (path: string, contentType: string, body: unknown) =>
	call(path, { method: 'PATCH', headers: { 'Content-Type': contentType }, body: JSON.stringify(body) });

describe('sim serve API server', () => {
	it('answers discovery for core, apps, argoproj.io and authorization', async () => {
		await start();
		expect((await call('/version')).body.gitVersion).toMatch(/^v1\.32/);
		expect((await call('/api')).body).toMatchObject({ kind: 'APIVersions', versions: ['v1'] });
		const groups = (await call('/apis')).body.groups.map((g: { name: string }) => g.name);
		expect(groups.sort()).toEqual(['apps', 'argoproj.io', 'authorization.k8s.io', 'autoscaling', 'discovery.k8s.io', 'keda.sh']);
		const argo = (await call('/apis/argoproj.io/v1alpha1')).body.resources.map((r: { name: string }) => r.name);
		// Argo's AnalysisRun CRD declares no status subresource.
		expect(argo).toEqual(['rollouts', 'rollouts/status', 'rollouts/scale', 'analysisruns', 'analysistemplates']);
		const core = (await call('/api/v1')).body;
		expect(core.resources.find((r: { name: string }) => r.name === 'nodes')).toMatchObject({ namespaced: false, kind: 'Node' });
	});

	it('without Argo the group is absent and its paths are 404 Status bodies', async () => {
		await start({ argo: false });
		expect((await call('/apis')).body.groups.map((g: { name: string }) => g.name)).not.toContain('argoproj.io');
		const missing = await call(`/apis/argoproj.io/v1alpha1/namespaces/${NS}/rollouts`);
		expect(missing).toEqual({ status: 404, body: expect.objectContaining({ kind: 'Status', code: 404, reason: 'NotFound' }) });
	});

	it('lists with kind XList and the store resourceVersion, per namespace and across namespaces', async () => {
		const { store } = await start();
		const list = await call(`/apis/apps/v1/namespaces/${NS}/replicasets`);
		expect(list.body).toMatchObject({ kind: 'ReplicaSetList', apiVersion: 'apps/v1', metadata: { resourceVersion: String(store.resourceVersion) } });
		expect(list.body.items).toHaveLength(4);
		expect((await call('/api/v1/pods?labelSelector=app%3Dchat,rollouts-pod-template-hash%3Dc2')).body.items.map((p: any) => p.metadata.name)).toEqual(['chat-c2-p0']);
		expect((await call('/api/v1/namespaces/other/pods')).body.items).toEqual([]);
		expect((await call(`/api/v1/namespaces/${NS}/pods/nope`)).body).toMatchObject({ code: 404, message: 'pods "nope" not found' });
	});

	it('serves and accepts the scale subresource as autoscaling/v1 Scale', async () => {
		const { store } = await start();
		const path = `/apis/argoproj.io/v1alpha1/namespaces/${NS}/rollouts/chat/scale`;
		expect((await call(path)).body).toMatchObject({ kind: 'Scale', apiVersion: 'autoscaling/v1', spec: { replicas: 4 }, status: { selector: 'app=chat' } });
		const put = await call(path, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ spec: { replicas: 2 } }) });
		expect(put.body.spec.replicas).toBe(2);
		expect((store.get({ kind: 'Rollout', namespace: NS, name: 'chat' }) as { spec: { replicas: number } }).spec.replicas).toBe(2);
		expect((await patch(path, 'application/merge-patch+json', { spec: { replicas: -1 } })).body).toMatchObject({ code: 422, reason: 'Invalid' });
	});

	it('refuses unknown patch types (415) and strategic merge on custom resources', async () => {
		await start();
		expect((await patch(`/apis/apps/v1/namespaces/${NS}/deployments/embed`, 'application/json', { spec: {} })).status).toBe(415);
		const strategic = await patch(`/apis/argoproj.io/v1alpha1/namespaces/${NS}/rollouts/chat`, 'application/strategic-merge-patch+json', { spec: { paused: true } });
		expect(strategic.body).toMatchObject({ code: 415, reason: 'UnsupportedMediaType' });
		expect(strategic.body.message).not.toContain('strategic');
		const failedTest = await patch(`/apis/apps/v1/namespaces/${NS}/deployments/embed`, 'application/json-patch+json', [{ op: 'test', path: '/spec/replicas', value: 9 }]);
		expect(failedTest.body).toMatchObject({ code: 422 });
	});

	it('a watch from a compacted resourceVersion gets an ERROR event with a 410 Status', async () => {
		const { store } = await start();
		const old = store.resourceVersion;
		store.put({ ...(store.get({ kind: 'Node', name: 'gpu-node-1' }) as any), spec: { unschedulable: true } });
		store.compact();
		const response = await fetch(`${server!.url}/api/v1/nodes?watch=true&resourceVersion=${old - 1}`);
		const lines = (await response.text()).trim().split('\n').map((line) => JSON.parse(line));
		expect(lines).toEqual([{ type: 'ERROR', object: expect.objectContaining({ kind: 'Status', code: 410, reason: 'Expired' }) }]);
	});

	it('streams watch events after the given resourceVersion, and bookmarks when allowed', async () => {
		const { store } = await start({ bookmarkIntervalMs: 20 });
		const from = store.resourceVersion;
		const controller = new AbortController();
		const response = await fetch(`${server!.url}/api/v1/namespaces/${NS}/pods?watch=1&resourceVersion=${from}&allowWatchBookmarks=true`, { signal: controller.signal });
		const reader = response.body!.getReader();
		let text = '';
		const pump = (async () => {
			for (;;) {
				const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
				if (done) return;
				text += new TextDecoder().decode(value);
			}
		})();
		store.delete({ kind: 'Pod', namespace: NS, name: 'chat-c1-p0' });
		await waitFor('deleted and bookmark', () => text.includes('"DELETED"') && text.includes('"BOOKMARK"'));
		controller.abort();
		await pump;
		const events = text.trim().split('\n').map((line) => JSON.parse(line));
		expect(events[0]).toMatchObject({ type: 'DELETED', object: { kind: 'Pod', metadata: { name: 'chat-c1-p0' } } });
		expect(events.find((e) => e.type === 'BOOKMARK').object.metadata.resourceVersion).toBe(String(store.resourceVersion));
	});

	it('requires the bearer token when configured, but serves extra routes openly', async () => {
		await start({ token: 'tok', routes: { '/metrics': () => ({ contentType: 'text/plain; version=0.0.4', body: 'up 1\n' }) } });
		expect((await call('/api/v1/pods')).body).toMatchObject({ code: 401, reason: 'Unauthorized' });
		expect((await call('/api/v1/pods', { headers: { Authorization: 'Bearer tok' } })).status).toBe(200);
		const metrics = await fetch(`${server!.url}/metrics`);
		expect([metrics.headers.get('content-type'), await metrics.text()]).toEqual(['text/plain; version=0.0.4', 'up 1\n']);
	});

	it('denies by rule with the API server wording, and answers access reviews alike', async () => {
		await start({ deny: [{ verb: 'patch', resource: 'deployments', namespace: NS }] });
		const denied = await patch(`/apis/apps/v1/namespaces/${NS}/deployments/embed`, 'application/merge-patch+json', { spec: { paused: true } });
		expect(denied.body).toMatchObject({
			code: 403,
			message: `deployments.apps "embed" is forbidden: User "rolltop-sim" cannot patch resource "deployments" in API group "apps" in the namespace "${NS}"`,
		});
		const review = (verb: string) =>
			call('/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify({ kind: 'SelfSubjectAccessReview', spec: { resourceAttributes: { verb, group: 'apps', resource: 'deployments', namespace: NS } } }),
			});
		expect((await review('patch')).body.status).toMatchObject({ allowed: false, denied: true });
		expect((await review('get')).body.status).toMatchObject({ allowed: true });
	});
});
