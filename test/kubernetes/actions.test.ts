import { afterEach, describe, expect, it } from 'vitest';
import type { Action, ActionKind, ActionPlan, ActionResult } from '../../source/domain/action';
import { executePlan } from '../../source/domain/execute-plan';
import type { Deployment, ReplicaSet, Rollout } from '../../source/domain/k8s';
import { planAction } from '../../source/domain/plan-action';
import type { ApiServer } from '../../source/serve/api-server';
import type { KubernetesSource } from '../../source/sources/kubernetes';
import type { ObjectStore } from '../../source/sources/simulator/object-store';
import { fixtureStore, NOW, NS } from '../helpers/api-server-fixtures';
import { cleanUp, liveSource, serve, tempKubeconfig } from '../helpers/api-server-session';

afterEach(cleanUp);

const ROLLOUT = `/apis/argoproj.io/v1alpha1/namespaces/${NS}/rollouts/chat`;
const DEPLOYMENT = `/apis/apps/v1/namespaces/${NS}/deployments/embed`;
const MERGE = 'application/merge-patch+json';
const STRATEGIC = 'application/strategic-merge-patch+json';
const JSON_PATCH = 'application/json-patch+json';

interface Harness {
	store: ObjectStore;
	server: ApiServer;
	source: KubernetesSource;
	run(kind: ActionKind, workload: 'Rollout' | 'Deployment', extra?: Partial<Action>): Promise<ActionResult>;
	patches(): Array<{ path: string; contentType?: string; body?: unknown }>;
}

async function harness(argo: boolean | 'legacy' = true): Promise<Harness> {
	const store = fixtureStore();
	const { server, kubeconfig } = await serve({ store, argo });
	const source = liveSource(kubeconfig);
	return {
		store,
		server,
		source,
		async run(kind, workload, extra = {}) {
			const name = workload === 'Rollout' ? 'chat' : 'embed';
			const object = store.get({ kind: workload, namespace: NS, name }) as Rollout | Deployment;
			const replicaSets = store.list('ReplicaSet', NS) as ReplicaSet[];
			const planned = planAction({ kind, target: { kind: workload, namespace: NS, name }, ...extra }, { object, replicaSets, now: NOW });
			if (!planned.ok) throw new Error(`not planned: ${planned.reason}`);
			server.requests.length = 0;
			return executePlan(planned.plan, source.patch);
		},
		patches: () => server.requests.filter((r) => r.method === 'PATCH').map(({ path, contentType, body }) => ({ path, contentType, body })),
	};
}

const rollout = (store: ObjectStore) => store.get({ kind: 'Rollout', namespace: NS, name: 'chat' }) as Rollout;
const deployment = (store: ObjectStore) => store.get({ kind: 'Deployment', namespace: NS, name: 'embed' }) as Deployment;

