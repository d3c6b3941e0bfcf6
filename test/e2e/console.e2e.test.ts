// End to end in a real terminal: the built CLI in tmux at 120x40 and 80x24, real keys, real screen.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { packageRoot } from '../../source/package-root';
import { requireTool } from '../helpers/requires';
import { TmuxSession, tmuxAvailable } from '../helpers/tmux';

const cli = join(packageRoot(), 'dist', 'cli.js');
const built = requireTool('dist/cli.js', existsSync(cli), `${cli} not built (npm test builds it)`);
const ready = requireTool('tmux', tmuxAvailable(), 'tmux is not installed (Debian package "tmux")') && built;

describe.runIf(ready)('the console in a real terminal', () => {
	let session: TmuxSession | undefined;
	afterEach(() => session?.kill());

	it('runs at 120x40: panes, help, a promote, quit restores the terminal', async () => {
		session = new TmuxSession(`node ${cli} --sim --speed 10`, 120, 40);
		const first = await session.waitFor(/SIMULATED/);
		expect(first).toMatch(/Workloads/);
		expect(first).toMatch(/Replicas/);
		expect(first).toMatch(/Events & actions/);
		expect(first.trimEnd().split('\n').length).toBeLessThanOrEqual(39);
		expect(first.split('\n')[0]).toMatch(/^ rolltop +SIMULATED/);

		session.keys('?');
		await session.waitFor(/Keys/);
		expect(session.screen()).toMatch(/Promote one step/);
		session.keys('Escape');
		await session.waitFor(() => !/Promote one step/.test(session!.screen()));

		// The canary pauses at its first step within a minute of simulated time (×10 here).
		session.keys('/');
		session.text('llama');
		session.keys('Enter');
		await session.waitFor(/press P to/, 30_000);
		session.keys('P');
		await session.waitFor(/✔ promote rollout llm-serving\/llama-3-1-8b-chat/);
		await session.waitFor(/weight set 25%/);

		session.keys('q');
		await session.waitFor(() => session!.exitStatus() !== undefined);
		expect(session.exitStatus()).toBe(0);
		expect(session.screen()).not.toMatch(/SIMULATED/);
	});

	it('runs at 80x24, follows a resize below the minimum and back, and quits on Ctrl-C', async () => {
		session = new TmuxSession(`node ${cli} --sim`, 80, 24);
		const first = await session.waitFor(/SIMULATED/);
		expect(first).toMatch(/Workloads/);
		expect(first).toMatch(/Replicas/);
		session.keys('Tab', 'Tab');
		await session.waitFor(/▸ (Rollout|Deployment) ·/);

		session.resize(50, 14);
		await session.waitFor(/terminal too small/);
		session.resize(80, 24);
		await session.waitFor(/Workloads/);

		session.keys('C-c');
		await session.waitFor(() => session!.exitStatus() !== undefined);
		expect(session.exitStatus()).toBe(0);
	});

	it('draws live frames even when CI is set in the environment', async () => {
		session = new TmuxSession(`node ${cli} --sim`, 100, 30, { CI: 'true' });
		const first = await session.waitFor(/SIMULATED/);
		expect(first).toMatch(/Workloads/);
		session.keys('?');
		await session.waitFor(/Keys/);
		session.keys('C-c');
		await session.waitFor(() => session!.exitStatus() !== undefined);
		expect(session.exitStatus()).toBe(0);
	});

	it.each([
		['TERM', 143],
		['HUP', 129],
	])('restores the terminal on SIG%s', async (signal, code) => {
		session = new TmuxSession(`node ${cli} --sim`, 100, 30);
		await session.waitFor(/SIMULATED/);
		session.signal(signal);
		await session.waitFor(() => session!.exitStatus() !== undefined);
		expect(session.exitStatus()).toBe(code);
		expect(session.screen()).not.toMatch(/SIMULATED/);
	});
});

describe.runIf(built)('bad input ends with one clear line and exit code 2', () => {
	it.each([
		[['--bogus'], /Unknown flag/],
		[['--scenario', 'nope'], /unknown scenario .nope./],
		[['--theme', 'neon'], /unknown theme 'neon'/],
		[['--speed', 'fast'], /--speed must be a number from 0 to 100, not 'fast'/],
		[['--seed', '1.5'], /--seed must be a whole number/],
	])('%j', (args, message) => {
		const result = spawnSync('node', [cli, '--sim', ...args], { encoding: 'utf8', env: { ...process.env, CI: '' } });
		expect(result.status).toBe(2);
		expect(result.stderr).toMatch(message);
		expect(result.stderr).not.toMatch(/\n\s+at /);
	});

	it('a bad duration in a config or scenario file: one line naming the field', () => {
		const dir = mkdtempSync(join(tmpdir(), 'rolltop-bad-duration-'));
		const config = join(dir, 'config.yaml');
		writeFileSync(config, 'refreshInterval: 5d\n');
		const scenario = JSON.parse(readFileSync(join(packageRoot(), 'fixtures', 'scenarios', 'canary-pass.json'), 'utf8'));
		const steps = scenario.workloads.find((w: { canary?: unknown }) => w.canary).canary.steps;
		steps[steps.findIndex((step: { pause?: unknown }) => step.pause)] = { pause: { duration: '1h30' } };
		const scenarioFile = join(dir, 'scenario.json');
		writeFileSync(scenarioFile, JSON.stringify(scenario));
		for (const [args, message] of [
			[['--config', config], /refreshInterval: expected a duration such as 500ms, 2s or 1m \(unknown unit "d" in duration "5d"\)/],
			[['--scenario', scenarioFile], /canary\.steps\[\d+\]\.pause\.duration must be seconds or a duration .*\(missing unit in duration "1h30"\)/],
		] as const) {
			const result = spawnSync('node', [cli, '--sim', ...args], { encoding: 'utf8', env: { ...process.env, CI: '' } });
			expect(result.status).toBe(2);
			expect(result.stderr).toMatch(message);
			expect(result.stderr.trim().split('\n')).toHaveLength(1);
		}
		rmSync(dir, { recursive: true, force: true });
	});

	it('a verdict config that does not parse', () => {
		const config = join(mkdtempSync(join(tmpdir(), 'rolltop-config-')), 'config.yaml');
		writeFileSync(config, 'verdict:\n  checks:\n    p99: { tolerance: -0.5 }\n');
		const result = spawnSync('node', [cli, '--sim', '--config', config], { encoding: 'utf8', env: { ...process.env, CI: '' } });
		expect(result.status).toBe(2);
		expect(result.stderr.trim()).toBe(`rolltop: ${config}: verdict.checks.p99.tolerance: expected a fraction such as 0.2 or a percentage such as "20%"`);
	});
});
