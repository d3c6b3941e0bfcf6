// `rolltop sim …` as users run it: the built CLI prints its own usage, and refuses anything else
// with one line and exit code 2 (never starting a server with defaults).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../source/package-root';

const cli = join(packageRoot(), 'dist', 'cli.js');
const rolltop = (...args: string[]) => spawnSync('node', [cli, ...args], { encoding: 'utf8', timeout: 10_000 });

describe.skipIf(!existsSync(cli))('rolltop sim command line', () => {
	it.each([[['sim', 'serve', '--help']], [['sim', 'serve', '-h']], [['sim', '--help']]])('%j prints the sim serve usage and exits 0', (args) => {
		const result = rolltop(...args);
		expect(result.status).toBe(0);
		expect(result.stdout).toMatch(/^ {2}Usage\n {4}\$ rolltop sim serve \[options\]\n/);
		expect(result.stdout).toMatch(/^ {4}--kubeconfig-out FILE/m);
		// The console's flags are not sim serve's.
		expect(result.stdout).not.toContain('--theme');
	});

	it.each([
		[['sim', 'serve', '--bogus'], "rolltop: unknown flag '--bogus' for sim serve (try: rolltop sim serve --help)"],
		[['sim', 'serve', '--theme', 'dark'], "rolltop: unknown flag '--theme' for sim serve (try: rolltop sim serve --help)"],
		[['sim', 'stop'], "rolltop: unknown command 'sim stop' (try: rolltop sim serve --help)"],
		[['sim'], 'rolltop: missing sim command (try: rolltop sim serve --help)'],
		[['sim', 'serve', 'now'], "rolltop: unexpected argument 'now' for sim serve (try: rolltop sim serve --help)"],
		[['sim', 'serve', '--listen'], 'rolltop: --listen needs a value (try: rolltop sim serve --help)'],
		[['sim', 'serve', '--speed', 'fast'], "rolltop: --speed must be a number from 0 to 100, not 'fast'"],
		[['sim', 'serve', '--listen', 'localhost'], "rolltop: --listen must be HOST:PORT (e.g. 127.0.0.1:8443), not 'localhost'"],
	])('%j exits 2 with one line', (args, line) => {
		const result = rolltop(...args);
		expect(result.status).toBe(2);
		expect(result.stderr).toBe(`${line}\n`);
		expect(result.stdout).toBe('');
	});
});
