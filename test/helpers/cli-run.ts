// Runs the built CLI as users do, without blocking this process (an in-process server may be
// answering it), and collects its output and exit code.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../source/package-root';

export const CLI = join(packageRoot(), 'dist', 'cli.js');
export const cliBuilt = existsSync(CLI);

export interface CliResult {
	code: number | null;
	stdout: string;
	stderr: string;
}

export function runCli(args: string[], timeoutMs = 30_000): Promise<CliResult> {
	return new Promise((resolve, reject) => {
		const child = spawn('node', [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, KUBECONFIG: '/nonexistent' } });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk) => (stdout += chunk));
		child.stderr.on('data', (chunk) => (stderr += chunk));
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
			reject(new Error(`rolltop ${args.join(' ')} did not end within ${timeoutMs} ms; stdout so far:\n${stdout}\nstderr:\n${stderr}`));
		}, timeoutMs);
		child.on('close', (code) => {
			clearTimeout(timer);
			resolve({ code, stdout, stderr });
		});
	});
}
