// One benchmark result, as printed by `npm run bench -- --json` (one JSON object per line).
export interface Figure {
	name: string;
	/** null when the figure could not be measured; `note` says why. */
	value: number | null;
	unit: string;
	/** The largest acceptable value (DESIGN §8), or null when the figure has no numeric budget. */
	budget: number | null;
	note?: string;
}

export function percentile(values: number[], p: number): number {
	if (values.length === 0) return NaN;
	const sorted = [...values].sort((a, b) => a - b);
	// Nearest rank: the smallest value with at least p% of the samples at or below it.
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
