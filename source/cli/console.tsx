// Assembles one console: store, sources, controller and the App element. Shared by the CLI and the
// view tests, so tests drive exactly what users run.
import type { ReactElement } from 'react';
import type { ClusterSource, MetricsSource, SimulatorControls } from '../domain/source';
import { Controller, type Host } from '../keymap/controller';
import { DEFAULT_THRESHOLDS, type Thresholds } from '../present/replica-rows';
import { Store } from '../store/store';
import { listThemes, loadTheme } from '../theme/load-theme';
import type { Theme } from '../theme/theme';
import { App } from '../views/app';

export interface Sources {
	cluster: ClusterSource;
	metrics: MetricsSource;
	simulator?: SimulatorControls;
}

export interface ConsoleOptions {
	sources: Sources;
	themeName: string;
	readonly: boolean;
	user: string;
	now: number;
	/** The terminal's size at start, so the first frame is already laid out for it. */
	viewport: { columns: number; rows: number };
	quit: () => void;
	/** Builds the sources of another simulator scenario (`:scenario NAME`); absent on live clusters. */
	scenarioSources?: (name: string, speed: number) => Sources;
	host?: Partial<Host>;
	thresholds?: Thresholds;
	coalesceMs?: number;
	wallNow?: () => number;
}

export interface Console {
	store: Store;
	controller: Controller;
	element: ReactElement;
	sources(): Sources;
	stop(): void;
}

export function createConsole(options: ConsoleOptions): Console {
	const themes = new Map<string, Theme>();
	const themeFor = (name: string): Theme => {
		let theme = themes.get(name);
		if (!theme) themes.set(name, (theme = loadTheme(name)));
		return theme;
	};
	themeFor(options.themeName);
	const wallNow = options.wallNow ?? Date.now;
	const store = new Store({ now: options.now, themeName: options.themeName, readonly: options.readonly, viewport: options.viewport, coalesceMs: options.coalesceMs });
	let sources = options.sources;
	const connect = (next: Sources) => {
		next.cluster.start((events) => store.ingest(events));
		next.metrics.start((samples) => store.ingestSamples(samples));
		next.metrics.onHealth?.((problem) => store.setMetricsProblem(problem));
	};
	const disconnect = (old: Sources) => {
		old.metrics.stop();
		old.cluster.stop();
	};
	const host: Host = {
		quit: options.quit,
		themes: listThemes,
		setTheme: (name) => {
			try {
				themeFor(name);
				return null;
			} catch (error) {
				return (error as Error).message;
			}
		},
		...(options.scenarioSources && {
			switchScenario: (name: string) => {
				try {
					const next = options.scenarioSources!(name, sources.simulator?.getSpeed() ?? 1);
					disconnect(sources);
					store.metrics.retain(() => false);
					sources = next;
					connect(sources);
					return null;
				} catch (error) {
					return (error as Error).message;
				}
			},
		}),
		...options.host,
	};
	const controller = new Controller({
		store,
		source: () => sources.cluster,
		simulator: () => sources.simulator,
		host,
		user: options.user,
		wallNow,
	});
	connect(sources);
	const element = (
		<App
			store={store}
			controller={controller}
			source={() => ({ kind: sources.cluster.kind, label: sources.cluster.label })}
			theme={themeFor}
			thresholds={options.thresholds ?? DEFAULT_THRESHOLDS}
			chartSlotMs={1000}
			wallNow={wallNow}
		/>
	);
	return {
		store,
		controller,
		element,
		sources: () => sources,
		stop: () => {
			disconnect(sources);
			store.dispose();
		},
	};
}
