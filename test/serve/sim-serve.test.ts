import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { startSimServe, type RunningSimServe } from '../../source/cli/sim-serve';
import { executePlan } from '../../source/domain/execute-plan';
import type { ReplicaSet, Rollout } from '../../source/domain/k8s';
import { planAction } from '../../source/domain/plan-action';
import { Mirror, waitFor } from '../helpers/api-server-mirror';
import { serveScenarioFile } from '../helpers/api-server-scenario';
import { cleanUp, cleanups, liveSource } from '../helpers/api-server-session';

const run = promisify(execFile);
const KUBECTL = ['/usr/bin/kubectl', '/usr/local/bin/kubectl'].find((path) => existsSync(path));

afterEach(cleanUp);

async function serveSim(): Promise<{ sim: RunningSimServe; kubeconfig: string }> {
	const kubeconfig = join(mkdtempSync(join(tmpdir(), 'rolltop-serve-')), 'kubeconfig');
	const sim = await startSimServe({ listen: '127.0.0.1:0', kubeconfigOut: kubeconfig, scenario: serveScenarioFile(), speed: 20, seed: 3 });
	cleanups.push(() => sim.stop());
	return { sim, kubeconfig };
}

describe('rolltop sim serve', () => {
	it('a promote sent over HTTP advances the simulated rollout, seen through the live source', async () => {
		const { kubeconfig } = await serveSim();
		const source = liveSource(kubeconfig, { allNamespaces: true });
		const mirror = new Mirror();
		source.start(mirror.emit);
		const chat = () => mirror.objects.get('Rollout/llm/chat') as Rollout | undefined;
		await waitFor('the canary to pause at step 2', () => (chat()?.status?.pauseConditions?.length ?? 0) > 0, 20_000);
		expect(chat()?.status?.currentStepIndex).toBe(1);

		const replicaSets = [...mirror.objects.values()].filter((o): o is ReplicaSet => o.kind === 'ReplicaSet');
		const planned = planAction({ kind: 'promote', target: { kind: 'Rollout', namespace: 'llm', name: 'chat' } }, { object: chat()!, replicaSets, now: Date.now() });
		if (!planned.ok) throw new Error(planned.reason);
		expect(await executePlan(planned.plan, source.patch)).toMatchObject({ ok: true });
		await waitFor('the rollout to finish its steps', () => chat()?.status?.currentStepIndex === 2 && !chat()?.status?.pauseConditions, 20_000);
	});

	it('serves /metrics next to the API and writes a kubeconfig pointing at itself', async () => {
		const { sim, kubeconfig } = await serveSim();
		expect(readFileSync(kubeconfig, 'utf8')).toContain(`server: ${sim.server.url}`);
		const page = await (await fetch(`${sim.server.url}/metrics`)).text();
		expect(page).toMatch(/^DCGM_FI_DEV_GPU_UTIL\{.*pod="embed-[^"]+".*\} \d/m);
	});

	it('refuses a bad listen address and a port in use with one line', async () => {
		const { sim } = await serveSim();
		await expect(startSimServe({ listen: 'localhost', scenario: serveScenarioFile() })).rejects.toThrow(/^--listen must be HOST:PORT \(e\.g\. 127\.0\.0\.1:8443\), not 'localhost'$/);
		await expect(startSimServe({ listen: `127.0.0.1:${sim.server.port}`, scenario: serveScenarioFile() })).rejects.toThrow(
			`cannot listen on 127.0.0.1:${sim.server.port}: the address is already in use`,
		);
	});

	it.skipIf(!KUBECTL)('is faithful enough for a real kubectl: get -A, scale, rollout pause', async () => {
		const { kubeconfig } = await serveSim();
		const env = { PATH: process.env.PATH ?? '', HOME: mkdtempSync(join(tmpdir(), 'rolltop-kubectl-home-')) };
		const kubectl = async (...args: string[]) => (await run(KUBECTL!, ['--kubeconfig', kubeconfig, ...args], { env, timeout: 20_000 })).stdout;

		const listing = await kubectl('get', 'deployments,rollouts', '-A');
		expect(listing).toMatch(/^llm\s+deployment\.apps\/embed\s/m);
		expect(listing).toMatch(/^llm\s+rollout\.argoproj\.io\/chat\s/m);
		// Server-side printing (Table): the columns kubectl and the Argo CRD print on a real cluster.
		expect(listing).toMatch(/^NAMESPACE\s+NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE$/m);
		expect(listing).toMatch(/^NAMESPACE\s+NAME\s+DESIRED\s+CURRENT\s+UP-TO-DATE\s+AVAILABLE\s+AGE$/m);
		expect(await kubectl('-n', 'llm', 'get', 'pods')).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$/m);

		expect(await kubectl('-n', 'llm', 'scale', 'deployment', 'embed', '--replicas=2')).toContain('deployment.apps/embed scaled');
		expect(await kubectl('-n', 'llm', 'get', 'deployment', 'embed', '-o', 'jsonpath={.spec.replicas}')).toBe('2');

		expect(await kubectl('-n', 'llm', 'rollout', 'pause', 'deployment', 'embed')).toContain('deployment.apps/embed paused');
		expect(await kubectl('-n', 'llm', 'get', 'deployment', 'embed', '-o', 'jsonpath={.spec.paused}')).toBe('true');
	});

	it.skipIf(!KUBECTL)('serves HPAs: kubectl get hpa -A prints the TARGETS column as on a real cluster', async () => {
		const kubeconfig = join(mkdtempSync(join(tmpdir(), 'rolltop-serve-')), 'kubeconfig');
		const sim = await startSimServe({ listen: '127.0.0.1:0', kubeconfigOut: kubeconfig, scenario: 'traffic-spike', speed: 20, seed: 3 });
		cleanups.push(() => sim.stop());
		const env = { PATH: process.env.PATH ?? '', HOME: mkdtempSync(join(tmpdir(), 'rolltop-kubectl-home-')) };
		const getHpa = async () => (await run(KUBECTL!, ['--kubeconfig', kubeconfig, 'get', 'hpa', '-A'], { env, timeout: 20_000 })).stdout;
		let listing = await getHpa();
		expect(listing).toMatch(/^NAMESPACE\s+NAME\s+REFERENCE\s+TARGETS\s+MINPODS\s+MAXPODS\s+REPLICAS\s+AGE$/m);
		// The first sync (15 simulated seconds, under a second at ×20) fills in the current value.
		const deadline = Date.now() + 15_000;
		while (!/\d+m?\/8\s/.test(listing) && Date.now() < deadline) listing = await getHpa();
		expect(listing).toMatch(/^llm-serving\s+llama-3-1-8b-chat\s+Rollout\/llama-3-1-8b-chat\s+\d+m?\/7\s+9\s+24\s+\d+\s+\S+$/m);
	});
});

if (!KUBECTL) console.log('skipping the kubectl test: no kubectl binary in /usr/bin or /usr/local/bin');
