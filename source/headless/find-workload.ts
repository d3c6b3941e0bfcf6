// Which workload a headless command means: a Rollout or Deployment by name, in the namespace given
// or, when none is, wherever the source's scope holds exactly one by that name.
import type { Workload } from '../domain/replica-set';
import type { ClusterState } from '../store/cluster-state';
import { selectWorkloads } from '../store/selectors';

export type Lookup = { found: Workload } | { missing: string } | { ambiguous: string };

export function inNamespace(workloads: Workload[], namespace: string | undefined): Workload[] {
	return namespace === undefined ? workloads : workloads.filter((w) => w.metadata.namespace === namespace);
}

export function findWorkload(state: ClusterState, name: string, namespace: string | undefined): Lookup {
	const matches = inNamespace(selectWorkloads(state), namespace).filter((w) => w.metadata.name === name);
	if (matches.length === 1) return { found: matches[0] };
	const where = namespace === undefined ? '' : ` in namespace ${namespace}`;
	if (matches.length === 0) return { missing: `no Rollout or Deployment named '${name}'${where}` };
	const namespaces = [...new Set(matches.map((w) => w.metadata.namespace))];
	if (namespaces.length === 1) return { found: matches.find((w) => w.kind === 'Rollout') ?? matches[0] };
	return { ambiguous: `'${name}' exists in several namespaces (${namespaces.join(', ')}): choose one with -n` };
}
