// What the keys can do right now, from store state alone: the selected workload's kind, why an
// action is unavailable (its state, or the API server's answer about RBAC), and the source kind.
import { planNodeAction } from '../domain/node-actions';
import { logsPermission, NODE_PATCH_PERMISSION, permissionFor } from '../domain/permission';
import { selectedNode, selectedWorkload } from '../store/lists';
import { selectReplicaSets } from '../store/selectors';
import type { StoreSnapshot } from '../store/store';
import type { KeyContext } from './command';
import { actionDisabledReason } from './remedy';

export function keyContextOf(snapshot: StoreSnapshot, simulated: boolean, replay = false): KeyContext {
	const workload = selectedWorkload(snapshot);
	return {
		workloadKind: workload?.kind,
		simulated,
		logsBlocked: workload ? (snapshot.permissions.get(logsPermission(workload.metadata.namespace).key) ?? null) : 'select a workload or replica first',
		replicaSelected: snapshot.ui.focus === 'replicas' && snapshot.ui.replicaKey !== undefined,
		replay,
		actionBlocked: (kind) => {
			if (!workload) return 'select a Rollout or Deployment first';
			return actionDisabledReason(kind, workload, selectReplicaSets(snapshot.cluster, workload)) ?? snapshot.permissions.get(permissionFor(kind, workload).key) ?? null;
		},
		nodeBlocked: (kind) => {
			const node = selectedNode(snapshot)?.node;
			if (!node) return 'select a node first';
			const result = planNodeAction(kind, node);
			return (result.ok ? null : result.reason) ?? snapshot.permissions.get(NODE_PATCH_PERMISSION.key) ?? null;
		},
	};
}
