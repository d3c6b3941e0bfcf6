// Wires a cluster source and a metrics source to the store, the controller and the Ink app, and
// owns the terminal while the console runs.
import { render } from 'ink';
import { userInfo } from 'node:os';
import type { ClusterSource, MetricsSource, SimulatorControls } from '../domain/source';
import { Controller, type Host } from '../keymap/controller';
import { DEFAULT_THRESHOLDS } from '../present/replica-rows';
import { Store } from '../store/store';
import { defaultThemeName, listThemes, loadTheme } from '../theme/load-theme';
import type { Theme } from '../theme/theme';
import { App } from '../views/app';
import { numberFlag, type Flags } from './flags';
import { createSimulator, loadScenario } from '../sources/simulator';
import { enterFullscreen, installTerminalGuards, restoreTerminal } from './terminal';

interface Sources {
	cluster: ClusterSource;
	metrics: MetricsSource;
	simulator?: SimulatorControls;
}

function simulatorSources(scenarioName: string, seed: number, speed: number): Sources {
	const sim = createSimulator(loadScenario(scenarioName), { seed, speed });
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
	const themes = new Map<string, Theme>();
	const themeFor = (name: string): Theme => {
		let theme = themes.get(name);
		if (!theme) themes.set(name, (theme = loadTheme(name)));
		return theme;
	};
	const themeName = flags.theme ?? defaultThemeName(process.env);
	themeFor(themeName);
	const seed = numberFlag('seed', flags.seed, 1, 0, 2 ** 31 - 1, true);
	const speed = numberFlag('speed', flags.speed, 1, 0, 100);
	let sources = simulatorSources(flags.scenario ?? 'default', seed, speed);

	if (!process.stdin.isTTY || !process.stdout.isTTY) {
		throw new Error('the console needs an interactive terminal (stdin and stdout must be a TTY)');
	}

	const store = new Store({ now: Date.now(), themeName, readonly: flags.readonly });
	const connect = (next: Sources) => {
		next.cluster.start((events) => store.ingest(events));
		next.metrics.start((samples) => store.ingestSamples(samples));
		next.metrics.onHealth?.((problem) => store.setMetricsProblem(problem));
	};
	const disconnect = (old: Sources) => {
		old.metrics.stop();
		old.cluster.stop();
	};

	let quit = () => {};
	const host: Host = {
		quit: () => quit(),
		themes: () => listThemes(),
		setTheme: (name) => {
			try {
				themeFor(name);
				return null;
			} catch (error) {
				return (error as Error).message;
			}
		},
		switchScenario: (name) => {
			try {
				const next = simulatorSources(name, seed, sources.simulator?.getSpeed() ?? speed);
				disconnect(sources);
				store.metrics.retain(() => false);
				sources = next;
				connect(sources);
				return null;
			} catch (error) {
				return (error as Error).message;
			}
		},
	};
	const controller = new Controller({
		store,
		source: () => sources.cluster,
		simulator: () => sources.simulator,
		host,
		user: currentUser(),
		wallNow: () => Date.now(),
	});

	connect(sources);
	installTerminalGuards({ debug: flags.debug, onExit: () => disconnect(sources) });
	enterFullscreen(process.stdout);
	const instance = render(
		<App
			store={store}
			controller={controller}
			source={() => ({ kind: sources.cluster.kind, label: sources.cluster.label })}
			theme={themeFor}
			thresholds={DEFAULT_THRESHOLDS}
			chartSlotMs={1000}
			wallNow={() => Date.now()}
		/>,
		{ exitOnCtrlC: false, incrementalRendering: true, maxFps: 20, patchConsole: true },
	);
	quit = () => {
		disconnect(sources);
		store.dispose();
		instance.unmount();
	};
	await instance.waitUntilExit();
	restoreTerminal();
	process.exit(0);
}
