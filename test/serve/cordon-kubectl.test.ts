// Cordon and uncordon: the console sends exactly the request the real kubectl sends, checked on
// the API server's record of what arrived.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { executePlan } from '../../source/domain/execute-plan';
import type { Node } from '../../source/domain/k8s';
import { planNodeAction } from '../../source/domain/node-actions';
import { fixtureStore } from '../helpers/api-server-fixtures';
import { cleanUp, liveSource, serve } from '../helpers/api-server-session';

const run = promisify(execFile);
const KUBECTL = ['/usr/bin/kubectl', '/usr/local/bin/kubectl'].find((path) => existsSync(path));
const NODE = 'gpu-node-1';

afterEach(cleanUp);

describe.skipIf(!KUBECTL)('cordon and uncordon against a real kubectl', () => {
	it('sends the PATCH kubectl sends, and kubectl get nodes shows the result', async () => {
		const store = fixtureStore();
		const { server, kubeconfig } = await serve({ store });
		const env = { PATH: process.env.PATH ?? '', HOME: mkdtempSync(join(tmpdir(), 'rolltop-kubectl-home-')) };
		const kubectl = async (...args: string[]) => (await run(KUBECTL!, ['--kubeconfig', kubeconfig, ...args], { env, timeout: 20_000 })).stdout;
		const patches = () => server.requests.filter((r) => r.method === 'PATCH').map(({ path, contentType, body }) => ({ path, contentType, body }));

		expect(await kubectl('cordon', NODE)).toContain(`node/${NODE} cordoned`);
		expect(await kubectl('get', 'nodes')).toMatch(new RegExp(`^${NODE}\\s+Ready,SchedulingDisabled\\s`, 'm'));
		expect(await kubectl('uncordon', NODE)).toContain(`node/${NODE} uncordoned`);
		const fromKubectl = patches();
		expect(fromKubectl).toHaveLength(2);
		server.requests.length = 0;

		const source = liveSource(kubeconfig);
		for (const kind of ['cordon', 'uncordon'] as const) {
			const result = planNodeAction(kind, store.get({ kind: 'Node', name: NODE }) as Node);
			if (!result.ok) throw new Error(result.reason);
			expect(await executePlan(result.plan, source.patch)).toMatchObject({ ok: true });
		}
		expect(patches()).toEqual(fromKubectl);
		expect((store.get({ kind: 'Node', name: NODE }) as Node).spec?.unschedulable).toBeUndefined();
	});
});

if (!KUBECTL) console.log('skipping the cordon test: no kubectl binary in /usr/bin or /usr/local/bin');
