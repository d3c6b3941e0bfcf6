// `rolltop status` and `--record` against the simulator served over the Kubernetes API (as `rolltop
// sim serve` serves it), with a token-bearing kubeconfig: exit codes on a live source, and a
// recording that never holds the token.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSimulator, loadScenario } from '../../source/sources/simulator';
import { cleanUp, cleanups, serve } from '../helpers/api-server-session';
import { serveScenarioFile } from '../helpers/api-server-scenario';
import { cliBuilt, runCli } from '../helpers/cli-run';

const TOKEN = 'rolltop-test-token-4b1d9f0e7c2a';

/** The served simulator, 10 simulated seconds in: v2 of `chat` has arrived and paused at step 2/2. */
async function served() {
	const sim = createSimulator(loadScenario(serveScenarioFile()), { seed: 1, speed: 0 });
	for (let i = 0; i < 30; i++) sim.advance(1000);
	const { kubeconfig } = await serve({ store: sim.store, token: TOKEN });
	sim.start(() => {});
	cleanups.push(() => sim.stop());
	return { sim, kubeconfig };
}

afterEach(cleanUp);

describe.skipIf(!cliBuilt)('rolltop status against sim serve', () => {
	it('a paused rollout: 3 on --timeout, 0 with --success-on-pause; an unknown name: 4', async () => {
		const { kubeconfig } = await served();
		const timedOut = await runCli(['status', 'chat', '--kubeconfig', kubeconfig, '-n', 'llm', '--wait', '--timeout', '1s']);
		expect(timedOut.code).toBe(3);
		expect(timedOut.stdout).toBe('Paused - CanaryPauseStep\n');
		const onPause = await runCli(['status', 'chat', '--kubeconfig', kubeconfig, '-n', 'llm', '--wait', '--success-on-pause']);
		expect(onPause.code).toBe(0);
		const missing = await runCli(['status', 'nope', '--kubeconfig', kubeconfig, '-n', 'llm']);
		expect(missing.code).toBe(4);
		expect(missing.stderr).toBe("rolltop: no Rollout or Deployment named 'nope' in namespace llm\n");
	});

	it('an aborted rollout exits 1 with the reason; the recording has the objects but never the token', async () => {
		const { sim, kubeconfig } = await served();
		const recording = join(mkdtempSync(join(tmpdir(), 'rolltop-rec-')), 'status.ndjson');
		const waiting = runCli(['status', 'chat', '--kubeconfig', kubeconfig, '-n', 'llm', '--wait', '--record', recording]);
		// Abort as `kubectl argo rollouts abort` does, once the gate is watching.
		const deadline = Date.now() + 10_000;
		while (Date.now() < deadline) {
			let written = '';
			try {
				written = readFileSync(recording, 'utf8');
			} catch {
				// not created yet
			}
			if (written.includes('"Rollout"')) break;
			await new Promise((resolve) => setTimeout(resolve, 20));
		}
		const response = await sim.patch({ target: { kind: 'Rollout', namespace: 'llm', name: 'chat' }, subresource: 'status', patchType: 'merge', body: { status: { abort: true } } });
		expect(response.status).toBe(200);
		// The served clock is frozen: let the controller react to the abort.
		for (let i = 0; i < 20; i++) sim.advance(1000);
		const result = await waiting;
		expect(result.code).toBe(1);
		expect(result.stdout.trim().split('\n').at(-1)).toMatch(/^Degraded - RolloutAborted: /);
		expect(result.stderr).toMatch(/^rolltop: llm\/chat: RolloutAborted: .*\n$/);
		const text = readFileSync(recording, 'utf8');
		expect(text).toContain('"name":"chat"');
		expect(text).not.toContain(TOKEN);
		expect(readFileSync(kubeconfig, 'utf8')).toContain(TOKEN);
	});
});
