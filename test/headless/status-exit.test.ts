// `rolltop status` as a CI gate on the simulator: exit codes, Argo's `Phase - message` lines, and
// JSON lines that follow the published schema.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../source/package-root';
import { cliBuilt, runCli } from '../helpers/cli-run';

const schema = JSON.parse(readFileSync(join(packageRoot(), 'schemas', 'status.schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true }).compile(schema);
const CANARY = 'llama-3-1-8b-chat';
const sim = (...args: string[]) => runCli(['status', '--sim', '--speed', '100', ...args]);

describe.skipIf(!cliBuilt)('rolltop status on the simulator', () => {
	it('analysis-pass: its AnalysisRuns pass and the canary reaches Healthy — exit 0', async () => {
		const result = await sim('--scenario', 'analysis-pass', CANARY, '--wait');
		expect(result.code).toBe(0);
		expect(result.stdout.trim().split('\n').at(-1)).toBe('Healthy');
		expect(result.stderr).toBe('');
	});

	it('analysis-fail: a failed AnalysisRun aborts the rollout — exit 1 with Argo’s message on stderr', async () => {
		const result = await sim('--scenario', 'analysis-fail', CANARY, '--wait');
		expect(result.code).toBe(1);
		expect(result.stdout.trim().split('\n').at(-1)).toMatch(/^Degraded - RolloutAborted: .*Metric "p99-latency" assessed Failed due to failed \(2\) > failureLimit \(1\)$/);
		expect(result.stderr).toMatch(/^rolltop: llm-serving\/llama-3-1-8b-chat: RolloutAborted: .*Step-based analysis phase error\/failed/);
		// The JSON lines carry the analysis run and rolltop's own verdict on the same regression.
		const json = await sim('--scenario', 'analysis-fail', CANARY, '--wait', '-o', 'json');
		const last = JSON.parse(json.stdout.trim().split('\n').at(-1)!);
		expect(validate(last), JSON.stringify(validate.errors)).toBe(true);
		expect(last.analysis).toMatchObject({ phase: 'Failed' });
		expect(last.verdict).toMatchObject({ state: 'fail', threshold: 5 });
	});

	it('exits 0 when the canary walks its steps to Healthy, printing a line per change', async () => {
		const result = await sim('--scenario', 'canary-pass', CANARY, '--wait');
		expect(result.code).toBe(0);
		const lines = result.stdout.trim().split('\n');
		expect(lines).toContain('Paused - CanaryPauseStep');
		expect(lines).toContain('Progressing - more replicas need to be updated');
		expect(lines.at(-1)).toBe('Healthy');
		expect(result.stderr).toBe('');
	});

	it('exits 1 with the reason on stderr when the rollout degrades', async () => {
		const result = await sim('--scenario', 'crashloop-canary', CANARY, '--wait');
		expect(result.code).toBe(1);
		expect(result.stdout.trim().split('\n').at(-1)).toMatch(/^Degraded - ProgressDeadlineExceeded: /);
		expect(result.stderr).toMatch(/^rolltop: llm-serving\/llama-3-1-8b-chat: ProgressDeadlineExceeded: .*\n$/);
	});

	it('exits 3 when a pause outlasts --timeout (simulated time), and 0 with --success-on-pause', async () => {
		const timedOut = await sim(CANARY, '--wait', '--timeout', '90s');
		expect(timedOut.code).toBe(3);
		expect(timedOut.stdout.trim().split('\n').at(-1)).toBe('Paused - CanaryPauseStep');
		expect(timedOut.stderr).toBe('rolltop: llm-serving/llama-3-1-8b-chat did not reach a final state within --timeout 90s (last: Paused - CanaryPauseStep)\n');
		const onPause = await sim(CANARY, '--wait', '--success-on-pause');
		expect(onPause.code).toBe(0);
		expect(onPause.stdout.trim().split('\n').at(-1)).toBe('Paused - CanaryPauseStep');
	});

	it('exits 4 for a name no workload has, 2 for a bad flag value', async () => {
		const missing = await sim('no-such-rollout');
		expect(missing.code).toBe(4);
		expect(missing.stderr).toBe("rolltop: no Rollout or Deployment named 'no-such-rollout'\n");
		const badTimeout = await sim(CANARY, '--wait', '--timeout', 'soon');
		expect(badTimeout.code).toBe(2);
		expect(badTimeout.stderr).toBe("rolltop: --timeout must be a duration such as 500ms, 90s, 1m or 1h30m, not 'soon' (invalid duration \"soon\")\n");
	});

	it('writes one JSON object per change, each valid against schemas/status.schema.json', async () => {
		const result = await sim('--scenario', 'canary-pass', CANARY, '--wait', '-o', 'json');
		expect(result.code).toBe(0);
		const objects = result.stdout.trim().split('\n').map((line) => JSON.parse(line));
		expect(objects.length).toBeGreaterThan(3);
		for (const object of objects) expect(validate(object), JSON.stringify(validate.errors)).toBe(true);
		// One object per change: no two neighbours are the same apart from the time.
		const bodies = objects.map(({ time, ...rest }) => JSON.stringify(rest));
		for (let i = 1; i < bodies.length; i++) expect(bodies[i]).not.toBe(bodies[i - 1]);
		expect(objects.at(-1)).toMatchObject({ kind: 'Rollout', namespace: 'llm-serving', name: CANARY, phase: 'Healthy' });
		expect(objects.some((o) => o.phase === 'Paused' && o.step.index === 1 && o.setWeight === 20)).toBe(true);
	});
});
