import { afterEach, describe, expect, it } from 'vitest';
import type { Kind, Pod } from '../../source/domain/k8s';
import { startApiServer } from '../../source/serve/api-server';
import type { ObjectStore } from '../../source/sources/simulator/object-store';
import { fixtureStore, NS } from '../helpers/api-server-fixtures';
import { Mirror, storeVersions, waitFor } from '../helpers/api-server-mirror';
import { cleanUp, cleanups, liveSource, serve, tempKubeconfig } from '../helpers/api-server-session';

const KINDS: Kind[] = ['Rollout', 'AnalysisRun', 'Deployment', 'ReplicaSet', 'Pod', 'Node', 'Event', 'HorizontalPodAutoscaler', 'ScaledObject'];
afterEach(cleanUp);

function watchWith(kubeconfig: string, allNamespaces = false): { mirror: Mirror } {
	const source = liveSource(kubeconfig, { allNamespaces });
	const mirror = new Mirror();
	source.start(mirror.emit);
	return { mirror };
}

function inSync(mirror: Mirror, store: ObjectStore, kinds: Kind[] = KINDS): boolean {
	return kinds.every((kind) => JSON.stringify(mirror.versions(kind)) === JSON.stringify(storeVersions(store, kind)));
}

function newPod(name: string): Pod {
	return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: NS, labels: { app: 'chat' } }, spec: { nodeName: 'gpu-node-1' }, status: { phase: 'Pending' } };
}

