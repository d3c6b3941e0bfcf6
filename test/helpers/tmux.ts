// A real terminal for end-to-end tests: a private tmux server running the built CLI at a fixed
// size, keys sent with send-keys, the screen read with capture-pane. CI is unset in the pane so Ink
// renders live frames as it does for users.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function tmuxAvailable(): boolean {
	return spawnSync('tmux', ['-V']).status === 0;
}

export class TmuxSession {
	private readonly socket = `rolltop-e2e-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
	private readonly statusFile: string;

	constructor(command: string, columns: number, rows: number, env: Record<string, string> = {}) {
		this.statusFile = join(mkdtempSync(join(tmpdir(), 'rolltop-tmux-')), 'status');
		const exports = Object.entries(env)
			.map(([k, v]) => `${k}=${JSON.stringify(v)}`)
			.join(' ');
		const shell = `env -u CI TERM=xterm-256color ${exports} ${command}; echo $? > ${this.statusFile}`;
		this.tmux('new-session', '-d', '-s', 'main', '-x', String(columns), '-y', String(rows), shell);
		this.tmux('set-option', '-t', 'main', 'remain-on-exit', 'on');
	}

	private tmux(...args: string[]): string {
		return execFileSync('tmux', ['-L', this.socket, '-f', '/dev/null', ...args], { encoding: 'utf8' });
	}

	screen(): string {
		return this.tmux('capture-pane', '-p', '-t', 'main');
	}

	keys(...keys: string[]): void {
		this.tmux('send-keys', '-t', 'main', ...keys);
	}

	text(text: string): void {
		this.tmux('send-keys', '-t', 'main', '-l', text);
	}

	resize(columns: number, rows: number): void {
		this.tmux('resize-window', '-t', 'main', '-x', String(columns), '-y', String(rows));
	}

	/** Sends a signal to the program (the pane's shell's child). */
	signal(name: string): void {
		const shellPid = this.tmux('display-message', '-p', '-t', 'main', '#{pane_pid}').trim();
		spawnSync('pkill', [`-${name}`, '-P', shellPid]);
	}

	/** The exit status once the program has ended, else undefined. */
	exitStatus(): number | undefined {
		return existsSync(this.statusFile) ? Number(readFileSync(this.statusFile, 'utf8').trim()) : undefined;
	}

	async waitFor(condition: RegExp | (() => boolean), timeoutMs = 15_000): Promise<string> {
		const test = typeof condition === 'function' ? condition : () => condition.test(this.screen());
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			if (test()) return this.screen();
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
		throw new Error(`screen did not match ${String(condition)} within ${timeoutMs} ms:\n${this.screen()}`);
	}

	kill(): void {
		spawnSync('tmux', ['-L', this.socket, 'kill-server']);
	}
}