describe('actions over HTTP: exact path, method, Content-Type and body', () => {
	it('rollout promote clears pause conditions through the status subresource', async () => {
		const h = await harness();
		expect(await h.run('promote', 'Rollout')).toMatchObject({ ok: true });
		expect(h.patches()).toEqual([{ path: `${ROLLOUT}/status`, contentType: MERGE, body: { status: { pauseConditions: null } } }]);
		expect(rollout(h.store).status?.pauseConditions).toBeUndefined();
	});

	it('rollout pause patches the main object; promote then unpauses it after the status patch', async () => {
		const h = await harness();
		expect(await h.run('pause', 'Rollout')).toMatchObject({ ok: true });
		expect(h.patches()).toEqual([{ path: ROLLOUT, contentType: MERGE, body: { spec: { paused: true } } }]);
		expect(rollout(h.store).spec.paused).toBe(true);
		expect(await h.run('promote', 'Rollout')).toMatchObject({ ok: true });
		expect(h.patches()).toEqual([
			{ path: `${ROLLOUT}/status`, contentType: MERGE, body: { status: { pauseConditions: null } } },
			{ path: ROLLOUT, contentType: MERGE, body: { spec: { paused: false } } },
		]);
		expect(rollout(h.store).spec.paused).toBe(false);
	});

	it('rollout full promote, abort and retry go to the status subresource', async () => {
		const h = await harness();
		await h.run('promoteFull', 'Rollout');
		expect(h.patches()).toEqual([{ path: `${ROLLOUT}/status`, contentType: MERGE, body: { status: { promoteFull: true } } }]);
		await h.run('abort', 'Rollout');
		expect(h.patches()).toEqual([{ path: `${ROLLOUT}/status`, contentType: MERGE, body: { status: { abort: true } } }]);
		expect(rollout(h.store).status?.abort).toBe(true);
		await h.run('retry', 'Rollout');
		expect(h.patches()).toEqual([{ path: `${ROLLOUT}/status`, contentType: MERGE, body: { status: { abort: false } } }]);
		expect(rollout(h.store).status?.abort).toBe(false);
	});

	it('rollout undo replaces the template with the previous revision minus its hash label (JSON patch)', async () => {
		const h = await harness();
		expect(await h.run('undo', 'Rollout')).toMatchObject({ ok: true });
		const template = {
			metadata: { labels: { app: 'chat' } },
			spec: { containers: [{ name: 'server', image: 'vllm/chat:v1', resources: { limits: { 'nvidia.com/gpu': '1' } } }] },
		};
		expect(h.patches()).toEqual([{ path: ROLLOUT, contentType: JSON_PATCH, body: [{ op: 'replace', path: '/spec/template', value: template }] }]);
		expect(rollout(h.store).spec.template).toEqual(template);
	});

	it('rollout restart and scale', async () => {
		const h = await harness();
		await h.run('restart', 'Rollout');
		expect(h.patches()).toEqual([{ path: ROLLOUT, contentType: MERGE, body: { spec: { restartAt: '2025-06-01T12:00:00Z' } } }]);
		await h.run('scale', 'Rollout', { replicas: 6 });
		expect(h.patches()).toEqual([{ path: `${ROLLOUT}/scale`, contentType: MERGE, body: { spec: { replicas: 6 } } }]);
		expect(rollout(h.store).spec.replicas).toBe(6);
	});

	it('deployment pause, resume, restart, undo and scale', async () => {
		const h = await harness();
		await h.run('pause', 'Deployment');
		expect(h.patches()).toEqual([{ path: DEPLOYMENT, contentType: STRATEGIC, body: { spec: { paused: true } } }]);
		expect(deployment(h.store).spec.paused).toBe(true);
		await h.run('resume', 'Deployment');
		expect(h.patches()).toEqual([{ path: DEPLOYMENT, contentType: STRATEGIC, body: { spec: { paused: null } } }]);
		expect(deployment(h.store).spec.paused).toBeUndefined();

		await h.run('restart', 'Deployment');
		const restartedAt = { 'kubectl.kubernetes.io/restartedAt': '2025-06-01T12:00:00Z' };
		expect(h.patches()).toEqual([{ path: DEPLOYMENT, contentType: STRATEGIC, body: { spec: { template: { metadata: { annotations: restartedAt } } } } }]);
		expect(deployment(h.store).spec.template?.metadata?.annotations).toEqual(restartedAt);

		await h.run('undo', 'Deployment');
		const [undo] = h.patches();
		expect(undo).toMatchObject({ path: DEPLOYMENT, contentType: JSON_PATCH });
		expect((undo.body as Array<{ op: string; path: string }>).map((op) => `${op.op} ${op.path}`)).toEqual(['replace /spec/template', 'replace /metadata/annotations']);
		expect(deployment(h.store).spec.template?.spec?.containers?.[0].image).toBe('tei/embed:v1');

		await h.run('scale', 'Deployment', { replicas: 0 });
		expect(h.patches()).toEqual([{ path: `${DEPLOYMENT}/scale`, contentType: MERGE, body: { spec: { replicas: 0 } } }]);
		expect(deployment(h.store).spec.replicas).toBe(0);
	});

	it('falls back to the main object when the status subresource answers 404 (old Rollout CRD)', async () => {
		const h = await harness('legacy');
		expect(await h.run('abort', 'Rollout')).toMatchObject({ ok: true });
		expect(h.patches()).toEqual([
			{ path: `${ROLLOUT}/status`, contentType: MERGE, body: { status: { abort: true } } },
			{ path: ROLLOUT, contentType: MERGE, body: { status: { abort: true } } },
		]);
	});
});

