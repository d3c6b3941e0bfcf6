// The headless commands' command lines, `get` output against its schema, the console piped, and
// recordings: written without a terminal, refused with one line when cut short or corrupted.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { METRIC_IDS } from '../../source/domain/metrics';
import { packageRoot } from '../../source/package-root';
import { cliBuilt, runCli } from '../helpers/cli-run';

const scratch = () => mkdtempSync(join(tmpdir(), 'rolltop-headless-'));

describe.skipIf(!cliBuilt)('headless command lines', () => {
	it.each([
		['status', /^ {4}\$ rolltop status NAME \[options\]$/m],
		['get', /^ {4}\$ rolltop get \[NAME\] \[options\]$/m],
		['record', /^ {4}\$ rolltop record --sim/m],
		['replay', /^ {4}\$ rolltop replay FILE \[options\]$/m],
	])('rolltop %s --help prints that command’s usage', async (command, usage) => {
		const result = await runCli([command, '--help']);
		expect(result.code).toBe(0);
		expect(result.stdout).toMatch(usage);
		expect(result.stderr).toBe('');
	});

	it.each([
		[['--sim', '--prometheus', 'notaurl'], "rolltop: --prometheus must be an http(s) URL (e.g. http://127.0.0.1:9091), not 'notaurl'"],
		[['get', '--sim', '--prometheus-service', 'prometheus'], "rolltop: --prometheus-service must be NAMESPACE/SERVICE:PORT (e.g. monitoring/prometheus-k8s:9090), not 'prometheus'"],
		[['get', '--sim', '-n', 'Bad_NS'], "rolltop: --namespace must be a Kubernetes namespace name, not 'Bad_NS'"],
		[['get', '--sim', '-o', 'yaml'], "rolltop: -o/--output must be text or json, not 'yaml'"],
		[['status', '--sim', 'x', '--scenario', 'nope'], 'rolltop: unknown scenario "nope" (available: analysis-fail, analysis-inconclusive, analysis-pass, canary-pass, crashloop-canary, default, gpu-memory-pressure, slow-replica, traffic-spike)'],
		[['status', '--sim'], 'rolltop: status needs the name of a Rollout or Deployment (try: rolltop status --help)'],
		[['get', '--wait'], "rolltop: unknown flag '--wait' for get (try: rolltop get --help)"],
		[['record', '--sim', 'out.ndjson'], 'rolltop: record needs --for DUR, e.g. --for 10m (try: rolltop record --help)'],
		[['replay'], 'rolltop: replay needs the recording FILE (try: rolltop replay --help)'],
	])('%j exits 2 with one line', async (args, line) => {
		const result = await runCli(args);
		expect(result.stderr).toBe(`${line}\n`);
		expect(result.code).toBe(2);
	});

	it('get -o json follows schemas/get.schema.json; the console piped prints the get text', async () => {
		const schema = JSON.parse(readFileSync(join(packageRoot(), 'schemas', 'get.schema.json'), 'utf8'));
		// The schema names every metric the console knows, no more.
		expect(schema.definitions.pod.properties.metrics.oneOf[1].propertyNames.enum).toEqual([...METRIC_IDS]);
		const validate = new Ajv({ allErrors: true }).compile(schema);
		const json = await runCli(['get', '--sim', '-o', 'json']);
		expect(json.code).toBe(0);
		const snapshot = JSON.parse(json.stdout);
		expect(validate(snapshot), JSON.stringify(validate.errors)).toBe(true);
		expect(snapshot.workloads.map((w: { name: string }) => w.name)).toEqual(['codestral-22b', 'llama-3-1-8b-chat', 'qwen-2-5-7b-support', 'bge-reranker-v2']);
		// The default scenario's canary starts at second 0: its pod is Pending, the stable revision serves.
		const [canary, stable] = snapshot.workloads[1].replicaSets;
		expect(canary.pods[0].metrics).toBeNull();
		expect(stable.pods[0].metrics.gpuUtil).toBeGreaterThan(0);
		const piped = await runCli(['--sim']);
		expect(piped.code).toBe(0);
		expect(piped.stdout).toMatch(/^Name: {12}codestral-22b\n/);
		expect(piped.stdout).toMatch(/^⟳ llama-3-1-8b-chat +Rollout +◌ Progressing +\S+\n├──# revision:3\n│  └──⧉ llama-3-1-8b-chat-\w+ +ReplicaSet +◌ Progressing +\S+ +canary\n/m);
		expect(piped.stdout).toMatch(/^├──# revision:2\n│  └──⧉ llama-3-1-8b-chat-\w+ +ReplicaSet +✔ Healthy +\S+ +stable\n/m);
	});

	it('record writes a recording; a truncated or corrupted one is refused naming file and line', async () => {
		const dir = scratch();
		const file = join(dir, 'run.ndjson');
		const recorded = await runCli(['record', '--sim', '--for', '2m', file]);
		expect(recorded.code).toBe(0);
		const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
		expect(JSON.parse(lines[0])).toMatchObject({ recording: 1, source: { kind: 'simulated', label: 'sim:default' } });
		// 120 ticks, each a batch of samples and one of object changes.
		expect(lines.filter((line) => line.includes('"samples"')).length).toBe(121);

		const truncated = join(dir, 'truncated.ndjson');
		const whole = readFileSync(file, 'utf8');
		writeFileSync(truncated, whole.slice(0, whole.length - 40));
		const cut = await runCli(['replay', truncated]);
		expect(cut.code).toBe(2);
		expect(cut.stderr).toBe(`rolltop: ${truncated}:${lines.length}: the last line is cut short (the recording is truncated)\n`);

		const corrupted = join(dir, 'corrupted.ndjson');
		writeFileSync(corrupted, [...lines.slice(0, 5), '{"t":1,"events":[{"type":"diff","kind":"Pod","name":"ghost","ops":[]}]}', ...lines.slice(5)].join('\n') + '\n');
		const bad = await runCli(['replay', corrupted]);
		expect(bad.code).toBe(2);
		expect(bad.stderr).toBe(`rolltop: ${corrupted}:6: a change to Pod ghost, which the recording never showed\n`);
	});
});