describe('kubernetes source watches', () => {
	it('syncs every kind, then follows changes through one watch per kind', async () => {
		const store = fixtureStore();
		const { server, kubeconfig } = await serve({ store });
		const { mirror } = watchWith(kubeconfig);
		await waitFor('initial sync', () => inSync(mirror, store) && server.openWatches() === KINDS.length);
		expect(mirror.versions('Pod')).toHaveLength(7);
		expect(mirror.connection.get('Pod')?.state).toBe('connected');

		store.put(newPod('chat-c2-p1'));
		store.delete({ kind: 'Pod', namespace: NS, name: 'chat-c1-p0' });
		store.patch({ kind: 'Deployment', namespace: NS, name: 'embed' }, 'scale', 'merge', { spec: { replicas: 3 } });
		await waitFor('changes', () => inSync(mirror, store));
		expect(mirror.objects.has(`Pod/${NS}/chat-c1-p0`)).toBe(false);

		const watches = server.requests.filter((r) => r.method === 'GET' && r.query.includes('watch=true'));
		expect(watches.map((r) => r.path).sort()).toEqual([
			`/api/v1/namespaces/${NS}/events`,
			`/api/v1/namespaces/${NS}/pods`,
			'/api/v1/nodes',
			`/apis/apps/v1/namespaces/${NS}/deployments`,
			`/apis/apps/v1/namespaces/${NS}/replicasets`,
			`/apis/argoproj.io/v1alpha1/namespaces/${NS}/analysisruns`,
			`/apis/argoproj.io/v1alpha1/namespaces/${NS}/rollouts`,
			`/apis/autoscaling/v2/namespaces/${NS}/horizontalpodautoscalers`,
			`/apis/keda.sh/v1alpha1/namespaces/${NS}/scaledobjects`,
		]);
		expect(watches.every((r) => /resourceVersion=\d+/.test(r.query) && r.query.includes('allowWatchBookmarks=true'))).toBe(true);
	});

	it('watches across namespaces with --all-namespaces', async () => {
		const store = fixtureStore();
		store.put({ ...newPod('other'), metadata: { name: 'other', namespace: 'batch' } });
		const { server, kubeconfig } = await serve({ store });
		const { mirror } = watchWith(kubeconfig, true);
		await waitFor('sync', () => inSync(mirror, store));
		expect(mirror.objects.has('Pod/batch/other')).toBe(true);
		expect(server.requests.some((r) => r.path === '/api/v1/pods')).toBe(true);
	});

	it('resumes a dropped watch from its resourceVersion without losing or duplicating pods', async () => {
		const store = fixtureStore();
		const { server, kubeconfig } = await serve({ store });
		const { mirror } = watchWith(kubeconfig);
		await waitFor('sync', () => inSync(mirror, store) && server.openWatches() === KINDS.length);
		const podLists = () => server.requests.filter((r) => r.path === `/api/v1/namespaces/${NS}/pods` && !r.query.includes('watch')).length;

		server.dropWatches();
		store.put(newPod('while-dropped'));
		await waitFor('reconnect', () => server.openWatches() === KINDS.length && inSync(mirror, store));
		expect(mirror.events.some((e) => e.type === 'connection' && e.state === 'reconnecting' && e.kind === 'Pod')).toBe(true);
		expect(mirror.connection.get('Pod')?.state).toBe('connected');
		// Resumed from the last resourceVersion: the pod created meanwhile came through the new watch, no relist.
		expect(podLists()).toBe(1);
		expect(mirror.events.some((e) => e.type === 'upsert' && e.object.metadata.name === 'while-dropped')).toBe(true);
		expect(mirror.duplicates).toBe(0);
	});

	it('relists after 410 Gone and ends equal to the server', async () => {
		const store = fixtureStore();
		const { server, kubeconfig } = await serve({ store });
		const { mirror } = watchWith(kubeconfig);
		await waitFor('sync', () => inSync(mirror, store) && server.openWatches() === KINDS.length);
		const podLists = () => server.requests.filter((r) => r.path === `/api/v1/namespaces/${NS}/pods` && !r.query.includes('watch')).length;
		expect(podLists()).toBe(1);

		server.dropWatches();
		store.delete({ kind: 'Pod', namespace: NS, name: 'chat-c1-p1' });
		store.put(newPod('after-compaction'));
		store.compact();
		await waitFor('relist', () => podLists() === 2 && inSync(mirror, store) && server.openWatches() === KINDS.length);
		expect(mirror.objects.has(`Pod/${NS}/chat-c1-p1`)).toBe(false);
		expect(mirror.objects.has(`Pod/${NS}/after-compaction`)).toBe(true);
		expect(mirror.events.some((e) => e.type === 'sync' && e.kind === 'Pod' && e.objects.some((o) => o.metadata.name === 'after-compaction'))).toBe(true);
	});

	it('survives a server restart: reconnects with backoff and matches the new state', async () => {
		const store = fixtureStore();
		const first = await serve({ store });
		const { mirror } = watchWith(first.kubeconfig);
		await waitFor('sync', () => inSync(mirror, store) && first.server.openWatches() === KINDS.length);

		await first.server.close();
		await waitFor('unreachable state', () => /ECONNREFUSED/.test(mirror.connection.get('Pod')?.message ?? ''));
		expect(mirror.connection.get('Pod')).toEqual({
			state: 'reconnecting',
			message: expect.stringMatching(/^cannot reach API server http:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\); retrying in \d+ ms$/),
		});
		store.delete({ kind: 'Pod', namespace: NS, name: 'chat-c1-p2' });
		store.put(newPod('born-while-down'));

		const second = await startApiServer({ store, port: first.server.port });
		cleanups.push(() => second.close());
		await waitFor('resync after restart', () => inSync(mirror, store) && second.openWatches() === KINDS.length, 15_000);
		expect(mirror.connection.get('Pod')?.state).toBe('connected');
		expect(mirror.duplicates).toBe(0);
	});

	it('reports a 403 on listing a kind every pane needs, naming verb, resource and namespace, and retries it', async () => {
		const store = fixtureStore();
		const { kubeconfig } = await serve({ store, deny: [{ verb: 'list', resource: 'pods' }] });
		const { mirror } = watchWith(kubeconfig);
		await waitFor('deployments synced', () => inSync(mirror, store, ['Deployment', 'Rollout']));
		await waitFor('pod failure', () => mirror.connection.get('Pod')?.state === 'reconnecting');
		expect(mirror.connection.get('Pod')?.message).toMatch(new RegExp(`^forbidden \\(403\\): may not list pods in namespace ${NS}; retrying in`));
	});

	it('a forbidden optional kind (Nodes) is unavailable once, never retried, and marks nothing stale', async () => {
		const store = fixtureStore();
		// Events are a kind every pane needs: their retries are the clock that shows nodes are not retried.
		const deny = [{ verb: 'list', resource: 'nodes' }, { verb: 'list', resource: 'horizontalpodautoscalers' }, { verb: 'list', resource: 'events' }];
		const { server, kubeconfig } = await serve({ store, deny });
		const { mirror } = watchWith(kubeconfig);
		await waitFor('others synced', () => inSync(mirror, store, ['Pod', 'Deployment', 'Rollout']));
		await waitFor('hints', () => mirror.events.filter((e) => e.type === 'unavailable').length === 2);
		const hints = mirror.events.flatMap((e) => (e.type === 'unavailable' ? [`${e.kind}: ${e.hint}`] : []));
		expect(hints.sort()).toEqual([
			`HorizontalPodAutoscaler: not permitted: list horizontalpodautoscalers in namespace ${NS}`,
			'Node: not permitted: list nodes at cluster scope',
		]);
		const lists = (path: string) => server.requests.filter((r) => r.path === path).length;
		await waitFor('events retried four times', () => lists(`/api/v1/namespaces/${NS}/events`) >= 5);
		expect(lists('/api/v1/nodes')).toBe(1);
		expect(lists(`/apis/autoscaling/v2/namespaces/${NS}/horizontalpodautoscalers`)).toBe(1);
		const reconnecting = mirror.events.flatMap((e) => (e.type === 'connection' && e.state === 'reconnecting' ? [e.kind] : []));
		expect(new Set(reconnecting)).toEqual(new Set(['Event']));
	});

	it('without the Argo CRDs, Rollouts are unavailable with a hint and nothing is watched for them', async () => {
		const store = fixtureStore();
		const { server, kubeconfig } = await serve({ store, argo: false });
		const { mirror } = watchWith(kubeconfig);
		await waitFor('sync', () => inSync(mirror, store, ['Deployment', 'Pod']));
		await waitFor('hint', () => mirror.events.some((e) => e.type === 'unavailable' && e.kind === 'Rollout'));
		const hint = mirror.events.find((e) => e.type === 'unavailable' && e.kind === 'Rollout');
		expect(hint).toMatchObject({ hint: expect.stringMatching(/^Argo Rollouts CRDs not installed: /) });
		expect(server.requests.some((r) => r.path.includes('/rollouts'))).toBe(false);
	});

	it('rejected credentials (401) become a one-line message without the token', async () => {
		const store = fixtureStore();
		const { server } = await serve({ store, token: 'right-token' });
		const { mirror } = watchWith(tempKubeconfig(server.url, 'wrong-token-s3cret'));
		await waitFor('401', () => mirror.connection.get('Pod')?.state === 'reconnecting');
		const message = mirror.connection.get('Pod')?.message ?? '';
		expect(message).toMatch(/^unauthorized \(401\): the API server rejected the credentials \(list pods\)/);
		expect(JSON.stringify(mirror.events)).not.toContain('s3cret');
	});
});
