// The terminal is always given back as it was found: alternate screen left, cursor shown, raw mode
// off — on quit, Ctrl-C, SIGTERM, SIGHUP and on any crash.
const ENTER_ALT_SCREEN = '\x1b[?1049h\x1b[H';
const LEAVE_ALT_SCREEN = '\x1b[?1049l';
const SHOW_CURSOR = '\x1b[?25h';
const RESET_STYLE = '\x1b[0m';

let active = false;

export function enterFullscreen(stdout: NodeJS.WriteStream): void {
	if (!stdout.isTTY) return;
	stdout.write(ENTER_ALT_SCREEN);
	active = true;
}

export function restoreTerminal(): void {
	if (!active) return;
	active = false;
	if (process.stdin.isTTY && process.stdin.isRaw) process.stdin.setRawMode(false);
	process.stdout.write(RESET_STYLE + SHOW_CURSOR + LEAVE_ALT_SCREEN);
}

/** Signals and crashes restore the terminal first, then end the process with the usual code. */
export function installTerminalGuards(options: { debug: boolean; onExit?: () => void }): void {
	const finish = (code: number) => {
		options.onExit?.();
		restoreTerminal();
		process.exit(code);
	};
	process.on('SIGTERM', () => finish(143));
	process.on('SIGHUP', () => finish(129));
	process.on('SIGINT', () => finish(130));
	process.on('exit', restoreTerminal);
	const crash = (error: unknown) => {
		try {
			options.onExit?.();
		} catch {
			// Already failing: restoring the terminal matters more than a clean stop.
		}
		restoreTerminal();
		const message = error instanceof Error ? (options.debug ? (error.stack ?? error.message) : error.message) : String(error);
		process.stderr.write(`rolltop: internal error: ${message}${options.debug ? '' : ' (run with --debug for details)'}\n`);
		process.exit(1);
	};
	process.on('uncaughtException', crash);
	process.on('unhandledRejection', crash);
}