describe('action failures become one clear line', () => {
	it('403 names verb, resource and namespace; canI says so before the key is pressed', async () => {
		const h = await harness();
		h.server.deny.push({ verb: 'patch', resource: 'rollouts', subresource: 'status', namespace: NS });
		expect(await h.source.canI?.('patch', 'rollouts', NS, 'status')).toBe(
			`forbidden: may not patch rollouts/status in namespace ${NS} (User "rolltop-sim" cannot patch resource "rollouts/status" in API group "argoproj.io" in the namespace "${NS}")`,
		);
		expect(await h.source.canI?.('patch', 'rollouts', NS)).toBeNull();
		const result = await h.run('abort', 'Rollout');
		expect(result).toMatchObject({ ok: false, status: 403 });
		expect(result.message).toMatch(new RegExp(`^forbidden \\(403\\): may not patch rollouts/status in namespace ${NS}: `));
		expect(h.patches()).toHaveLength(1);
		expect(rollout(h.store).status?.abort).toBeUndefined();
	});

	it('409 on a stale resourceVersion precondition is reported, not retried', async () => {
		const h = await harness();
		const stale = rollout(h.store).metadata.resourceVersion;
		h.store.patch({ kind: 'Rollout', namespace: NS, name: 'chat' }, undefined, 'merge', { metadata: { labels: { touched: 'yes' } } });
		const plan: ActionPlan = {
			action: { kind: 'pause', target: { kind: 'Rollout', namespace: NS, name: 'chat' } },
			requests: [{ target: { kind: 'Rollout', namespace: NS, name: 'chat' }, patchType: 'merge', body: { metadata: { resourceVersion: stale }, spec: { paused: true } } }],
			summary: 'pause rollout llm/chat',
			destructive: false,
		};
		h.server.requests.length = 0;
		const result = await executePlan(plan, h.source.patch);
		expect(result).toMatchObject({ ok: false, status: 409 });
		expect(result.message).toMatch(/^conflict \(409\) on rollout llm\/chat: .*the object has been modified/);
		expect(h.patches()).toHaveLength(1);
		expect(rollout(h.store).spec.paused).toBeUndefined();
	});

	it('an unreachable server answers status 0 with the server named', async () => {
		const h = await harness();
		await h.server.close();
		const response = await h.source.patch({ target: { kind: 'Rollout', namespace: NS, name: 'chat' }, patchType: 'merge', body: { spec: { paused: true } } });
		expect(response).toEqual({ status: 0, message: `cannot reach API server ${h.server.url} (ECONNREFUSED)` });
	});

	it('a 404 for a vanished object', async () => {
		const h = await harness();
		h.store.delete({ kind: 'Deployment', namespace: NS, name: 'embed' });
		const response = await h.source.patch({ target: { kind: 'Deployment', namespace: NS, name: 'embed' }, patchType: 'strategic', body: { spec: { paused: true } } });
		expect(response).toMatchObject({ status: 404, message: 'deployments.apps "embed" not found' });
	});

	it('401 with rejected credentials', async () => {
		const store = fixtureStore();
		const { server } = await serve({ store, token: 'good' });
		const source = liveSource(tempKubeconfig(server.url, 'bad'));
		const response = await source.patch({ target: { kind: 'Deployment', namespace: NS, name: 'embed' }, patchType: 'strategic', body: { spec: { paused: true } } });
		expect(response).toMatchObject({ status: 401, message: 'Unauthorized' });
	});
});
