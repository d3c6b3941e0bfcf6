// Time helpers for the simulated clock (all in ms since the epoch).

export const SECOND = 1000;

/** RFC 3339 without fractional seconds, as the API server writes timestamps. */
export function iso(ms: number): string {
	return new Date(Math.floor(ms / SECOND) * SECOND).toISOString().replace('.000Z', 'Z');
}

/** Argo pause durations: a number of seconds, or a string like "60s", "5m", "1h". Undefined = indefinite. */
export function durationSeconds(duration: string | number | undefined): number | undefined {
	if (duration === undefined) return undefined;
	if (typeof duration === 'number') return duration;
	const match = /^(\d+)(s|m|h)?$/.exec(duration.trim());
	if (!match) return undefined;
	const value = Number(match[1]);
	return match[2] === 'h' ? value * 3600 : match[2] === 'm' ? value * 60 : value;
}
