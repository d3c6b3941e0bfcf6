// Output flags shared by the headless commands: -o text|json and --timeout DUR.
import { DURATION_EXAMPLES, parseGoDuration } from '../domain/duration';
import { UsageError } from './usage-error';

export type OutputFormat = 'text' | 'json';

export function outputFlag(raw: string | undefined): OutputFormat {
	if (raw === undefined || raw === 'text' || raw === 'json') return raw ?? 'text';
	throw new UsageError(`-o/--output must be text or json, not '${raw}'`);
}

/** A duration flag in the one grammar rolltop reads durations in (Go's: "90s", "5m", "1h30m"); absent → undefined. */
export function durationFlag(name: string, raw: string | undefined): number | undefined {
	if (raw === undefined) return undefined;
	const parsed = parseGoDuration(raw);
	if (!parsed.ok) throw new UsageError(`--${name} must be a duration such as ${DURATION_EXAMPLES}, not '${raw}' (${parsed.error})`);
	if (parsed.ms <= 0) throw new UsageError(`--${name} must be longer than 0, not '${raw}'`);
	return parsed.ms;
}
