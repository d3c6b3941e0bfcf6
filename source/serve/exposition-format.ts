// The Prometheus text exposition format (version 0.0.4): families with HELP/TYPE and their series.

export type Labels = Record<string, string>;
export type MetricType = 'gauge' | 'counter' | 'histogram';

export interface Series {
	/** Suffix added to the family name (`_bucket`, `_sum`, `_count`) or '' for the family itself. */
	suffix?: string;
	labels: Labels;
	value: number;
}

export interface Family {
	name: string;
	help: string;
	type: MetricType;
	series: Series[];
}

export const EXPOSITION_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

function escapeLabelValue(value: string): string {
	return value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
}

function escapeHelp(text: string): string {
	return text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
}

export function formatValue(value: number): string {
	if (Number.isNaN(value)) return 'NaN';
	if (value === Infinity) return '+Inf';
	if (value === -Infinity) return '-Inf';
	return String(value);
}

function formatLabels(labels: Labels): string {
	const parts = Object.entries(labels).map(([key, value]) => `${key}="${escapeLabelValue(value)}"`);
	return parts.length ? `{${parts.join(',')}}` : '';
}

/** Families with no series are left out entirely, as client libraries do for unused label sets. */
export function renderFamilies(families: Family[]): string {
	const lines: string[] = [];
	for (const family of families) {
		if (!family.series.length) continue;
		lines.push(`# HELP ${family.name} ${escapeHelp(family.help)}`, `# TYPE ${family.name} ${family.type}`);
		for (const s of family.series) lines.push(`${family.name}${s.suffix ?? ''}${formatLabels(s.labels)} ${formatValue(s.value)}`);
	}
	return lines.length ? `${lines.join('\n')}\n` : '';
}

/** The `_bucket`/`_sum`/`_count` series of one histogram (bucket counts already cumulative). */
export function histogramSeries(
	labels: Labels,
	bounds: readonly number[],
	buckets: readonly number[],
	sum: number,
	count: number,
): Series[] {
	const series: Series[] = bounds.map((bound, i) => ({
		suffix: '_bucket',
		labels: { ...labels, le: formatValue(bound) },
		value: buckets[i],
	}));
	series.push(
		{ suffix: '_bucket', labels: { ...labels, le: '+Inf' }, value: count },
		{ suffix: '_sum', labels, value: sum },
		{ suffix: '_count', labels, value: count },
	);
	return series;
}
