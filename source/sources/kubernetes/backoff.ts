// Capped exponential backoff for reconnects: 0.5 s, 1 s, 2 s, … up to 30 s, with a little jitter so
// many watches that failed together do not retry in lockstep.

export interface BackoffOptions {
	initialMs?: number;
	maxMs?: number;
	/** Fraction of random spread added to each delay (0 = exact, for tests). */
	jitter?: number;
}

export class Backoff {
	private failures = 0;
	private readonly initialMs: number;
	private readonly maxMs: number;
	private readonly jitter: number;

	constructor(options: BackoffOptions = {}) {
		this.initialMs = options.initialMs ?? 500;
		this.maxMs = options.maxMs ?? 30_000;
		this.jitter = options.jitter ?? 0.2;
	}

	/** Delay before the next attempt, counting one more failure. */
	next(): number {
		const base = Math.min(this.maxMs, this.initialMs * 2 ** this.failures);
		this.failures++;
		return Math.round(Math.min(this.maxMs, base * (1 + Math.random() * this.jitter)));
	}

	reset(): void {
		this.failures = 0;
	}
}

/** "250 ms" / "2.0 s", for "retrying in …" messages. */
export function formatDelay(ms: number): string {
	return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}
