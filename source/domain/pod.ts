// A pod's STATUS / READY / RESTARTS as `kubectl get pods` prints them (printers.go printPod), with
// the Argo plugin's glyphs, and the pod's role in its rollout.
import type { Container, ContainerStatus, Pod, ReplicaSet } from './k8s';
import { parseTime } from './format';
import { isOwnedBy, rolloutTags, templateHashOf, type ReplicaSetTag, type Workload } from './replica-set';
import { PHASE_GLYPHS, UNKNOWN_GLYPH, WARNING_GLYPH } from './status';

export interface PodStatus {
	/** kubectl's STATUS word: Running, Pending, ContainerCreating, CrashLoopBackOff, OOMKilled, Init:0/1… */
	status: string;
	glyph: string;
	/** "ready/total" containers, e.g. "1/1". */
	ready: string;
	readyCount: number;
	total: number;
	restarts: number;
	/** When the most recent restart's container terminated, ms since the epoch. */
	lastRestartAt?: number;
}

export type PodRole = ReplicaSetTag | '';

interface InitContainer extends Container {
	restartPolicy?: string;
}

interface FullContainerStatus extends ContainerStatus {
	started?: boolean;
}

function terminatedReason(t: { reason?: string; exitCode?: number; signal?: number }, prefix: string): string {
	if (t.reason) return prefix + t.reason;
	return t.signal ? `${prefix}Signal:${t.signal}` : `${prefix}ExitCode:${t.exitCode ?? 0}`;
}

function conditionTrue(pod: Pod, type: string): boolean {
	return (pod.status?.conditions ?? []).some((c) => c.type === type && c.status === 'True');
}

/** Plugin podIcon: progress for init/pending, ✖ for failures, ⚠ for pull and config errors. */
export function podGlyph(status: string): string {
	if (status.startsWith('Init:')) return PHASE_GLYPHS.Progressing;
	if (status.startsWith('Signal:') || status.startsWith('ExitCode:')) return PHASE_GLYPHS.Degraded;
	if (status.endsWith('Error') || status.startsWith('Err')) return WARNING_GLYPH;
	switch (status) {
		case 'Pending':
		case 'Terminating':
		case 'ContainerCreating':
		case 'PodInitializing':
			return PHASE_GLYPHS.Progressing;
		case 'Running':
		case 'Completed':
			return PHASE_GLYPHS.Healthy;
		case 'Failed':
		case 'InvalidImageName':
		case 'CrashLoopBackOff':
		case 'OOMKilled':
		case 'NotReady':
		case 'Evicted':
			return PHASE_GLYPHS.Degraded;
		case 'ImagePullBackOff':
		case 'RegistryUnavailable':
			return WARNING_GLYPH;
		default:
			return UNKNOWN_GLYPH;
	}
}

export function podStatus(pod: Pod): PodStatus {
	const status = pod.status ?? {};
	const initSpecs = (pod.spec.initContainers ?? []) as InitContainer[];
	const initStatuses = (status.initContainerStatuses ?? []) as FullContainerStatus[];
	const isSidecar = (name: string) => initSpecs.find((c) => c.name === name)?.restartPolicy === 'Always';
	const total = (pod.spec.containers ?? []).length + initSpecs.filter((c) => c.restartPolicy === 'Always').length;
	let reason = status.reason || status.phase || 'Pending';
	if ((status.conditions ?? []).some((c) => c.type === 'PodScheduled' && c.reason === 'SchedulingGated')) reason = 'SchedulingGated';

	let ready = 0;
	let restarts = 0;
	let sidecarRestarts = 0;
	let lastRestartAt: number | undefined;
	const noteRestart = (c: ContainerStatus) => {
		const finished = parseTime(c.lastState?.terminated?.finishedAt);
		if (finished !== undefined && (lastRestartAt === undefined || finished > lastRestartAt)) lastRestartAt = finished;
	};

	let initializing = false;
	for (const [i, c] of initStatuses.entries()) {
		restarts += c.restartCount;
		noteRestart(c);
		if (isSidecar(c.name)) sidecarRestarts += c.restartCount;
		const { terminated, waiting } = c.state ?? {};
		if (terminated && terminated.exitCode === 0) continue;
		if (isSidecar(c.name) && c.started) {
			if (c.ready) ready++;
			continue;
		}
		if (terminated) reason = terminatedReason(terminated, 'Init:');
		else if (waiting?.reason && waiting.reason !== 'PodInitializing') reason = `Init:${waiting.reason}`;
		else reason = `Init:${i}/${initSpecs.length}`;
		initializing = true;
		break;
	}

	if (!initializing || conditionTrue(pod, 'Initialized')) {
		restarts = sidecarRestarts;
		let hasRunning = false;
		const containers = status.containerStatuses ?? [];
		for (let i = containers.length - 1; i >= 0; i--) {
			const c = containers[i];
			restarts += c.restartCount;
			noteRestart(c);
			const { waiting, terminated, running } = c.state ?? {};
			if (waiting?.reason) reason = waiting.reason;
			else if (terminated) reason = terminatedReason(terminated, '');
			else if (c.ready && running) {
				hasRunning = true;
				ready++;
			}
		}
		if (reason === 'Completed' && hasRunning) reason = conditionTrue(pod, 'Ready') ? 'Running' : 'NotReady';
	}

	const terminal = status.phase === 'Succeeded' || status.phase === 'Failed';
	if (pod.metadata.deletionTimestamp && status.reason === 'NodeLost') reason = 'Unknown';
	else if (pod.metadata.deletionTimestamp && !terminal) reason = 'Terminating';

	return {
		status: reason,
		glyph: podGlyph(reason),
		ready: `${ready}/${total}`,
		readyCount: ready,
		total,
		restarts,
		...(lastRestartAt !== undefined ? { lastRestartAt } : {}),
	};
}

/**
 * stable/canary for a canary Rollout, active/preview (else stable) for blue-green, '' for
 * Deployments and pods the workload does not own. The hash comes from the pod's ReplicaSet when
 * known, else from the pod's own label.
 */
export function podRole(pod: Pod, owner: Workload, replicaSets: ReplicaSet[]): PodRole {
	if (owner.kind !== 'Rollout') return '';
	const rs = replicaSets.find((r) => isOwnedBy(pod, r));
	if (rs && !isOwnedBy(rs, owner)) return '';
	const tags = rolloutTags(owner, (rs && templateHashOf(rs, owner)) ?? templateHashOf(pod, owner));
	const order: ReplicaSetTag[] = owner.spec.strategy?.blueGreen ? ['active', 'preview', 'stable'] : ['stable', 'canary'];
	return order.find((tag) => tags.includes(tag)) ?? '';
}

/**
 * The scheduler's reason a Pending pod is not placed, from its PodScheduled condition (the
 * FailedScheduling message), shortened for a status column: `0/8 nodes: 4 Insufficient nvidia.com/gpu`.
 */
export function schedulingReason(pod: Pod): string | undefined {
	if (pod.spec.nodeName) return undefined;
	const message = pod.status?.conditions?.find((c) => c.type === 'PodScheduled' && c.status === 'False')?.message;
	if (!message) return undefined;
	return message.replace(/ are available:/, ':').replace(/\.? ?preemption:.*$/, '').replace(/\.+$/, '');
}
