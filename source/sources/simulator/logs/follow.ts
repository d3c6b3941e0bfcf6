// Followed log streams of the simulator (`kubectl logs -f`): after the lines already written, each
// simulated second sends what the container wrote since; the stream ends when the container's run
// ends (crash, OOM kill, pod deleted), as the kubelet ends a follow when the container stops.
import type { Pod } from '../../../domain/k8s';
import type { LogRequest, LogSink } from '../../../domain/logs';
import type { ContainerRun, PodRuntime, SimContext } from '../context';
import { readPodLogs, runLines } from './pod-logs';

interface Follow {
	pod: PodRuntime;
	run: ContainerRun;
	/** Lines before this time were sent. */
	sentUntil: number;
	sink: LogSink;
}

export class LogFollowers {
	private readonly follows = new Set<Follow>();

	constructor(private readonly ctx: SimContext) {}

	/** Answers a log request from the pod as the API shows it; returns the function that closes it. */
	open(podObject: Pod | undefined, request: LogRequest, sink: LogSink): () => void {
		if (!podObject) {
			sink.error(`pods "${request.pod}" not found`, 404);
			return () => {};
		}
		// A pod not yet on a node has no log: the API server answers with an empty body.
		if (!podObject.spec.nodeName) {
			sink.end();
			return () => {};
		}
		const answer = readPodLogs(this.ctx, podObject, request.container, request);
		if ('error' in answer) {
			sink.error(answer.error, answer.status);
			return () => {};
		}
		sink.lines(answer.lines);
		const pod = this.ctx.pods.get(`${request.namespace}/${request.pod}`);
		if (!request.follow || !pod || this.ended(pod, answer.run)) {
			sink.end();
			return () => {};
		}
		const follow: Follow = { pod, run: answer.run, sentUntil: this.ctx.now + 1, sink };
		this.follows.add(follow);
		return () => this.follows.delete(follow);
	}

	/** After each simulated second: new lines to every follower, and the end of runs that ended. */
	tick(): void {
		const to = this.ctx.now + 1;
		for (const follow of this.follows) {
			const lines = runLines(this.ctx, follow.pod, follow.run, follow.sentUntil, to);
			follow.sentUntil = to;
			if (lines.length) follow.sink.lines(lines);
			if (this.ended(follow.pod, follow.run)) {
				this.follows.delete(follow);
				follow.sink.end();
			}
		}
	}

	private ended(pod: PodRuntime, run: ContainerRun): boolean {
		return run.termination !== undefined || pod.run !== run || !this.ctx.pods.has(`${pod.namespace}/${pod.name}`) || pod.stage === 'Terminating';
	}
}
