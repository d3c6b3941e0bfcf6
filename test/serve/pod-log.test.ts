// Real kubectl logs against `rolltop sim serve`: the crash-looping canary of crashloop-canary.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { startSimServe, type RunningSimServe } from '../../source/cli/sim-serve';
import type { Pod, Rollout } from '../../source/domain/k8s';
import { cleanUp, cleanups } from '../helpers/api-server-session';

const run = promisify(execFile);
const KUBECTL = ['/usr/bin/kubectl', '/usr/local/bin/kubectl'].find((path) => existsSync(path));
const NS = 'llm-serving';

afterEach(cleanUp);

async function serve(speed: number): Promise<{ sim: RunningSimServe; kubectl: (...args: string[]) => Promise<{ stdout: string; stderr: string }> }> {
	const kubeconfig = join(mkdtempSync(join(tmpdir(), 'rolltop-logs-')), 'kubeconfig');
	const sim = await startSimServe({ listen: '127.0.0.1:0', kubeconfigOut: kubeconfig, scenario: 'crashloop-canary', speed, seed: 5 });
	cleanups.push(() => sim.stop());
	const kubectl = (...args: string[]) => run(KUBECTL!, ['--kubeconfig', kubeconfig, '-n', NS, ...args], { timeout: 20_000 });
	return { sim, kubectl };
}

/** Polls an async condition until it holds (a deadline, never a fixed sleep). */
async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!(await check())) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
}

async function getJson<T>(url: string): Promise<T> {
	return (await (await fetch(url)).json()) as T;
}

/** The canary pod and its container status, read over the API. */
async function canary(base: string): Promise<Pod | undefined> {
	const rollout = await getJson<Rollout>(`${base}/apis/argoproj.io/v1alpha1/namespaces/${NS}/rollouts/llama-3-1-8b-chat`);
	const pods = await getJson<{ items: Pod[] }>(`${base}/api/v1/namespaces/${NS}/pods`);
	return pods.items.find((p) => p.metadata.labels?.['rollouts-pod-template-hash'] === rollout.status?.currentPodHash && rollout.status?.currentPodHash !== rollout.status?.stableRS);
}

describe.skipIf(!KUBECTL)('kubectl logs against sim serve', () => {
	it('--tail and --timestamps on a stable pod; the real errors for a creating container and a missing previous one', async () => {
		// Slow enough that the canary's image pull outlasts a kubectl run.
		const { sim, kubectl } = await serve(5);
		const base = sim.server.url;
		await waitFor('the canary to be creating', async () => (await canary(base))?.status?.containerStatuses?.[0]?.state?.waiting?.reason === 'ContainerCreating', 15_000);
		const creating = (await canary(base))!.metadata.name;
		await expect(kubectl('logs', creating)).rejects.toMatchObject({
			stderr: expect.stringContaining(`container "vllm" in pod "${creating}" is waiting to start: ContainerCreating`),
		});
		const pods = (await getJson<{ items: Pod[] }>(`${base}/api/v1/namespaces/${NS}/pods`)).items;
		const stable = pods.find((p) => p.metadata.name !== creating)!.metadata.name;
		const tail = await kubectl('logs', stable, '--tail', '5', '--timestamps');
		const lines = tail.stdout.trimEnd().split('\n');
		expect(lines).toHaveLength(5);
		for (const line of lines) expect(line).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z (INFO|WARNING)/);
		await expect(kubectl('logs', stable, '--previous')).rejects.toMatchObject({
			stderr: expect.stringContaining(`previous terminated container "vllm" in pod "${stable}" not found`),
		});
	});

	it('-f streams until the container crashes; --previous then shows the CUDA error', async () => {
		const { sim, kubectl } = await serve(25);
		const base = sim.server.url;
		await waitFor('the canary to run', async () => (await canary(base))?.status?.containerStatuses?.[0]?.state?.running !== undefined, 20_000);
		const pod = (await canary(base))!.metadata.name;
		// The stream ends by itself when the container exits; the timeout is only a guard.
		const followed = await kubectl('logs', pod, '-f', '--request-timeout', '30s');
		expect(followed.stdout).toContain('vLLM API server version 0.6.4');
		expect(followed.stdout.trimEnd().split('\n').at(-1)).toContain('Engine process failed to start');
		await waitFor('the restart to be recorded', async () => ((await canary(base))?.status?.containerStatuses?.[0]?.restartCount ?? 0) >= 1, 20_000);
		const previous = await kubectl('logs', pod, '-c', 'vllm', '--previous');
		expect(previous.stdout).toContain('RuntimeError: CUDA error: no kernel image is available for execution on the device');
	});
});
