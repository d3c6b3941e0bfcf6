// The last few minutes of each replica's offered load, one value per simulated second: enough for
// log lines to be generated lazily (when someone reads them) from what the replica really served.
// Older seconds are gone, as the kubelet's log rotation would have dropped them.
import type { PodRuntime, SimContext } from '../context';

/** Seconds of history kept per replica; older log lines are treated as rotated away. */
export const RETENTION_S = 300;

export class LoadHistory {
	private readonly values = new Float32Array(RETENTION_S);
	private last = -Infinity;
	private first = Infinity;

	record(second: number, load: number): void {
		if (second <= this.last) return;
		// Seconds skipped (a pod that served nothing) are zero.
		for (let s = Math.max(this.last + 1, second - RETENTION_S + 1); s < second; s++) this.values[s % RETENTION_S] = 0;
		this.values[second % RETENTION_S] = load;
		this.last = second;
		this.first = Math.min(this.first, second);
	}

	/**
	 * Load at `second`, or undefined when it is outside the kept window. Seconds before the first
	 * record (replicas already serving when the scenario starts) had the first recorded load.
	 */
	at(second: number): number | undefined {
		if (second > this.last || second <= this.last - RETENTION_S) return undefined;
		return this.values[Math.max(second, this.first) % RETENTION_S];
	}
}

/** Called once per simulated second, after the traffic step: remembers each serving replica's load. */
export function recordLoads(ctx: SimContext): void {
	const second = Math.floor(ctx.now / 1000);
	for (const pod of ctx.pods.values()) {
		if (pod.stage !== 'Ready' && !pod.loadHistory) continue;
		(pod.loadHistory ??= new LoadHistory()).record(second, pod.stage === 'Ready' ? pod.load : 0);
	}
}

/** The oldest time whose lines are still kept for `pod` at `now`. */
export function retainedFrom(now: number): number {
	return now - RETENTION_S * 1000;
}

export type { PodRuntime };
