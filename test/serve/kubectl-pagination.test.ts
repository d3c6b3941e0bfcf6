// Paged lists (`limit` / `continue`) with the real kubectl: every object once across chunks, a
// consistent snapshot while the cluster changes, and the API server's 410 for an expired token.
import { afterEach, describe, expect, it } from 'vitest';
import type { Pod } from '../../source/domain/k8s';
import { clusterObjects, fixtureStore, NS } from '../helpers/api-server-fixtures';
import { cleanUp, serve } from '../helpers/api-server-session';
import { requireKubectl, kubectlFor } from '../helpers/sim-serve-kubectl';

const hasKubectl = requireKubectl();

afterEach(cleanUp);

/** The fixture cluster plus `count` more pods spread over two namespaces. */
function bigStore(count: number) {
	const store = fixtureStore();
	const template = clusterObjects().find((o): o is Pod => o.kind === 'Pod')!;
	for (let i = 0; i < count; i++) {
		store.put({ ...structuredClone(template), metadata: { ...template.metadata, name: `extra-${String(i).padStart(3, '0')}`, namespace: i % 2 ? NS : 'batch' } });
	}
	return store;
}

describe.runIf(hasKubectl)('paged lists', () => {
	it('kubectl get pods -A --chunk-size=50 returns every pod once, in chunks', async () => {
		const store = bigStore(120);
		const { server, kubeconfig } = await serve({ store });
		const kubectl = kubectlFor(kubeconfig);
		const names = (await kubectl('get', 'pods', '-A', '--chunk-size=50', '-o', 'jsonpath={range .items[*]}{.metadata.namespace}/{.metadata.name}{"\\n"}{end}')).trim().split('\n');
		const expected = store.list('Pod').map((p) => `${p.metadata.namespace}/${p.metadata.name}`);
		expect(names).toHaveLength(expected.length);
		expect(new Set(names)).toEqual(new Set(expected));
		const pages = server.requests.filter((r) => r.path === '/api/v1/pods');
		expect(pages.map((r) => new URLSearchParams(r.query).get('limit'))).toEqual(['50', '50', '50']);
		expect(pages.map((r) => new URLSearchParams(r.query).has('continue'))).toEqual([false, true, true]);
		// Table output pages the same way.
		expect((await kubectl('get', 'pods', '-A', '--chunk-size=50', '--no-headers')).trim().split('\n')).toHaveLength(expected.length);
	});

	it('later pages come from the first page’s snapshot, however the cluster changed meanwhile', async () => {
		const store = bigStore(10);
		const { server } = await serve({ store });
		const first = await (await fetch(`${server.url}/api/v1/namespaces/batch/pods?limit=3`)).json();
		const before = store.list('Pod', 'batch').map((p) => p.metadata.name).sort();
		store.delete({ kind: 'Pod', namespace: 'batch', name: before[4] });
		const rest = await (await fetch(`${server.url}/api/v1/namespaces/batch/pods?limit=10&continue=${encodeURIComponent(first.metadata.continue)}`)).json();
		expect([...first.items, ...rest.items].map((p: Pod) => p.metadata.name)).toEqual(before);
		expect(first.metadata.remainingItemCount).toBe(2);
		expect(rest.metadata).toEqual({ resourceVersion: first.metadata.resourceVersion });
	});

	it('an expired continue token gets 410 Expired, worded as the API server words it', async () => {
		const store = bigStore(10);
		const { server, kubeconfig } = await serve({ store });
		const first = await (await fetch(`${server.url}/api/v1/pods?limit=2`)).json();
		store.put({ ...store.list('Pod')[0] });
		store.compact();
		const token = encodeURIComponent(first.metadata.continue);
		await expect(kubectlFor(kubeconfig)('get', '--raw', `/api/v1/pods?limit=2&continue=${token}`)).rejects.toThrow(
			'Error from server (Expired): The provided continue parameter is too old to display a consistent list result.',
		);
		const answer = await fetch(`${server.url}/api/v1/pods?limit=2&continue=${token}`);
		expect([answer.status, await answer.json()]).toEqual([410, expect.objectContaining({ kind: 'Status', reason: 'Expired', code: 410 })]);
	});
});
