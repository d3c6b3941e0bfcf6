// The node lifecycle controller's part for Nodes created over the API: no kubelet runs them, so
// none ever posts their status. The API server admits them tainted not-ready; after the grace
// period their conditions turn Unknown ("Kubelet never posted node status.") and the not-ready
// taint gives way to the unreachable ones. Either way nothing is scheduled there.
import { rfc3339 } from '../../domain/format';
import type { Condition, Node, Taint } from '../../domain/k8s';
import type { SimContext } from './context';

/** `--node-startup-grace-period`: a node that never posted status gets this long from its creation. */
const STARTUP_GRACE_MS = 60_000;
/** `--node-monitor-grace-period` (50 s since Kubernetes 1.32): for a node created with conditions already set. */
const MONITOR_GRACE_MS = 50_000;
export const NOT_READY_TAINT = 'node.kubernetes.io/not-ready';
const UNREACHABLE_TAINT = 'node.kubernetes.io/unreachable';
const CONDITION_TYPES = ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure'];

function unknown(previous: Condition | undefined, type: string, created: string, now: string): Condition & { lastHeartbeatTime?: string } {
	if (previous?.status === 'Unknown') return previous;
	const base = { type, status: 'Unknown', lastTransitionTime: now };
	return previous
		? { ...previous, ...base, reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.' }
		: { ...base, reason: 'NodeStatusNeverUpdated', message: 'Kubelet never posted node status.', lastHeartbeatTime: created };
}

/** Nodes the simulator has no kubelet for, once their grace period is over: conditions Unknown, unreachable taints. */
export function markNodesWithoutKubelet(ctx: SimContext): void {
	for (const obj of ctx.store.list('Node')) {
		const node = obj as Node;
		if (ctx.node(node.metadata.name)) continue;
		const created = node.metadata.creationTimestamp ?? rfc3339(ctx.now);
		const conditions = node.status?.conditions ?? [];
		const grace = conditions.some((c) => c.type === 'Ready') ? MONITOR_GRACE_MS : STARTUP_GRACE_MS;
		const taints = node.spec?.taints ?? [];
		if (ctx.now < Date.parse(created) + grace || taints.some((t) => t.key === UNREACHABLE_TAINT)) continue;
		const now = rfc3339(ctx.now);
		const others = conditions.filter((c) => !CONDITION_TYPES.includes(c.type));
		const marked = CONDITION_TYPES.map((type) => unknown(conditions.find((c) => c.type === type), type, created, now));
		const unreachable: Taint[] = [
			{ key: UNREACHABLE_TAINT, effect: 'NoSchedule' },
			{ key: UNREACHABLE_TAINT, effect: 'NoExecute', timeAdded: now },
		];
		const kept = taints.filter((t) => t.key !== NOT_READY_TAINT);
		ctx.store.put({ ...node, spec: { ...node.spec, taints: [...kept, ...unreachable] }, status: { ...node.status, conditions: [...marked, ...others] } });
	}
}

/** The NoSchedule taint that keeps pods off a node the simulator has no kubelet for (undefined when there is none). */
export function conditionTaint(node: Node): string | undefined {
	return node.spec?.taints?.find((t) => t.effect === 'NoSchedule' && (t.key === NOT_READY_TAINT || t.key === UNREACHABLE_TAINT))?.key;
}
