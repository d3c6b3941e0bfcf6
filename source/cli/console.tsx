// Assembles one console: store, sources, controller and the App element. Shared by the CLI and the
// view tests, so tests drive exactly what users run.
import type { ReactElement } from 'react';
import type { ClusterSource, MetricsSource, SimulatorControls } from '../domain/source';
import { Controller, type Host } from '../keymap/controller';
import { DEFAULT_THRESHOLDS, type Thresholds } from '../domain/thresholds';
import { Store } from '../store/store';
import { listThemes, loadTheme } from '../theme/load-theme';
import type { Theme } from '../theme/theme';
import { App } from '../views/app';
import { backfillOnSelection } from './chart-backfill';

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
	/** Build the sources for `:scenario` (simulator), `:ctx` and `:ns` (live); each throws a one-line error. */
	switchers?: {
		scenario?: (name: string, speed: number) => Sources;
		context?: (name: string) => Sources;
		namespace?: (name: string) => Sources;
		contexts?: () => string[];
	};
	thresholds?: Thresholds;
	coalesceMs?: number;
	/** Chart resolution: the metrics source's refresh interval. */
	chartSlotMs?: number;
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
	/** Swaps the running sources for new ones; the store keeps the UI and the action log. */
	const switchTo = (build: () => Sources): string | null => {
		try {
			const next = build();
			disconnect(sources);
			store.resetCluster(wallNow());
			sources = next;
			connect(sources);
			return null;
		} catch (error) {
			return (error as Error).message;
		}
	};
	const { switchers = {} } = options;
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
		switchScenario: switchers.scenario && ((name) => switchTo(() => switchers.scenario!(name, sources.simulator?.getSpeed() ?? 1))),
		switchContext: switchers.context && (async (name) => switchTo(() => switchers.context!(name))),
		switchNamespace: switchers.namespace && (async (name) => switchTo(() => switchers.namespace!(name))),
		listContexts: switchers.contexts,
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
	const chartSlotMs = options.chartSlotMs ?? 1000;
	const stopBackfill = backfillOnSelection(store, () => sources.metrics, chartSlotMs);
	const element = (
		<App
			store={store}
			controller={controller}
			source={() => ({ kind: sources.cluster.kind, label: sources.cluster.label, scope: sources.cluster.scope })}
			theme={themeFor}
			thresholds={options.thresholds ?? DEFAULT_THRESHOLDS}
			chartSlotMs={chartSlotMs}
			wallNow={wallNow}
		/>
	);
	return {
		store,
		controller,
		element,
		sources: () => sources,
		stop: () => {
			stopBackfill();
			disconnect(sources);
			store.dispose();
		},
	};
}
