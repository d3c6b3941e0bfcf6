// Starts the real Prometheus binary for integration tests: loopback only, a free port (never
// 9090), a temporary TSDB, 1 s scrapes of the given targets.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const PROMETHEUS_BIN = '/usr/bin/prometheus';

export function prometheusMissingReason(): string | undefined {
	return existsSync(PROMETHEUS_BIN) ? undefined : `${PROMETHEUS_BIN} not installed (Debian package "prometheus")`;
}

export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
	});
}

export interface PrometheusProcess {
	url: string;
	port: number;
	start(): Promise<void>;
	stop(): Promise<void>;
	/** Stop and delete the TSDB and config. */
	dispose(): Promise<void>;
}

/** Polls `check` until it returns true or the deadline passes (no fixed sleeps); its errors are fatal. */
export async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs: number, everyMs = 200): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		if (await check()) return;
		if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
		await new Promise((r) => setTimeout(r, everyMs));
	}
}

export interface ScrapeJob {
	/** host:port */
	target: string;
	path?: string;
}

/** `jobs`: job name → what it scrapes. The same port and TSDB are reused across restarts. */
export async function preparePrometheus(jobs: Record<string, ScrapeJob>): Promise<PrometheusProcess> {
	const dir = mkdtempSync(join(tmpdir(), 'rolltop-prom-'));
	const port = await freePort();
	const config = [
		'global:',
		'  scrape_interval: 1s',
		'  evaluation_interval: 1s',
		'scrape_configs:',
		...Object.entries(jobs).flatMap(([job, { target, path }]) => [
			`  - job_name: ${job}`,
			`    metrics_path: ${path ?? '/metrics'}`,
			`    static_configs:`,
			`      - targets: ['${target}']`,
		]),
	].join('\n');
	writeFileSync(join(dir, 'prometheus.yml'), `${config}\n`);
	let child: ChildProcess | undefined;
	let output = '';

	const stop = async () => {
		const running = child;
		child = undefined;
		if (!running || running.exitCode !== null) return;
		const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
		running.kill('SIGTERM');
		const killed = setTimeout(() => running.kill('SIGKILL'), 5000);
		await exited;
		clearTimeout(killed);
	};

	return {
		url: `http://127.0.0.1:${port}`,
		port,
		async start() {
			output = '';
			child = spawn(
				PROMETHEUS_BIN,
				[
					`--config.file=${join(dir, 'prometheus.yml')}`,
					`--storage.tsdb.path=${join(dir, 'data')}`,
					`--web.listen-address=127.0.0.1:${port}`,
					'--log.level=warn',
				],
				{ stdio: ['ignore', 'pipe', 'pipe'] },
			);
			child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
			child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
			const proc = child;
			await waitFor(
				'prometheus to become ready',
				async () => {
					if (proc.exitCode !== null) throw new Error(`prometheus exited (${proc.exitCode})`);
					return fetch(`http://127.0.0.1:${port}/-/ready`).then(
						(response) => response.ok,
						() => false,
					);
				},
				20_000,
			).catch((error) => {
				throw new Error(`${(error as Error).message}\n${output.slice(-1000)}`);
			});
		},
		stop,
		async dispose() {
			await stop();
			rmSync(dir, { recursive: true, force: true });
		},
	};
}
