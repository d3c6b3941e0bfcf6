// Cordon and uncordon, sent exactly as `kubectl cordon`/`uncordon` send them (kubectl
// pkg/drain/cordon.go): a strategic merge patch of `spec.unschedulable` on the node itself.
import type { ActionPlan, NodeActionKind, PlanResult } from './action';
import { refOf, type Node } from './k8s';

export function planNodeAction(kind: NodeActionKind, node: Node): PlanResult {
	const name = node.metadata.name;
	const cordoned = node.spec?.unschedulable === true;
	if (kind === 'cordon' && cordoned) return { ok: false, reason: `node ${name} is already cordoned` };
	if (kind === 'uncordon' && !cordoned) return { ok: false, reason: `node ${name} is not cordoned` };
	// The field is omitempty: uncordon removes it (null), as kubectl's two-way merge patch does.
	const body = { spec: { unschedulable: kind === 'cordon' ? true : null } };
	const summary =
		kind === 'cordon'
			? `cordon node ${name}: no new pods are scheduled on it (running pods stay)`
			: `uncordon node ${name}: new pods may be scheduled on it again`;
	const plan: ActionPlan = { action: { kind, target: refOf(node) }, requests: [{ target: refOf(node), patchType: 'strategic', body }], summary, destructive: false, confirm: true };
	return { ok: true, plan };
}
