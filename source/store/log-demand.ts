// Which pods' logs the open log pane wants, with which options: one stream per pod (stern's model),
// pods joining and leaving as the cluster state says. A pod that cannot serve a log yet says why
// (the scheduler's or the kubelet's message) and is attached once its container runs.
import { podRole } from '../domain/pod';
import { defaultContainer, logUnavailable, type LogDemand, type LogStreamWant } from '../domain/logs';
import type { Pod } from '../domain/k8s';
import { getObject } from './cluster-state';
import { selectPods, selectReplicaSets, selectWorkloadOfPod, selectWorkloads, workloadKey } from './selectors';
import type { StoreSnapshot } from './store';
import type { LogRoles, LogView } from './ui-state';

const NEW_ROLES = new Set(['canary', 'preview']);

function roleWanted(roles: LogRoles, role: string): boolean {
	if (roles === 'all') return true;
	return roles === 'canary' ? NEW_ROLES.has(role) : !NEW_ROLES.has(role);
}

function schedulingMessage(pod: Pod): string {
	const condition = pod.status?.conditions?.find((c) => c.type === 'PodScheduled' && c.status === 'False');
	return `Pending: ${condition?.message ?? 'not scheduled yet'}`;
}

function want(pod: Pod, role: string, view: LogView): LogStreamWant {
	const container = view.container ?? defaultContainer(pod) ?? '';
	const status = pod.status?.containerStatuses?.find((c) => c.name === container);
	const unavailable = pod.spec.nodeName ? logUnavailable(pod, container, view.previous) : schedulingMessage(pod);
	const terminated = status?.lastState?.terminated;
	return {
		key: `${pod.metadata.namespace}/${pod.metadata.name}`,
		namespace: pod.metadata.namespace ?? '',
		pod: pod.metadata.name,
		container,
		role,
		previous: view.previous,
		attach: unavailable === null,
		waiting: unavailable ?? undefined,
		containerId: status?.containerID,
		restarts: status?.restartCount ?? 0,
		lastTermination: terminated && { exitCode: terminated.exitCode, reason: terminated.reason },
	};
}

export function logSession(view: LogView): string {
	const target = view.target.kind === 'pod' ? `pod/${view.target.namespace}/${view.target.name}` : `workload/${view.target.key}`;
	return `${target}|${view.previous ? 'previous' : 'current'}|${view.container ?? ''}|${view.roles}`;
}

/** The log pane's demand while it is open. */
export function selectLogDemand(snapshot: StoreSnapshot): LogDemand | undefined {
	const { ui, cluster } = snapshot;
	const view = ui.logs;
	if (ui.focus !== 'logs' || !view) return undefined;
	const session = logSession(view);
	if (view.target.kind === 'pod') {
		const { namespace, name } = view.target;
		const pod = getObject(cluster, 'Pod', namespace, name);
		const workload = selectWorkloadOfPod(cluster, namespace, name);
		const role = pod && workload ? podRole(pod, workload, selectReplicaSets(cluster, workload)) : '';
		return { session, streams: pod ? [want(pod, role, view)] : [] };
	}
	const key = view.target.key;
	const workload = selectWorkloads(cluster).find((w) => workloadKey(w) === key);
	if (!workload) return { session, streams: [] };
	const replicaSets = selectReplicaSets(cluster, workload);
	const streams = selectPods(cluster, workload)
		.map((pod) => ({ pod, role: podRole(pod, workload, replicaSets) }))
		.filter(({ role }) => roleWanted(view.roles, role))
		.map(({ pod, role }) => want(pod, role, view));
	return { session, streams };
}
