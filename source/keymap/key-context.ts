// What the keys can do right now, from store state alone: the selected workload's kind, why an
// action is unavailable (its state, or the API server's answer about RBAC), and the source kind.
import { actionDisabledReason } from '../domain/plan-action';
import { permissionFor } from '../domain/permission';
import { selectedWorkload } from '../store/lists';
import { selectReplicaSets } from '../store/selectors';
import type { StoreSnapshot } from '../store/store';
import type { KeyContext } from './command';

export function keyContextOf(snapshot: StoreSnapshot, simulated: boolean, replay = false): KeyContext {
	const workload = selectedWorkload(snapshot);
	return {
		workloadKind: workload?.kind,
		simulated,
		replay,
		actionBlocked: (kind) => {
			if (!workload) return 'select a Rollout or Deployment first';
			return actionDisabledReason(kind, workload, selectReplicaSets(snapshot.cluster, workload)) ?? snapshot.permissions.get(permissionFor(kind, workload).key) ?? null;
		},
	};
}
