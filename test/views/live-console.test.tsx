// The console on a live cluster (the real client-node against the served API): RBAC denials become
// disabled reasons before anything is sent, and allowed actions send their patches.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startSimServe } from '../../source/cli/sim-serve';
import { parseSimCommand } from '../../source/cli/sim-serve-flags';
import { noMetrics } from '../../source/sources/no-metrics';
import { fixtureStore } from '../helpers/api-server-fixtures';
import { cleanUp, cleanups, liveSource, serve } from '../helpers/api-server-session';
import { renderConsole, type ConsoleSession } from '../helpers/session';

let session: ConsoleSession | undefined;
afterEach(async () => {
	session?.close();
	await cleanUp();
});

async function liveConsole(deny: Array<{ verb: string; resource: string; subresource?: string }>) {
	const { server, kubeconfig } = await serve({ store: fixtureStore(), deny });
	const source = liveSource(kubeconfig);
	session = await renderConsole({ cluster: source, metrics: noMetrics('no Prometheus configured') });
	await session.waitFor(/LIVE/);
	session.press('app.filter');
	session.type('embed');
	session.key('enter');
	await session.waitFor(/Workloads \[1\]/);
	return { server, session };
}

describe('the console on a live cluster', () => {
	it('shows an RBAC denial as the reason a key is disabled, and sends nothing', async () => {
		const { server, session } = await liveConsole([{ verb: 'patch', resource: 'deployments', subresource: 'scale' }]);
		// The console asks the API server as soon as the workload is selected; wait for its answer.
		await session.waitFor(() => session.console.controller.keyContext().actionBlocked('scale') !== null);
		expect(server.requests.some((r) => r.path.endsWith('/selfsubjectaccessreviews'))).toBe(true);
		session.press('workload.scaleUp');
		await session.waitFor(/Scale up by one: forbidden: may not patch/);
		expect(server.requests.filter((r) => r.method === 'PATCH')).toEqual([]);
	});

	it('says why the logs key is disabled when pods/log is forbidden, and opens no log stream', async () => {
		const { server, session } = await liveConsole([{ verb: 'get', resource: 'pods', subresource: 'log' }]);
		// Asked as soon as the workload is selected, before the key is pressed.
		await session.waitFor(() => session.console.controller.keyContext().logsBlocked !== null);
		expect(session.console.controller.keyContext().logsBlocked).toMatch(/forbidden/);
		session.press('logs.open');
		const frame = await session.waitFor(/forbidden: may not get pods\/log/);
		expect(frame.split('\n').at(-1)).toMatch(/forbidden: may not get pods\/log/);
		expect(session.console.store.ui.focus).not.toBe('logs');
		expect(server.requests.filter((r) => /\/pods\/[^/]+\/log$/.test(r.path))).toEqual([]);
	});

	it('sends an allowed action as the exact patch, and logs it', async () => {
		const { server, session } = await liveConsole([]);
		session.press('workload.scaleUp');
		await session.waitFor(/✔ scale deployment llm\/embed: 2 → 3 replicas/);
		const patch = server.requests.find((r) => r.method === 'PATCH');
		expect(patch).toMatchObject({ path: '/apis/apps/v1/namespaces/llm/deployments/embed/scale', contentType: 'application/merge-patch+json', body: { spec: { replicas: 3 } } });
		expect(session.console.store.log[0]).toMatchObject({ ok: true, user: 'tester' });
	});
});

describe('a namespace-scoped user (sim serve --deny)', () => {
	it('may not list nodes: the Nodes pane says so once, the header stays calm, the rest works', async () => {
		const command = parseSimCommand(['serve', '--listen', '127.0.0.1:0', '--scenario', 'traffic-spike', '--speed', '5', '--deny', 'list:nodes', '--deny', 'watch:nodes', '--deny', 'patch:nodes']);
		if (command.help) throw new Error('unexpected help');
		const kubeconfig = join(mkdtempSync(join(tmpdir(), 'rolltop-deny-')), 'kubeconfig');
		const sim = await startSimServe({ ...command.options, kubeconfigOut: kubeconfig });
		cleanups.push(() => sim.stop());
		session = await renderConsole({ cluster: liveSource(kubeconfig, { allNamespaces: true }), metrics: noMetrics('no Prometheus configured') });
		await session.waitFor(/llama-3-1-8b-chat/);
		const header = () => session!.frame().split('\n')[0];
		expect(header()).toMatch(/LIVE/);
		session.press('view.nodes');
		const nodes = await session.waitFor(/not permitted: list nodes at cluster scope/);
		expect(nodes).toMatch(/⚠ not permitted: list nodes at cluster scope/);
		expect(header()).not.toMatch(/reconnecting|stale|forbidden/);
		expect(session.console.store.cluster.staleKinds.size).toBe(0);
		session.press('app.escape');
		await session.waitFor(/Workloads \[2\]/);
		// HPAs are watched (discovery serves autoscaling/v2) and shown beside the workload.
		session.press('app.filter');
		session.type('llama');
		session.key('enter');
		await session.waitFor(/hpa llama-3-1-8b-chat/);
		expect(header()).not.toMatch(/reconnecting|stale|forbidden/);
	});
});

describe('cordon under RBAC', () => {
	it('a user who may list nodes but not patch them sees the reason on c, and nothing is sent', async () => {
		const { server, kubeconfig } = await serve({ store: fixtureStore(), deny: [{ verb: 'patch', resource: 'nodes' }] });
		session = await renderConsole({ cluster: liveSource(kubeconfig), metrics: noMetrics('no Prometheus configured') });
		await session.waitFor(/LIVE/);
		session.press('view.nodes');
		await session.waitFor(/gpu-node-1/);
		await session.waitFor(() => session!.console.controller.keyContext().nodeBlocked('cordon') !== null);
		const reason = session.console.controller.keyContext().nodeBlocked('cordon');
		expect(reason).toMatch(/cannot patch resource "nodes"/);
		session.press('node.cordon');
		await session.waitFor(/Cordon the selected node: no new pods on it: /);
		expect(session.console.store.ui.flash?.text).toBe(`Cordon the selected node: no new pods on it: ${reason}`);
		expect(server.requests.filter((r) => r.method === 'PATCH')).toEqual([]);
	});
});

describe('Rollouts forbidden', () => {
	it('the workloads list says so in its title and shows the Deployments; the header stays calm', async () => {
		const { kubeconfig } = await serve({ store: fixtureStore(), deny: [{ verb: 'list', resource: 'rollouts' }] });
		session = await renderConsole({ cluster: liveSource(kubeconfig), metrics: noMetrics('no Prometheus configured') });
		const frame = await session.waitFor(/⚠ not permitted: list rollouts in namespace llm/);
		expect(frame).toMatch(/embed/);
		expect(frame.split('\n')[0]).not.toMatch(/reconnecting|stale|forbidden/);
	});
});
