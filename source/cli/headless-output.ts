// Output flags shared by the headless commands: -o text|json and --timeout DUR.
import { parseDuration } from '../config/duration';
import { UsageError } from './usage-error';

export type OutputFormat = 'text' | 'json';

export function outputFlag(raw: string | undefined): OutputFormat {
	if (raw === undefined || raw === 'text' || raw === 'json') return raw ?? 'text';
	throw new UsageError(`-o/--output must be text or json, not '${raw}'`);
}

/** A duration flag ("90s", "5m", "1h"); absent → undefined. */
export function durationFlag(name: string, raw: string | undefined): number | undefined {
	if (raw === undefined) return undefined;
	const ms = parseDuration(raw);
	if (ms === undefined || ms <= 0) throw new UsageError(`--${name} must be a duration such as 90s, 5m or 1h, not '${raw}'`);
	return ms;
}
