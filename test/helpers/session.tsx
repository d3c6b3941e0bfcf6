// Drives the real console in memory: a terminal of a chosen size, keys pressed by command id
// (through the same bytes a terminal sends), frames awaited by condition — never by sleeping.
// `startSession` runs it on a simulator with a frozen clock that tests advance on demand.
import { render } from 'ink';
import { createConsole, type Console, type ConsoleOptions as CreateOptions, type Sources, type Terminal } from '../../source/cli/console';
import { findCommand } from '../../source/keymap/commands';
import { createSimulator, loadScenario, type Simulator } from '../../source/sources/simulator';
import { FakeStdin, FakeStdout, keyBytes, stripAnsi } from './fake-terminal';

export interface ConsoleOptions {
	columns?: number;
	rows?: number;
	theme?: string;
	readonly?: boolean;
	now?: number;
}

export interface ConsoleSession {
	console: Console;
	stdout: FakeStdout;
	press(commandId: string): void;
	key(name: string): void;
	type(text: string): void;
	frame(): string;
	waitFor(condition: RegExp | ((frame: string) => boolean), timeoutMs?: number): Promise<string>;
	quitCalled(): boolean;
	close(): void;
}

export interface SessionOptions extends ConsoleOptions {
	scenario?: string;
	seed?: number;
	/** Simulated seconds to run before the first frame (pods start, canary reaches its first pause). */
	warmup?: number;
}

export interface Session extends ConsoleSession {
	sim: Simulator;
	advance(seconds: number): void;
}

/** A console as tests use it: no coalescing, user "tester", the given terminal size. */
export function testConsole(
	sources: Sources,
	options: ConsoleOptions & { quit?: () => void; terminal?: Terminal; switchers?: CreateOptions['switchers']; coalesce?: boolean } = {},
): Console {
	return createConsole({
		sources,
		terminal: options.terminal ?? new FakeStdout(options.columns ?? 120, options.rows ?? 40),
		themeName: options.theme ?? 'dark',
		readonly: options.readonly ?? false,
		user: 'tester',
		now: options.now ?? Date.now(),
		quit: options.quit ?? (() => {}),
		// Tests see every change at once, unless they ask for the CLI's coalescing.
		coalesceMs: options.coalesce ? undefined : 0,
		switchers: options.switchers,
	});
}

/** The sources of a simulator, for `testConsole`. */
export function simulatorSources(sim: Simulator): Sources {
	return { cluster: sim, metrics: sim.metrics, simulator: sim };
}

export async function renderConsole(sources: Sources, options: ConsoleOptions = {}): Promise<ConsoleSession> {
	let quit = false;
	const columns = options.columns ?? 120;
	const rows = options.rows ?? 40;
	const stdout = new FakeStdout(columns, rows);
	const console = testConsole(sources, {
		...options,
		terminal: stdout,
		quit: () => {
			quit = true;
		},
	});
	const stdin = new FakeStdin();
	const instance = render(console.element, {
		stdout: stdout as unknown as NodeJS.WriteStream,
		stderr: new FakeStdout(80, 24) as unknown as NodeJS.WriteStream,
		stdin: stdin as unknown as NodeJS.ReadStream,
		debug: true,
		exitOnCtrlC: false,
		patchConsole: false,
	});
	const frame = () => stripAnsi(stdout.lastFrame());
	const session: ConsoleSession = {
		console,
		stdout,
		press: (id) => stdin.write(keyBytes(findCommand(id).keys[0])),
		key: (name) => stdin.write(keyBytes(name)),
		type: (text) => stdin.write(text),
		frame,
		async waitFor(condition, timeoutMs = 5000) {
			const test = typeof condition === 'function' ? condition : (f: string) => condition.test(f);
			const deadline = Date.now() + timeoutMs;
			while (Date.now() < deadline) {
				if (test(frame())) return frame();
				await new Promise((resolve) => setTimeout(resolve, 10));
			}
			throw new Error(`no frame matched ${String(condition)} within ${timeoutMs} ms; last frame:\n${frame()}`);
		},
		quitCalled: () => quit,
		close() {
			console.stop();
			instance.unmount();
			instance.cleanup();
		},
	};
	await session.waitFor(/rolltop/);
	return session;
}

export async function startSession(options: SessionOptions = {}): Promise<Session> {
	const sim = createSimulator(loadScenario(options.scenario ?? 'default'), { seed: options.seed ?? 1, speed: 0 });
	sim.advance((options.warmup ?? 0) * 1000);
	const session = await renderConsole(simulatorSources(sim), { ...options, now: sim.now() });
	return { ...session, sim, advance: (seconds) => sim.advance(seconds * 1000) };
}
