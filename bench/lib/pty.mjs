// Runs a command in a pseudo-terminal of a given size, as an SSH session would: the CLI needs a TTY
// on stdin and stdout, and util-linux `script` provides one without native modules.
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

/** Ink decides at import time whether it runs under CI (and then prints only the last frame). */
export function withoutCi(env) {
	const clean = { ...env };
	for (const key of Object.keys(clean)) if (key === 'CI' || key === 'CONTINUOUS_INTEGRATION' || key.startsWith('CI_')) delete clean[key];
	return clean;
}

export function ptyAvailable() {
	return spawnSync('script', ['--version']).status === 0;
}

const quote = (arg) => `'${String(arg).replaceAll("'", "'\\''")}'`;

/**
 * Starts `argv` in a new pty of columns×rows. The returned handle counts output bytes and can wait
 * for output matching a predicate; `stop()` ends the process group it started.
 */
export function spawnInPty(argv, { columns, rows, env = process.env }) {
	const command = `stty cols ${columns} rows ${rows} && exec ${argv.map(quote).join(' ')}`;
	const startedAt = performance.now();
	const child = spawn('script', ['-qfec', command, '/dev/null'], {
		env: { ...withoutCi(env), TERM: 'xterm-256color' },
		stdio: ['pipe', 'pipe', 'pipe'],
		detached: true,
	});
	let output = '';
	let bytes = 0;
	let keep = true;
	const waiters = new Set();
	child.stdout.on('data', (chunk) => {
		bytes += chunk.length;
		if (keep) output += chunk.toString('utf8');
		for (const waiter of waiters) waiter();
	});
	child.stderr.on('data', (chunk) => (output += chunk.toString('utf8')));
	const exited = new Promise((resolve) => child.once('exit', (code) => resolve({ code, at: performance.now() })));
	return {
		child,
		startedAt,
		exited,
		bytes: () => bytes,
		/** Stop keeping the text (long idle runs); bytes are still counted. */
		discardOutput() {
			keep = false;
			output = '';
		},
		/** Resolves with the time the output first satisfied `test`. */
		waitForOutput(test, timeoutMs) {
			return new Promise((resolve, reject) => {
				const check = () => {
					if (!test(output)) return;
					cleanup();
					resolve(performance.now());
				};
				const timer = setTimeout(() => {
					cleanup();
					reject(new Error(`no matching output within ${timeoutMs} ms; got: ${JSON.stringify(output.slice(-300))}`));
				}, timeoutMs);
				const cleanup = () => {
					clearTimeout(timer);
					waiters.delete(check);
				};
				waiters.add(check);
				exited.then(() => {
					if (waiters.has(check)) {
						cleanup();
						reject(new Error(`exited before the expected output; got: ${JSON.stringify(output.slice(-300))}`));
					}
				});
				check();
			});
		},
		/** The pty's program (script's child, which exec'd the command). */
		programPid() {
			for (const entry of readdirSync('/proc')) {
				if (!/^\d+$/.test(entry)) continue;
				try {
					if (parseStat(readFileSync(`/proc/${entry}/stat`, 'utf8')).ppid === child.pid) return Number(entry);
				} catch {
					// The process ended between listing and reading.
				}
			}
			return undefined;
		},
		async stop() {
			if (child.exitCode === null && child.signalCode === null) {
				try {
					process.kill(-child.pid, 'SIGTERM');
				} catch {
					// Already gone.
				}
			}
			await exited;
		},
	};
}

/** Fields of /proc/PID/stat after the command name (which may contain spaces and parentheses). */
export function parseStat(text) {
	const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
	// fields[0] is field 3 (state): ppid is field 4, utime 14, stime 15.
	return { ppid: Number(fields[1]), utime: Number(fields[11]), stime: Number(fields[12]) };
}

export function cpuTicks(pid) {
	const { utime, stime } = parseStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));
	return utime + stime;
}

/** Peak resident set size (VmHWM) and the part of the current one mapped from files (RssFile: mostly the node binary), in bytes. */
export function memory(pid) {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	const kB = (field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
	return { peakRss: kB('VmHWM'), fileRss: kB('RssFile') };
}

export function clockTicksPerSecond() {
	const out = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' });
	return Number(out.stdout.trim()) || 100;
}
