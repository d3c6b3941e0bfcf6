// On the simulator a scenario deploys new versions at set times (`deployAt`, seconds after start),
// as a pipeline's `kubectl apply` would. A gate run on the simulator answers for those deploys: a
// Healthy that precedes the workload's last scheduled deploy is not final yet.
import { loadScenario } from '../sources/simulator';

/** Simulated ms after start of the workload's last scheduled deploy; 0 when it has none. */
export function lastDeployMs(scenario: string, namespace: string, name: string): number {
	const workload = loadScenario(scenario).workloads.find((w) => w.name === name && w.namespace === namespace);
	return Math.max(0, ...(workload?.versions ?? []).map((v) => (v.deployAt ?? 0) * 1000));
}
