// Which cluster source the console starts with: live when the flags ask for a cluster or a
// kubeconfig with a current context exists (as kubectl would find it), else the simulator.
import { createKubernetesSource, hasUsableKubeconfig, type KubernetesSource } from '../sources/kubernetes';
import { createSimulator, loadScenario, type Simulator } from '../sources/simulator';

export interface SourceFlags {
	sim?: boolean;
	kubeconfig?: string;
	context?: string;
	namespace?: string;
	allNamespaces?: boolean;
	scenario?: string;
	seed?: number;
	speed?: number;
}

export type ChosenSource = { kind: 'live'; source: KubernetesSource } | { kind: 'simulated'; source: Simulator };

type Env = Record<string, string | undefined>;

/** Whether these flags and this environment mean a live cluster. */
export function wantsLiveCluster(flags: SourceFlags, env: Env = process.env): boolean {
	if (flags.sim) return false;
	if (flags.kubeconfig || flags.context) return true;
	return hasUsableKubeconfig({}, env);
}

/** A live source for the flags, or for another context/namespace (`:ctx`, `:ns`); throws KubeConfigError. */
export function liveSourceFor(flags: SourceFlags, change: { context?: string; namespace?: string } = {}, env: Env = process.env): KubernetesSource {
	const namespace = change.namespace ?? (change.context ? undefined : flags.namespace);
	return createKubernetesSource({
		kubeconfig: flags.kubeconfig,
		context: change.context ?? flags.context,
		namespace,
		allNamespaces: change.namespace ? false : flags.allNamespaces,
		env,
	});
}

/** Throws KubeConfigError (explicit live flags with a bad kubeconfig) or ScenarioError, one line each. */
export async function chooseClusterSource(flags: SourceFlags, env: Env = process.env): Promise<ChosenSource> {
	if (wantsLiveCluster(flags, env)) return { kind: 'live', source: liveSourceFor(flags, {}, env) };
	const scenario = await loadScenario(flags.scenario ?? 'default');
	return { kind: 'simulated', source: createSimulator(scenario, { seed: flags.seed, speed: flags.speed }) };
}
