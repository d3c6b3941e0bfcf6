// `rolltop sim serve` on a free port with the kubeconfig it writes, and the real kubectl against it.
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startSimServe, type RunningSimServe } from '../../source/cli/sim-serve';
import { serveScenarioFile } from './api-server-scenario';
import { cleanups } from './api-server-session';
import { requireTool } from './requires';

const run = promisify(execFile);

export const KUBECTL = ['/usr/bin/kubectl', '/usr/local/bin/kubectl'].find((path) => existsSync(path));

/** Whether the kubectl tests of the calling file can run (in CI a missing kubectl fails the run). */
export function requireKubectl(): boolean {
	return requireTool('kubectl', KUBECTL !== undefined, 'no kubectl binary in /usr/bin or /usr/local/bin');
}

export interface ServedSim {
	sim: RunningSimServe;
	kubeconfig: string;
	/** Runs kubectl against the served cluster; resolves with stdout, rejects with stderr in the message. */
	kubectl(...args: string[]): Promise<string>;
}

/** Register `cleanUp` (api-server-session) in afterEach: the server stops there. */
/** `scenario`: a bundled scenario's name; default: the small test scenario (optionally with a blue-green workload). */
export async function serveSim(options: { speed?: number; blueGreen?: boolean; scenario?: string; seed?: number } = {}): Promise<ServedSim> {
	const kubeconfig = join(mkdtempSync(join(tmpdir(), 'rolltop-serve-')), 'kubeconfig');
	const scenario = options.scenario ?? serveScenarioFile({ blueGreen: options.blueGreen });
	const sim = await startSimServe({ listen: '127.0.0.1:0', kubeconfigOut: kubeconfig, scenario, speed: options.speed ?? 20, seed: options.seed ?? 3 });
	cleanups.push(() => sim.stop());
	return { sim, kubeconfig, kubectl: kubectlFor(kubeconfig) };
}

function kubectlEnv(): NodeJS.ProcessEnv {
	return { PATH: process.env.PATH ?? '', HOME: mkdtempSync(join(tmpdir(), 'rolltop-kubectl-home-')) };
}

/** kubectl with this kubeconfig (and a fresh HOME, so no cached discovery); rejects with stderr in the message. */
export function kubectlFor(kubeconfig: string): (...args: string[]) => Promise<string> {
	const env = kubectlEnv();
	return async (...args: string[]) => {
		try {
			return (await run(KUBECTL!, ['--kubeconfig', kubeconfig, ...args], { env, timeout: 60_000 })).stdout;
		} catch (error) {
			const { stderr, message } = error as { stderr?: string; message: string };
			throw new Error(`kubectl ${args.join(' ')}: ${stderr || message}`);
		}
	};
}

/** Polls an async check until it returns true; throws with `what` after the deadline. */
export async function eventually(what: string, check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!(await check())) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
}

export interface StreamingKubectl {
	/** Everything kubectl printed to stdout so far. */
	output(): string;
}

/** A long-running kubectl (e.g. `get -w`), stopped at cleanup. */
export function streamKubectl(kubeconfig: string, ...args: string[]): StreamingKubectl {
	const child = spawn(KUBECTL!, ['--kubeconfig', kubeconfig, ...args], { env: kubectlEnv() });
	let out = '';
	child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
	cleanups.push(() => child.kill());
	return { output: () => out };
}

/** Writes a manifest to a temporary file for `kubectl create -f` / `replace -f`. */
export function manifest(obj: unknown): string {
	const file = join(mkdtempSync(join(tmpdir(), 'rolltop-manifest-')), 'object.json');
	writeFileSync(file, JSON.stringify(obj));
	return file;
}

/** kubectl's stderr when it fails (the test fails if it succeeds). */
export async function refusal(run: Promise<string>): Promise<string> {
	return run.then(
		(out) => {
			throw new Error(`expected kubectl to fail, it printed ${out}`);
		},
		(error: Error) => error.message,
	);
}

/** An autoscaling/v2 HPA on the test scenario's `embed` Deployment, scaling on the Pods metric the simulator computes. */
export function embedRpsHpa(spec: object = {}) {
	return {
		apiVersion: 'autoscaling/v2',
		kind: 'HorizontalPodAutoscaler',
		metadata: { name: 'embed', namespace: 'llm' },
		spec: {
			scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'embed' },
			maxReplicas: 3,
			metrics: [{ type: 'Pods', pods: { metric: { name: 'requests_per_second' }, target: { type: 'AverageValue', averageValue: '1' } } }],
			...spec,
		},
	};
}
