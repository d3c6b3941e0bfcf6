// Time helpers for the simulated clock (all in ms since the epoch).

export const SECOND = 1000;

/** RFC 3339 without fractional seconds, as the API server writes timestamps. */
export function iso(ms: number): string {
	return new Date(Math.floor(ms / SECOND) * SECOND).toISOString().replace('.000Z', 'Z');
}
