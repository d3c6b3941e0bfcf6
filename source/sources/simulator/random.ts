// Seeded pseudo-random numbers. The simulator never calls Math.random: every draw comes from a
// named stream derived from the scenario seed, so one concern (say, traffic noise) drawing more
// numbers does not shift the sequence another concern (pod names) sees.

/** FNV-1a over a string: a cheap, well-spread 32-bit hash. */
export function fnv1a(text: string, seed = 0x811c9dc5): number {
	let hash = seed >>> 0;
	for (let i = 0; i < text.length; i++) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return hash >>> 0;
}

/** The alphabet Kubernetes uses for generated name suffixes (no vowels, no look-alikes). */
export const NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

export class Random {
	private state: number;

	constructor(seed: number, stream = '') {
		this.state = fnv1a(stream, (seed >>> 0) ^ 0x9e3779b9) || 1;
	}

	/** mulberry32: uniform in [0, 1). */
	next(): number {
		this.state = (this.state + 0x6d2b79f5) >>> 0;
		let t = this.state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}

	between(min: number, max: number): number {
		return min + (max - min) * this.next();
	}

	int(min: number, maxInclusive: number): number {
		return Math.floor(this.between(min, maxInclusive + 1));
	}

	/** Roughly normal (Irwin–Hall of 4), mean 0, standard deviation ~1. */
	gaussian(): number {
		return (this.next() + this.next() + this.next() + this.next() - 2) * Math.sqrt(3);
	}

	pick<T>(items: readonly T[]): T {
		return items[Math.floor(this.next() * items.length)];
	}

	chars(length: number, alphabet = NAME_ALPHABET): string {
		let out = '';
		for (let i = 0; i < length; i++) out += alphabet[Math.floor(this.next() * alphabet.length)];
		return out;
	}

	hex(length: number): string {
		return this.chars(length, '0123456789abcdef');
	}
}

/** A version-4-looking UUID, drawn from `random`. */
export function uuid(random: Random): string {
	const h = random.hex(32);
	return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[random.int(0, 3)]}${h.slice(17, 20)}-${h.slice(20)}`;
}
