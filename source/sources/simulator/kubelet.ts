// The kubelet and the model server process: image pull, container start, model loading,
// readiness, crashes with back-off, OOM kills under memory pressure, graceful termination.
import type { PodRuntime, SimContext, Termination } from './context';
import { pulledMessage, releaseNode } from './scheduler';

const MAX_BACKOFF_S = 300;
/** Seconds of memory demand above what the GPUs hold before the process is killed. */
const OOM_AFTER_S = 3;
/** A loading model server answers readiness probes with "connection refused" for a while. */
const PROBE_FAILURE_AFTER_MS = 10_000;

function involved(pod: PodRuntime) {
	return { kind: 'Pod', name: pod.name, namespace: pod.namespace, uid: pod.uid, apiVersion: 'v1' };
}

function containerName(pod: PodRuntime): string {
	return pod.template.spec?.containers?.[0]?.name ?? 'server';
}

function startContainer(ctx: SimContext, pod: PodRuntime, createdEventDetail: string | undefined): void {
	const kubelet = { component: 'kubelet', host: pod.node };
	if (createdEventDetail) ctx.events.normal(involved(pod), 'Pulled', createdEventDetail, kubelet);
	ctx.events.normal(involved(pod), 'Created', `Created container ${containerName(pod)}`, kubelet);
	ctx.events.normal(involved(pod), 'Started', `Started container ${containerName(pod)}`, kubelet);
	const [min, max] = pod.profile.startupSeconds;
	pod.stage = 'Loading';
	pod.startedAt = ctx.now;
	pod.containerId = `containerd://${ctx.random.lifecycle.hex(64)}`;
	pod.stageUntil = ctx.now + Math.round(ctx.random.lifecycle.between(min, max) * 1000);
	pod.previousRun = pod.run;
	pod.run = { id: pod.containerId, startedAt: ctx.now, readyAt: pod.stageUntil };
	pod.pressureSeconds = 0;
	pod.dirty = true;
}

function crash(ctx: SimContext, pod: PodRuntime, reason: Termination['reason']): void {
	const wasReady = pod.stage === 'Ready';
	pod.restartCount++;
	pod.lastTermination = {
		reason,
		exitCode: reason === 'OOMKilled' ? 137 : 1,
		startedAt: pod.startedAt ?? ctx.now,
		finishedAt: ctx.now,
	};
	if (pod.run) pod.run.termination = pod.lastTermination;
	const backoff = Math.min(10 * 2 ** (pod.restartCount - 1), MAX_BACKOFF_S);
	pod.stage = 'BackOff';
	pod.stageUntil = ctx.now + backoff * 1000;
	if (wasReady) pod.readyChangedAt = ctx.now;
	pod.dirty = true;
	const kubelet = { component: 'kubelet', host: pod.node };
	if (reason === 'OOMKilled') {
		const pid = ctx.random.lifecycle.int(2000, 60000);
		const rssKb = Math.round(pod.memDemandMiB * 1024) || ctx.random.lifecycle.int(40_000_000, 60_000_000);
		ctx.events.warning(
			{ kind: 'Node', name: pod.node ?? '', uid: pod.node, apiVersion: 'v1' },
			'OOMKilling',
			`Memory cgroup out of memory: Killed process ${pid} (python3) total-vm:${rssKb * 3}kB, anon-rss:${rssKb}kB, file-rss:${Math.round(rssKb / 40)}kB, shmem-rss:0kB, UID:0 pgtables:${Math.round(rssKb / 500)}kB oom_score_adj:-997`,
			{ component: 'kernel-monitor', host: pod.node },
		);
	}
	pod.memDemandMiB = 0;
	pod.load = 0;
	ctx.events.warning(
		involved(pod),
		'BackOff',
		`Back-off restarting failed container ${containerName(pod)} in pod ${pod.name}_${pod.namespace}(${pod.uid})`,
		kubelet,
	);
}

function memoryCapacityMiB(ctx: SimContext, pod: PodRuntime): number {
	const node = ctx.node(pod.node);
	// As the metrics model does: a replica that requests no GPU (say, created with kubectl) still runs on one.
	return node ? node.pool.gpuMemoryMiB * Math.max(1, pod.gpus) : Infinity;
}

function advance(ctx: SimContext, pod: PodRuntime): void {
	const crashAfter = pod.profile.crashAfterSeconds;
	switch (pod.stage) {
		case 'ContainerCreating':
			if (ctx.now >= pod.stageUntil) startContainer(ctx, pod, pulledMessage(pod, pod.stageUntil - (pod.scheduledAt ?? ctx.now)));
			return;
		case 'BackOff':
			if (ctx.now >= pod.stageUntil) {
				pod.pulledImage = false;
				startContainer(ctx, pod, pulledMessage(pod, 0));
			}
			return;
		case 'Loading':
		case 'Ready': {
			const uptime = ctx.now - (pod.startedAt ?? ctx.now);
			if (crashAfter !== undefined && uptime >= crashAfter * 1000) return crash(ctx, pod, 'Error');
			pod.pressureSeconds = pod.memDemandMiB > memoryCapacityMiB(ctx, pod) ? pod.pressureSeconds + 1 : 0;
			if (pod.pressureSeconds >= OOM_AFTER_S) return crash(ctx, pod, 'OOMKilled');
			if (pod.stage === 'Loading' && ctx.now >= pod.stageUntil) {
				pod.stage = 'Ready';
				pod.readyChangedAt = ctx.now;
				pod.dirty = true;
			} else if (pod.stage === 'Loading' && uptime === PROBE_FAILURE_AFTER_MS && pod.podIP) {
				ctx.events.warning(
					involved(pod),
					'Unhealthy',
					`Readiness probe failed: Get "http://${pod.podIP}:8000/health": dial tcp ${pod.podIP}:8000: connect: connection refused`,
					{ component: 'kubelet', host: pod.node },
				);
			}
			return;
		}
		case 'Terminating':
			if (ctx.now >= pod.stageUntil) {
				releaseNode(ctx, pod);
				ctx.removePod(pod);
				ctx.store.delete({ kind: 'Pod', namespace: pod.namespace, name: pod.name });
			}
			return;
		case 'Unscheduled':
			return;
	}
}

export function runKubelets(ctx: SimContext): void {
	for (const pod of [...ctx.pods.values()]) advance(ctx, pod);
}

/** Starts graceful termination: out of the endpoints at once, gone after the server drains. */
export function terminate(ctx: SimContext, pod: PodRuntime): void {
	if (pod.stage === 'Terminating') return;
	if (pod.stage === 'Unscheduled') {
		ctx.removePod(pod);
		ctx.store.delete({ kind: 'Pod', namespace: pod.namespace, name: pod.name });
		return;
	}
	if (pod.stage === 'Ready') pod.readyChangedAt = ctx.now;
	pod.stage = 'Terminating';
	pod.deletedAt = ctx.now;
	pod.stageUntil = ctx.now + Math.round(ctx.random.lifecycle.between(2, 6)) * 1000;
	pod.load = 0;
	pod.memDemandMiB = 0;
	pod.dirty = true;
	ctx.events.normal(involved(pod), 'Killing', `Stopping container ${containerName(pod)}`, { component: 'kubelet', host: pod.node });
}
