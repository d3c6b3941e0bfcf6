// Number and text formatting shared by the builders.
import { isStale } from '../domain/metrics';

export const DASH = '—';

export function truncate(text: string, width: number): string {
	if (width <= 0) return '';
	if (text.length <= width) return text;
	return width === 1 ? '…' : `${text.slice(0, width - 1)}…`;
}

/** Keeps both ends: pods of one workload share a long prefix and differ only at the end. */
export function truncateMiddle(text: string, width: number): string {
	if (text.length <= width || width < 5) return truncate(text, width);
	const tail = Math.ceil((width - 1) / 2);
	return `${text.slice(0, width - 1 - tail)}…${text.slice(text.length - tail)}`;
}

export function pad(text: string, width: number, align: 'left' | 'right' = 'left', cut: 'end' | 'middle' = 'end'): string {
	const short = cut === 'middle' ? truncateMiddle(text, width) : truncate(text, width);
	return align === 'right' ? short.padStart(width) : short.padEnd(width);
}

export function fixed(value: number | undefined, digits = 0): string {
	return value === undefined ? DASH : value.toFixed(digits);
}

/** Milliseconds as the shortest readable duration: 850ms, 1.2s, 12s. */
export function formatLatency(ms: number | undefined): string {
	if (ms === undefined) return DASH;
	if (ms < 1000) return `${Math.round(ms)}ms`;
	return ms < 100_000 ? `${(ms / 1000).toFixed(1)}s` : `${Math.round(ms / 1000)}s`;
}

export function formatMiB(mib: number | undefined): string {
	if (mib === undefined) return DASH;
	return mib >= 1024 ? `${(mib / 1024).toFixed(mib >= 10 * 1024 ? 0 : 1)}G` : `${Math.round(mib)}M`;
}

export function formatRate(value: number | undefined): string {
	if (value === undefined) return DASH;
	return value >= 100 ? value.toFixed(0) : value.toFixed(1);
}

/** A value that may be stale: the number when fresh, "—" plus its age when not. */
export function freshOrDash(
	value: number | undefined,
	sampleAt: number | undefined,
	now: number,
	render: (value: number | undefined) => string,
	staleAfterMs?: number,
): { text: string; stale: boolean } {
	if (sampleAt !== undefined && isStale(sampleAt, now, staleAfterMs)) {
		return { text: `${DASH}${shortAge(now - sampleAt)}`, stale: true };
	}
	return { text: render(value), stale: false };
}

export function shortAge(ms: number): string {
	const s = Math.max(0, Math.floor(ms / 1000));
	if (s < 60) return `${s}s`;
	if (s < 3600) return `${Math.floor(s / 60)}m`;
	return `${Math.floor(s / 3600)}h`;
}

export function clockText(ms: number): string {
	return new Date(ms).toISOString().slice(11, 19);
}
