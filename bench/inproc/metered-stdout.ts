// A terminal stdout for Ink that keeps what benchmarks need: every write with its time and size.
// Unlike the test helper's FakeStdout it can tell when a frame was written, not only what it was.
import { EventEmitter } from 'node:events';
import { performance } from 'node:perf_hooks';

export interface Write {
	at: number;
	bytes: number;
	text: string;
}

export class MeteredStdout extends EventEmitter {
	readonly isTTY = true;
	readonly writes: Write[] = [];
	private waiters: Array<() => void> = [];

	constructor(
		public columns: number,
		public rows: number,
	) {
		super();
	}

	write = (text: string | Uint8Array): boolean => {
		const chunk = typeof text === 'string' ? text : Buffer.from(text).toString('utf8');
		this.writes.push({ at: performance.now(), bytes: Buffer.byteLength(chunk), text: chunk });
		const waiters = this.waiters;
		this.waiters = [];
		for (const wake of waiters) wake();
		return true;
	};

	/** Bytes written at or after `since` (performance.now() time) and before `until`. */
	bytesBetween(since: number, until = Infinity): number {
		let total = 0;
		for (const w of this.writes) if (w.at >= since && w.at < until) total += w.bytes;
		return total;
	}

	lastWriteAt(): number {
		return this.writes.at(-1)?.at ?? -Infinity;
	}

	/** Resolves at the next write, or rejects after `timeoutMs`. */
	nextWrite(timeoutMs: number): Promise<void> {
		return new Promise((resolve, reject) => {
			const timer = setTimeout(() => {
				this.waiters = this.waiters.filter((w) => w !== wake);
				reject(new Error(`no frame was written within ${timeoutMs} ms`));
			}, timeoutMs);
			const wake = () => {
				clearTimeout(timer);
				resolve();
			};
			this.waiters.push(wake);
		});
	}
}
