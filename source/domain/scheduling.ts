// Why replicas are Pending: the scheduler's own words from its FailedScheduling events (e.g.
// `0/8 nodes are available: 4 Insufficient nvidia.com/gpu. …`), newest first.
import type { KubeEvent, Pod } from './k8s';

/** Not placed on a node yet: what the scheduler still has to do. */
export function isUnscheduled(pod: Pod): boolean {
	return !pod.spec?.nodeName && pod.status?.phase === 'Pending' && !pod.metadata.deletionTimestamp;
}

export interface PendingReplicas {
	count: number;
	/** The newest FailedScheduling message about any of them; the pod's PodScheduled condition otherwise. */
	reason?: string;
}

export function pendingReplicas(pods: Pod[], eventsOf: (pod: Pod) => KubeEvent[], eventTime: (event: KubeEvent) => number): PendingReplicas {
	const pending = pods.filter(isUnscheduled);
	if (pending.length === 0) return { count: 0 };
	const failed = pending
		.flatMap(eventsOf)
		.filter((e) => e.reason === 'FailedScheduling' && e.message)
		.sort((a, b) => eventTime(b) - eventTime(a));
	const condition = pending.map((p) => p.status?.conditions?.find((c) => c.type === 'PodScheduled' && c.status === 'False')?.message).find(Boolean);
	const message = failed[0]?.message ?? condition;
	// What stopped the pod; the preemption post-script only says that preemption would not help.
	const reason = message?.split(' preemption: ')[0];
	return reason ? { count: pending.length, reason } : { count: pending.length };
}
