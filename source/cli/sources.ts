// Which sources the console runs on: the simulator (with its own metrics), or — when the flags ask for
// a cluster or a kubeconfig with a current context exists, as kubectl would find it — a live cluster,
// with Prometheus metrics when Prometheus is configured.
import type { Config } from '../config';
import type { MetricsSource } from '../domain/source';
import type { Workload } from '../domain/replica-set';
import { noMetrics } from '../sources/no-metrics';
import { createSimulator, loadScenario } from '../sources/simulator';
import type { Sources } from './console';
import { numberFlag, type Flags } from './flags';
import { checkSourceFlags } from './source-options';
import { UsageError } from './usage-error';

type Env = Record<string, string | undefined>;

export interface SourceFlags {
	sim?: boolean;
	scenario?: string;
	seed?: number;
	speed?: number;
	kubeconfig?: string;
	context?: string;
	namespace?: string;
	allNamespaces?: boolean;
	prometheus?: string;
	prometheusService?: string;
	prometheusCa?: string;
	prometheusInsecure?: boolean;
}

export interface SourceChoice {
	initial: Sources;
	scenario?: (name: string, speed: number) => Sources;
	context?: (name: string) => Sources;
	namespace?: (name: string) => Sources;
	contexts?: () => string[];
}

/** Finds a replica's workload, so its annotation or config entry can choose the metric presets. */
export type WorkloadOfPod = (namespace: string, pod: string) => Workload | undefined;

/** The console's source flags, checked as every command's are. */
export function sourceFlags(flags: Flags): SourceFlags {
	const checked = {
		...flags,
		seed: numberFlag('seed', flags.seed, 1, 0, 2 ** 31 - 1, true),
		speed: numberFlag('speed', flags.speed, 1, 0, 100),
	};
	checkSourceFlags(checked);
	return checked;
}

// The live stack (client-node, axios) is loaded only when a cluster is used: start-up on the
// simulator stays fast.
const kubernetes = () => import('../sources/kubernetes');
const prometheus = () => import('../sources/prometheus');

export async function wantsLiveCluster(flags: SourceFlags, env: Env): Promise<boolean> {
	if (flags.sim) return false;
	if (flags.kubeconfig || flags.context) return true;
	return (await kubernetes()).hasUsableKubeconfig({}, env);
}

function simulated(scenario: string, seed: number, speed: number): Sources {
	const sim = createSimulator(loadScenario(scenario), { seed, speed });
	return { cluster: sim, metrics: sim.metrics, simulator: sim };
}

/** Throws a one-line error (bad scenario, kubeconfig, context, Prometheus service reference). */
export async function chooseSources(flags: SourceFlags, config: Config, workloadOf: WorkloadOfPod, env: Env = process.env): Promise<SourceChoice> {
	const seed = flags.seed ?? 1;
	if (!(await wantsLiveCluster(flags, env))) {
		return {
			initial: simulated(flags.scenario ?? 'default', seed, flags.speed ?? 1),
			scenario: (name, speed) => simulated(name, seed, speed),
		};
	}
	const { createKubernetesSource, listContexts, loadKubeConfig } = await kubernetes();
	const { authFromEnv, createPrometheusSource, parseServiceRef, resolveWorkloadPresets } = await prometheus();
	let current = flags;
	const live = (next: SourceFlags): Sources => {
		const cluster = createKubernetesSource({ ...next, env });
		const metrics = prometheusFor(next);
		current = next;
		return { cluster, metrics };
	};
	const serviceFlag = (text: string) => {
		const service = parseServiceRef(text);
		if (!service) throw new UsageError(`--prometheus-service must be NAMESPACE/SERVICE:PORT (e.g. monitoring/prometheus-k8s:9090), not '${text}'`);
		return service;
	};
	const prometheusFor = (next: SourceFlags): MetricsSource => {
		const url = next.prometheus ?? config.prometheus.url;
		const service = next.prometheusService ? serviceFlag(next.prometheusService) : config.prometheus.service;
		if (!url && !service) return noMetrics('no Prometheus configured (--prometheus URL, --prometheus-service NS/NAME:PORT or the config file)');
		const fallback = config.prometheus.presets ?? [];
		return createPrometheusSource({
			url,
			service: url ? undefined : service,
			kubeConfig: url ? undefined : loadKubeConfig({ kubeconfig: next.kubeconfig, context: next.context }, env).kc,
			auth: authFromEnv(env),
			caFile: next.prometheusCa ?? config.prometheus.caFile,
			insecure: next.prometheusInsecure || config.prometheus.insecure,
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
	};
	return {
		initial: live(flags),
		context: (name) => live({ ...current, context: name, namespace: undefined, allNamespaces: false }),
		namespace: (name) => live({ ...current, namespace: name === 'all' ? undefined : name, allNamespaces: name === 'all' }),
		contexts: () => {
			const { names, current: active } = listContexts({ kubeconfig: flags.kubeconfig }, env);
			const inUse = current.context ?? active;
			return names.map((name) => (name === inUse ? `${name} (current)` : name));
		},
	};
}


