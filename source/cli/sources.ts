// Which sources the console runs on, from flags and the config file: the simulator (with its own
// metrics), or a live cluster with Prometheus metrics when Prometheus is configured.
import type { Config } from '../config';
import type { Workload } from '../domain/replica-set';
import { loadKubeConfig } from '../sources/kubernetes';
import { noMetrics } from '../sources/no-metrics';
import { authFromEnv, createPrometheusSource, parseServiceRef, resolveWorkloadPresets } from '../sources/prometheus';
import { createSimulator, loadScenario } from '../sources/simulator';
import type { Sources } from './console';
import { numberFlag, type Flags } from './flags';
import { liveSourceFor, wantsLiveCluster, type SourceFlags } from './live-source';

export interface SourceChoice {
	initial: Sources;
	scenario?: (name: string, speed: number) => Sources;
	context?: (name: string) => Sources;
	namespace?: (name: string) => Sources;
}

/** Finds a replica's workload, so its annotation or config entry can choose the metric presets. */
export type WorkloadOfPod = (namespace: string, pod: string) => Workload | undefined;

export function sourceFlags(flags: Flags): SourceFlags {
	return {
		sim: flags.sim,
		kubeconfig: flags.kubeconfig,
		context: flags.context,
		namespace: flags.namespace,
		allNamespaces: flags.allNamespaces,
		scenario: flags.scenario,
		seed: numberFlag('seed', flags.seed, 1, 0, 2 ** 31 - 1, true),
		speed: numberFlag('speed', flags.speed, 1, 0, 100),
	};
}

function simulated(scenario: string, seed: number, speed: number): Sources {
	const sim = createSimulator(loadScenario(scenario), { seed, speed });
	return { cluster: sim, metrics: sim.metrics, simulator: sim };
}

export function chooseSources(flags: Flags, config: Config, workloadOf: WorkloadOfPod): SourceChoice {
	const options = sourceFlags(flags);
	const seed = options.seed ?? 1;
	if (!wantsLiveCluster(options)) {
		return {
			initial: simulated(flags.scenario ?? 'default', seed, options.speed ?? 1),
			scenario: (name, speed) => simulated(name, seed, speed),
		};
	}
	let current = options;
	const live = (next: SourceFlags): Sources => {
		const cluster = liveSourceFor(next);
		const metrics = prometheusFor(flags, config, next, workloadOf);
		current = next;
		return { cluster, metrics };
	};
	return {
		initial: live(options),
		context: (name) => live({ ...current, context: name, namespace: undefined, allNamespaces: false }),
		namespace: (name) => live({ ...current, namespace: name === 'all' ? undefined : name, allNamespaces: name === 'all' }),
	};
}

function prometheusFor(flags: Flags, config: Config, options: SourceFlags, workloadOf: WorkloadOfPod) {
	const url = flags.prometheus ?? config.prometheus.url;
	const service = flags.prometheusService ? parseServiceRef(flags.prometheusService) : config.prometheus.service;
	if (!url && !service) return noMetrics('no Prometheus configured (--prometheus URL, --prometheus-service NS/NAME:PORT or the config file)');
	const fallback = config.prometheus.presets ?? [];
	return createPrometheusSource({
		url,
		service: url ? undefined : service,
		kubeConfig: url ? undefined : loadKubeConfig({ kubeconfig: options.kubeconfig, context: options.context }).kc,
		auth: authFromEnv(process.env),
		caFile: flags.prometheusCa ?? config.prometheus.caFile,
		insecure: flags.prometheusInsecure || config.prometheus.insecure,
		refreshIntervalMs: config.refreshIntervalMs,
		window: config.prometheus.window,
		presets: config.prometheus.presets,
		overrides: config.prometheus.queries,
		presetsFor: (namespace, pod) => {
			const workload = workloadOf(namespace, pod);
			if (!workload) return undefined;
			const configured = config.workloads[`${namespace}/${workload.metadata.name}`]?.presets;
			const chosen = resolveWorkloadPresets({ annotations: workload.metadata.annotations, configured, fallback });
			return chosen.length ? chosen : undefined;
		},
	});
}
