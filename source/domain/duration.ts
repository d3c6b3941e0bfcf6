// The one duration grammar: Go's time.ParseDuration, which Kubernetes and Argo Rollouts use for
// every duration string ("90s", "1h30m", "500ms", "1.5h", "2m3.5s"), and Argo's int-or-string
// pause durations, where a bare integer means seconds.

export type DurationResult = { ok: true; ms: number } | { ok: false; error: string };

const NS_PER_UNIT: Record<string, bigint> = {
	ns: 1n,
	us: 1_000n,
	'µs': 1_000n, // U+00B5 micro sign
	'μs': 1_000n, // U+03BC Greek mu
	ms: 1_000_000n,
	s: 1_000_000_000n,
	m: 60_000_000_000n,
	h: 3_600_000_000_000n,
};
const MAX_NS = (1n << 63n) - 1n;
const INT32_MAX = 2 ** 31 - 1;

/** What a config or scenario error says a duration should look like. */
export const DURATION_EXAMPLES = '500ms, 90s, 1m or 1h30m';

const fail = (error: string): DurationResult => ({ ok: false, error });

/**
 * Go's time.ParseDuration: an optional sign, then one or more decimal numbers each with a unit
 * (ns, us, µs, ms, s, m, h); "0" alone needs no unit. Errors are Go's, without its "time: ".
 */
export function parseGoDuration(text: string): DurationResult {
	const invalid = fail(`invalid duration ${JSON.stringify(text)}`);
	let rest = text;
	const negative = rest.startsWith('-');
	if (negative || rest.startsWith('+')) rest = rest.slice(1);
	if (rest === '0') return { ok: true, ms: 0 };
	if (rest === '') return invalid;
	let total = 0n;
	while (rest !== '') {
		const number = /^(\d*)(?:\.(\d*))?/.exec(rest)!;
		const [whole, fraction = ''] = [number[1], number[2]];
		if (whole === '' && fraction === '') return invalid;
		rest = rest.slice(number[0].length);
		const unitName = /^[^.\d]*/.exec(rest)![0];
		if (unitName === '') return fail(`missing unit in duration ${JSON.stringify(text)}`);
		rest = rest.slice(unitName.length);
		const unit = NS_PER_UNIT[unitName];
		if (unit === undefined) return fail(`unknown unit ${JSON.stringify(unitName)} in duration ${JSON.stringify(text)}`);
		// As Go: the fraction's digits (as many as an int64 holds) scaled in float64, below 1 ns dropped.
		const digits = fraction.slice(0, 18);
		const fractionNs = digits ? BigInt(Math.trunc(Number(digits) * (Number(unit) / 10 ** digits.length))) : 0n;
		total += BigInt(whole || '0') * unit + fractionNs;
		if (total > MAX_NS + (negative ? 1n : 0n)) return invalid;
	}
	return { ok: true, ms: Number(negative ? -total : total) / 1e6 };
}

/**
 * An Argo int-or-string duration (RolloutPause.Duration): an integer, or a string of digits that
 * strconv.ParseInt(s, 10, 32) reads, is seconds; any other string is a Go duration.
 */
export function parseIntOrDuration(value: string | number): DurationResult {
	if (typeof value === 'number') return Number.isInteger(value) ? { ok: true, ms: value * 1000 } : fail(`${value} is not a whole number of seconds`);
	if (/^[-+]?\d+$/.test(value) && Math.abs(Number(value)) <= INT32_MAX) return { ok: true, ms: Number(value) * 1000 };
	return parseGoDuration(value);
}

/**
 * RolloutPause.DurationSeconds: whole seconds, truncated as Go's int32(d.Seconds()) does; 0 for a
 * duration Argo cannot read, so such a pause ends at once in the controller too.
 */
export function pauseSeconds(duration: string | number): number {
	const parsed = parseIntOrDuration(duration);
	return parsed.ok ? Math.trunc(parsed.ms / 1000) : 0;
}

/** A Go duration in ms, or undefined when Go cannot read it (Argo's DurationString fields: interval, initialDelay). */
export function goDurationMs(text: string): number | undefined {
	const parsed = parseGoDuration(text);
	return parsed.ok ? parsed.ms : undefined;
}
