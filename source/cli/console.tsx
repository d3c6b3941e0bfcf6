// Assembles one console: store, sources and their services, screen publisher, controller and the
// App element. Shared by the CLI and the view tests, so tests drive exactly what users run. It only
// wires: every rule lives in the layer it belongs to.
import type { ReactElement } from 'react';
import { executePlan } from '../domain/execute-plan';
import type { ClusterSource, MetricsSource, ReplayControls, SimulatorControls } from '../domain/source';
import { DEFAULT_THRESHOLDS, type Thresholds } from '../domain/thresholds';
import type { VerdictConfig } from '../domain/verdict-spec';
import { Controller, type Host } from '../keymap/controller';
import { helpSize } from '../present/overlays';
import { ScreenPublisher } from '../present/screen-publisher';
import { Backoff } from '../sources/kubernetes/backoff';
import { HistoryRequests } from '../sources/history-requests';
import { LogStreams } from '../sources/log-streams';
import { PermissionReviews } from '../sources/permission-reviews';
import { selectHistoryDemand, selectLogDemand, selectPermissionQuestions } from '../store/demands';
import { Store } from '../store/store';
import { listThemes, loadTheme } from '../theme/load-theme';
import type { Theme } from '../theme/theme';
import { App } from '../views/app';

export interface Sources {
	cluster: ClusterSource;
	metrics: MetricsSource;
	simulator?: SimulatorControls;
	replay?: ReplayControls;
}

/** The terminal the console draws on: its size, and 'resize' events when it changes. */
export interface Terminal {
	columns?: number;
	rows?: number;
	on(event: 'resize', listener: () => void): unknown;
	off(event: 'resize', listener: () => void): unknown;
}

export interface ConsoleOptions {
	sources: Sources;
	themeName: string;
	/** The theme of `themeName`, when the caller has loaded it already. */
	theme?: Theme;
	readonly: boolean;
	user: string;
	now: number;
	terminal: Terminal;
	quit: () => void;
	/** Build the sources for `:scenario` (simulator), `:ctx` and `:ns` (live); each throws a one-line error. */
	switchers?: {
		scenario?: (name: string, speed: number) => Sources;
		context?: (name: string) => Sources;
		namespace?: (name: string) => Sources;
		contexts?: () => string[];
	};
	thresholds?: Thresholds;
	verdict?: VerdictConfig;
	coalesceMs?: number;
	/** Chart resolution: the metrics source's refresh interval. */
	chartSlotMs?: number;
	wallNow?: () => number;
	/** Log pane: lines kept (default 5,000) and lines each pod's stream starts with (default 200). */
	logs?: { bufferLines?: number; tailLines?: number };
}

export interface Console {
	store: Store;
	controller: Controller;
	element: ReactElement;
	sources(): Sources;
	stop(): void;
}

/** The services that answer the store's demands for one set of sources. */
interface Services {
	permissions: PermissionReviews;
	history: HistoryRequests;
	logs: LogStreams;
}

const viewportOf = (terminal: Terminal) => ({ columns: terminal.columns || 80, rows: terminal.rows || 24 });

export function createConsole(options: ConsoleOptions): Console {
	const themes = new Map<string, Theme>(options.theme ? [[options.themeName, options.theme]] : []);
	const themeFor = (name: string): Theme => {
		let theme = themes.get(name);
		if (!theme) themes.set(name, (theme = loadTheme(name)));
		return theme;
	};
	themeFor(options.themeName);
	const wallNow = options.wallNow ?? Date.now;
	const { terminal } = options;
	const store = new Store({ now: options.now, themeName: options.themeName, readonly: options.readonly, viewport: viewportOf(terminal), coalesceMs: options.coalesceMs, wallNow, verdict: options.verdict, logLines: options.logs?.bufferLines });
	const chartSlotMs = options.chartSlotMs ?? 1000;
	let sources = options.sources;
	let services: Services;
	const connect = (next: Sources) => {
		services = {
			permissions: new PermissionReviews(next.cluster, (key, answer) => store.setPermission(key, answer), wallNow),
			history: new HistoryRequests(next.metrics, chartSlotMs, (samples) => store.backfillSamples(samples)),
			logs: new LogStreams(next.cluster.openLogs?.bind(next.cluster), (session, lines) => store.appendLogs(session, lines), {
				tailLines: options.logs?.tailLines,
				retryDelays: () => new Backoff(),
			}),
		};
		next.cluster.start((events) => store.ingest(events));
		next.metrics.start((samples) => store.ingestSamples(samples));
		next.metrics.onHealth?.((problem) => store.setMetricsProblem(problem));
		next.metrics.onNodeSamples?.((samples) => store.ingestNodeSamples(samples));
	};
	const disconnect = (old: Sources) => {
		services.permissions.stop();
		services.history.stop();
		services.logs.stop();
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
		user: options.user,
		simulated: () => sources.cluster.kind === 'simulated',
		simulator: () => sources.simulator,
		replay: () => sources.replay,
		execute: (plan) => executePlan(plan, (request) => sources.cluster.patch(request)),
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
	const controller = new Controller({ store, host, helpSize: (ctx) => helpSize(store.ui, ctx) });
	const screen = new ScreenPublisher(store, {
		source: () => ({ kind: sources.cluster.kind, label: sources.cluster.label, scope: sources.cluster.scope, replay: sources.replay?.position() }),
		thresholds: options.thresholds ?? DEFAULT_THRESHOLDS,
		chartSlotMs,
	});
	// The store's demands go to the current sources' services; their answers come back into the store.
	const serveDemands = () => {
		const snapshot = store.getSnapshot();
		services.permissions.ask(selectPermissionQuestions(snapshot));
		services.history.want(selectHistoryDemand(snapshot));
		services.logs.want(selectLogDemand(snapshot));
	};
	const unsubscribeDemands = store.subscribe(serveDemands);
	const resize = () => store.setViewport(viewportOf(terminal));
	terminal.on('resize', resize);
	connect(sources);
	// What a source emits as it starts (the simulator's whole cluster) is in the first frame, not 150 ms later.
	store.flush();
	serveDemands();
	const element = <App screen={screen} controller={controller} theme={themeFor} />;
	return {
		store,
		controller,
		element,
		sources: () => sources,
		stop: () => {
			terminal.off('resize', resize);
			unsubscribeDemands();
			screen.stop();
			disconnect(sources);
			store.dispose();
		},
	};
}
