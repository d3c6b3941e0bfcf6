// Runs the console in the user's terminal: chooses the sources, owns the terminal while running.
import { render } from 'ink';
import { userInfo } from 'node:os';
import { createSimulator, loadScenario } from '../sources/simulator';
import { defaultThemeName } from '../theme/load-theme';
import { createConsole, type Sources } from './console';
import { numberFlag, type Flags } from './flags';
import { enterFullscreen, installTerminalGuards, restoreTerminal } from './terminal';

function simulatorSources(scenario: string, seed: number, speed: number): Sources {
	const sim = createSimulator(loadScenario(scenario), { seed, speed });
	return { cluster: sim, metrics: sim.metrics, simulator: sim };
}

function currentUser(): string {
	try {
		return userInfo().username;
	} catch {
		return 'unknown';
	}
}

export async function runConsole(flags: Flags): Promise<void> {
	const seed = numberFlag('seed', flags.seed, 1, 0, 2 ** 31 - 1, true);
	const speed = numberFlag('speed', flags.speed, 1, 0, 100);
	const sources = simulatorSources(flags.scenario ?? 'default', seed, speed);
	let quit = () => {};
	const console = createConsole({
		sources,
		themeName: flags.theme ?? defaultThemeName(process.env),
		readonly: flags.readonly,
		user: currentUser(),
		now: Date.now(),
		viewport: { columns: process.stdout.columns || 80, rows: process.stdout.rows || 24 },
		quit: () => quit(),
		scenarioSources: (name, currentSpeed) => simulatorSources(name, seed, currentSpeed),
	});
	if (!process.stdin.isTTY || !process.stdout.isTTY) {
		console.stop();
		throw new Error('the console needs an interactive terminal (stdin and stdout must be a TTY)');
	}
	installTerminalGuards({ debug: flags.debug, onExit: () => console.stop() });
	enterFullscreen(process.stdout);
	const instance = render(console.element, { exitOnCtrlC: false, incrementalRendering: true, maxFps: 20, patchConsole: true });
	quit = () => {
		console.stop();
		instance.unmount();
	};
	await instance.waitUntilExit();
	restoreTerminal();
	process.exit(0);
}
