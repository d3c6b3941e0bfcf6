// What a model server writes to stdout, as data: each server kind (vLLM, TGI, Triton) describes its
// start-up, its sampled request lines, its periodic stats, its warnings under load and its failures.
import type { Random } from '../random';
import type { Termination } from '../context';

/** Facts about one container run that its log lines mention. */
export interface RunFacts {
	model: string;
	/** The image tag, e.g. v0.6.4. */
	version: string;
	gpus: number;
	gpuMemoryMiB: number;
	weightsMiB: number;
	kvCacheMiB: number;
	capacityRps: number;
	errorRate: number;
	p50Ms: number;
	podIP: string;
	nodeIP: string;
	startedAt: number;
	readyAt: number;
}

/** A start-up line at a fraction of the loading time (0 = container start, 1 = ready). */
export interface StartupLine {
	at: number;
	text: (at: number) => string;
}

export interface ServerLog {
	startup(facts: RunFacts): StartupLine[];
	/** One sampled request served at `at`. */
	request(facts: RunFacts, at: number, random: Random, utilisation: number): string;
	/** Seconds between periodic stats lines, and the line. */
	statsEvery: number;
	stats(facts: RunFacts, at: number, load: number, random: Random): string;
	/** A warning when the replica runs near or beyond its capacity; undefined when calm. */
	pressure(facts: RunFacts, at: number, utilisation: number, random: Random): string | undefined;
	/** The last lines of a run that ended with `termination`. */
	failure(facts: RunFacts, at: number, termination: Termination): string[];
	shutdown(facts: RunFacts, at: number): string[];
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `MM-DD HH:MM:SS` in UTC, as vLLM's logger formats dates. */
export function monthDayTime(at: number): string {
	const d = new Date(at);
	return `${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** Microseconds of `at` within its second, for loggers that print them. */
export function micros(at: number): string {
	return pad((at % 1000) * 1000, 6);
}

export function gib(mib: number, digits = 2): string {
	return (mib / 1024).toFixed(digits);
}

/** KV cache room of the replica (MiB): what the GPUs hold beyond the weights at 92 % utilisation. */
export function kvRoomMiB(f: RunFacts): number {
	return Math.max(1024, f.gpuMemoryMiB * f.gpus * 0.92 - f.weightsMiB - 1200 * f.gpus);
}

/** A client address in the pod network, for access lines. */
export function clientAddress(f: RunFacts, random: Random): string {
	const base = f.podIP.split('.').slice(0, 2).join('.');
	return `${base}.${random.int(0, 7)}.${random.int(2, 250)}:${random.int(32768, 60999)}`;
}
