// Runs the console in the user's terminal: chooses the sources, owns the terminal while running.
import { render } from 'ink';
import { userInfo } from 'node:os';
import { loadConfig } from '../config';
import type { Thresholds } from '../domain/thresholds';
import { selectWorkloadOfPod } from '../store/selectors';
import type { Store } from '../store/store';
import { defaultThemeName, loadTheme } from '../theme/load-theme';
import { CellWriter } from './cell-writer';
import { createConsole, type ConsoleOptions } from './console';
import type { Flags } from './flags';
import { runGet } from './get-command';
import { openRecording, recordedChoice } from './record-wiring';
import { chooseSources, sourceFlags, type SourceChoice } from './sources';
import { enterFullscreen, installTerminalGuards, restoreTerminal } from './terminal';
import { UsageError } from './usage-error';

function currentUser(): string {
	try {
		return userInfo().username;
	} catch {
		return 'unknown';
	}
}

export async function runConsole(flags: Flags): Promise<void> {
	const config = loadConfig({ path: flags.config });
	const source = sourceFlags(flags);
	// A theme that does not exist is an error even when nothing is drawn with it.
	if (flags.theme) loadTheme(flags.theme);
	// Piped or redirected (`rolltop | cat`, a CI log): what the console would show, once, as text.
	if (!process.stdout.isTTY) process.exit(await runGet({ source: { ...source, config: flags.config }, output: 'text', watch: false, record: flags.record }));
	let store: Store | undefined;
	const chosen = await chooseSources(source, config, (namespace, pod) => (store ? selectWorkloadOfPod(store.cluster, namespace, pod) : undefined));
	const recording = flags.record ? openRecording(flags.record) : undefined;
	const choice = recording ? recordedChoice(chosen, recording) : chosen;
	await showConsole({
		choice,
		themeName: flags.theme ?? defaultThemeName(process.env),
		readonly: flags.readonly,
		debug: flags.debug,
		thresholds: config.thresholds,
		verdict: config.verdict,
		logs: config.logs,
		chartSlotMs: choice.initial.simulator ? 1000 : config.refreshIntervalMs,
		onStore: (created) => (store = created),
		onShutdown: () => recording?.close(),
	});
}

export interface ShowConsoleOptions {
	choice: SourceChoice;
	themeName: string;
	readonly: boolean;
	debug: boolean;
	thresholds: Thresholds;
	verdict?: ConsoleOptions['verdict'];
	logs?: ConsoleOptions['logs'];
	chartSlotMs: number;
	onStore?: (store: Store) => void;
	onShutdown?: () => void;
}

/** Runs the console in this terminal until the user quits; then the process ends. */
export async function showConsole(options: ShowConsoleOptions): Promise<void> {
	const { choice } = options;
	// A bad theme is bad input: said before the terminal is taken over.
	const theme = loadTheme(options.themeName);
	if (!process.stdin.isTTY || !process.stdout.isTTY) {
		throw new UsageError('the console needs an interactive terminal (stdin must be a TTY); for a snapshot use rolltop get');
	}
	enterFullscreen(process.stdout);
	// Ink renders incrementally (changed lines); the cell writer then sends only changed cells.
	// Console output Ink patches (stderr) goes through the writer too, so the model stays true.
	// The console follows the writer's resizes: it re-announces them once its model is reset.
	const terminal = new CellWriter(process.stdout);
	let quit = () => {};
	const console = createConsole({
		sources: choice.initial,
		themeName: theme.name,
		theme,
		readonly: options.readonly,
		user: currentUser(),
		now: Date.now(),
		terminal,
		quit: () => quit(),
		thresholds: options.thresholds,
		verdict: options.verdict,
		logs: options.logs,
		chartSlotMs: options.chartSlotMs,
		switchers: { scenario: choice.scenario, context: choice.context, namespace: choice.namespace, contexts: choice.contexts },
	});
	options.onStore?.(console.store);
	const instance = render(console.element, {
		stdout: terminal as unknown as NodeJS.WriteStream,
		stderr: terminal as unknown as NodeJS.WriteStream,
		exitOnCtrlC: false,
		incrementalRendering: true,
		maxFps: 20,
		patchConsole: true,
	});
	/** Stops the sources, then Ink, then mutes the writer, so nothing reaches the terminal after it is restored. */
	const shutdown = () => {
		console.stop();
		instance.unmount();
		terminal.dispose();
		options.onShutdown?.();
	};
	installTerminalGuards({ debug: options.debug, onExit: shutdown });
	quit = shutdown;
	try {
		await instance.waitUntilExit();
	} finally {
		// A render error rejects here; the entry point reports it after the terminal is back.
		shutdown();
		restoreTerminal();
	}
	process.exit(0);
}
