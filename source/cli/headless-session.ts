// The sources of a headless command (status, get, record) feeding a store with no UI: the same
// events and samples the console would receive, and the same store rules applied to them.
import { loadConfig } from '../config';
import type { Kind } from '../domain/k8s';
import type { SourceEvent } from '../domain/source';
import { selectWorkloadOfPod } from '../store/selectors';
import { Store } from '../store/store';
import type { Sources } from './console';
import { chooseSources, type SourceFlags } from './sources';

export interface HeadlessSession {
	store: Store;
	sources: Sources;
	/** Both workload kinds have been listed (or the cluster does not serve Rollouts): "not found" is an answer now. */
	listed(): boolean;
	/** The metrics source has answered once: samples, or a problem such as "no Prometheus configured". */
	metricsAnswered(): boolean;
	/** Called after every batch of events or samples has been applied. */
	onChange(listener: () => void): void;
	/** Starts the sources; the simulator emits its first events from within. */
	start(): void;
	stop(): void;
}

const WORKLOAD_KINDS: Kind[] = ['Rollout', 'Deployment'];

export interface HeadlessOptions {
	config?: string;
	/** Wraps the chosen sources, e.g. to record them. */
	wrap?: (sources: Sources) => Sources;
}

export async function openHeadless(flags: SourceFlags, options: HeadlessOptions = {}): Promise<HeadlessSession> {
	const config = loadConfig({ path: options.config });
	const store = new Store({ now: Date.now(), themeName: 'mono', readonly: true, coalesceMs: 0 });
	const choice = await chooseSources(flags, config, (namespace, pod) => selectWorkloadOfPod(store.cluster, namespace, pod));
	const sources = options.wrap ? options.wrap(choice.initial) : choice.initial;
	const seen = new Set<Kind>();
	const listeners: Array<() => void> = [];
	let samplesSeen = false;
	const changed = () => {
		for (const listener of listeners) listener();
	};
	return {
		store,
		sources,
		listed: () => WORKLOAD_KINDS.every((kind) => seen.has(kind)),
		metricsAnswered: () => samplesSeen || store.metrics.problem !== null,
		onChange: (listener) => void listeners.push(listener),
		start() {
			sources.cluster.start((events: SourceEvent[]) => {
				for (const event of events) if (event.type === 'sync' || event.type === 'unavailable') seen.add(event.kind);
				store.ingest(events);
				changed();
			});
			sources.metrics.onHealth?.((problem) => {
				store.setMetricsProblem(problem);
				changed();
			});
			sources.metrics.start((samples) => {
				samplesSeen ||= samples.length > 0;
				store.ingestSamples(samples);
				changed();
			});
		},
		stop() {
			sources.metrics.stop();
			sources.cluster.stop();
			store.dispose();
		},
	};
}
