// End to end in a real terminal: the built CLI in tmux at 120x40 and 80x24, real keys, real screen.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { packageRoot } from '../../source/package-root';
import { TmuxSession, tmuxAvailable } from '../helpers/tmux';

const cli = join(packageRoot(), 'dist', 'cli.js');
const ready = tmuxAvailable() && existsSync(cli);
if (!ready) console.log(`skipping tmux end-to-end tests: ${tmuxAvailable() ? `${cli} not built (npm test builds it)` : 'tmux is not installed'}`);

describe.skipIf(!ready)('the console in a real terminal', () => {
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

describe.skipIf(!existsSync(cli))('bad input ends with one clear line and exit code 2', () => {
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

	it('a verdict config that does not parse', () => {
		const config = join(mkdtempSync(join(tmpdir(), 'rolltop-config-')), 'config.yaml');
		writeFileSync(config, 'verdict:\n  checks:\n    p99: { tolerance: -0.5 }\n');
		const result = spawnSync('node', [cli, '--sim', '--config', config], { encoding: 'utf8', env: { ...process.env, CI: '' } });
		expect(result.status).toBe(2);
		expect(result.stderr.trim()).toBe(`rolltop: ${config}: verdict.checks.p99.tolerance: expected a fraction such as 0.2 or a percentage such as "20%"`);
	});
});
