// Chart view model: the mean of a metric per replica group (canary vs stable, or one replica)
// over time, drawn with asciichart. Each series is plotted alone on a shared scale and the plots are
// overlaid, so a series that starts later (a new canary) starts where its data starts, and colours
// come from theme tokens instead of escape codes.
import * as asciichart from 'asciichart';
import { METRIC_INFO, type MetricId } from '../domain/metrics';
import type { MetricsHistory } from '../store/metrics-history';
import type { ColorToken } from '../theme/theme';
import { formatLatency, formatRate } from './format';
import type { Line } from './styled';

export interface ChartGroup {
	label: string;
	tone: ColorToken;
	pods: Array<{ namespace: string; pod: string }>;
}

export interface ChartVM {
	title: string;
	lines: Line[];
	legend: Line;
	empty?: string;
}

const LABEL_WIDTH = 7;
/**
 * Line styles per series: the second series is dashed, so the two stay apart without colour
 * (mono theme, colour-blind readers). Order as asciichart expects.
 */
type Symbols = [string, string, string, string, string, string, string, string, string, string];
const SERIES_SYMBOLS: Array<{ legend: string; symbols: Symbols }> = [
	{ legend: '━', symbols: ['┼', '┤', '╶', '╴', '─', '╰', '╭', '╮', '╯', '│'] },
	{ legend: '┅', symbols: ['┼', '┤', '╶', '╴', '┄', '╰', '╭', '╮', '╯', '┆'] },
];

export function formatMetric(metric: MetricId, value: number | undefined): string {
	const unit = METRIC_INFO[metric].unit;
	if (unit === 'ms') return formatLatency(value);
	if (value === undefined) return '—';
	if (unit === '%') return `${value.toFixed(value < 10 ? 1 : 0)}%`;
	if (unit === 'req') return formatRate(value);
	if (unit === 'MiB') return `${(value / 1024).toFixed(1)}G`;
	return `${formatRate(value)}${unit === 'req/s' ? '/s' : unit}`;
}

/** An axis label with enough digits that neighbouring rows (`step` apart) read differently. */
function axisLabel(metric: MetricId, value: number, step: number): string {
	const unit = METRIC_INFO[metric].unit;
	const digits = (scale: number) => Math.min(3, Math.max(0, Math.ceil(-Math.log10(step / scale))));
	if (unit === 'ms') return value >= 1000 ? `${(value / 1000).toFixed(digits(1000))}s` : `${value.toFixed(digits(1))}ms`;
	if (unit === 'MiB') return `${(value / 1024).toFixed(digits(1024))}G`;
	if (unit === '%') return `${value.toFixed(digits(1))}%`;
	return value.toFixed(digits(1));
}

/** Mean of the group's replicas per time slot; undefined where no replica had a sample. */
export function groupSeries(
	history: MetricsHistory,
	group: ChartGroup,
	metric: MetricId,
	from: number,
	slotMs: number,
	slots: number,
): Array<number | undefined> {
	const sums = new Float64Array(slots);
	const counts = new Uint32Array(slots);
	for (const { namespace, pod } of group.pods) {
		for (const [at, value] of history.series(namespace, pod, metric, from)) {
			const slot = Math.floor((at - from) / slotMs);
			if (slot < 0 || slot >= slots) continue;
			sums[slot] += value;
			counts[slot]++;
		}
	}
	return Array.from(sums, (sum, i) => (counts[i] ? sum / counts[i] : undefined));
}

/** Leading gap length, and the values from the first sample on with inner gaps carried forward. */
function fillGaps(series: Array<number | undefined>): { lead: number; values: number[] } {
	const lead = series.findIndex((v) => v !== undefined);
	if (lead < 0) return { lead: series.length, values: [] };
	const values: number[] = [];
	let last = series[lead] as number;
	for (let i = lead; i < series.length; i++) values.push((last = series[i] ?? last));
	// A trailing gap means the data stopped: do not draw it as a flat line to "now".
	let end = series.length;
	while (end > lead && series[end - 1] === undefined) end--;
	return { lead, values: values.slice(0, end - lead) };
}

export function buildChart(
	history: MetricsHistory,
	groups: ChartGroup[],
	metric: MetricId,
	options: { width: number; height: number; now: number; slotMs: number },
): ChartVM {
	const info = METRIC_INFO[metric];
	const slots = Math.max(2, options.width - LABEL_WIDTH - 2);
	// The last slot ends at `now`, so the newest sample lands in it.
	const from = options.now - (slots - 1) * options.slotMs;
	const filled = groups.map((group) => fillGaps(groupSeries(history, group, metric, from, options.slotMs, slots)));
	const legend: Line = groups.flatMap((group, i) => [
		{ text: `${i ? '  ' : ''}${SERIES_SYMBOLS[i % SERIES_SYMBOLS.length].legend} ${group.label} `, tone: group.tone },
		{ text: formatMetric(metric, filled[i].values.at(-1)), bold: true },
	]);
	const title = info.title;
	const all = filled.flatMap((f) => f.values);
	const plotHeight = Math.max(1, options.height - 1);
	if (all.length === 0) return { title, lines: [], legend, empty: 'no samples yet' };
	let min = Math.min(...all);
	let max = Math.max(...all);
	if (max - min < 1e-9) [min, max] = [min - 1, max + 1];
	// asciichart rounds value × scale and min × scale apart, which can put a point a row off the row
	// its label names. Plotted so that min sits one row above zero, min × scale is a whole number and
	// every point lands on its nearest row (and zero, which asciichart marks on the axis, stays out).
	const row = (max - min) / Math.max(1, plotHeight - 1);
	const shifted = (values: number[]) => (values.length === 1 ? [values[0], values[0]] : values).map((v) => v - min + row);
	// asciichart puts a whole label string into one cell; with one-character labels every cell is
	// one character, so columns can be shifted and overlaid. Labels are added here instead.
	const grids = filled.map((f, i) =>
		f.values.length === 0
			? undefined
			: asciichart
					.plot(shifted(f.values), { min: row, max: max - min + row, height: plotHeight - 1, offset: 2, format: () => ' ', symbols: SERIES_SYMBOLS[i % SERIES_SYMBOLS.length].symbols })
					.split('\n'),
	);
	const base = grids.find((g) => g !== undefined) as string[];
	const rows = base.length - 1;
	const lines: Line[] = base.map((row, y) => {
		const step = rows > 0 ? (max - min) / rows : 1;
		const label = axisLabel(metric, max - y * step, step).slice(0, LABEL_WIDTH).padStart(LABEL_WIDTH);
		const cells: Array<{ ch: string; group: number }> = [...`${label}${row[1]}`.padEnd(LABEL_WIDTH + 1 + slots)].map((ch) => ({ ch, group: -1 }));
		grids.forEach((grid, g) => {
			if (!grid) return;
			for (let x = 2; x < grid[y].length; x++) {
				const target = LABEL_WIDTH + x - 1 + filled[g].lead;
				if (grid[y][x] !== ' ' && target < cells.length) cells[target] = { ch: grid[y][x], group: g };
			}
		});
		return mergeCells(cells, groups);
	});
	return { title, lines, legend };
}

function mergeCells(cells: Array<{ ch: string; group: number }>, groups: ChartGroup[]): Line {
	const line: Line = [];
	for (const cell of cells) {
		const tone: ColorToken = cell.group < 0 ? 'muted' : groups[cell.group].tone;
		const last = line.at(-1);
		if (last && last.tone === tone) last.text += cell.ch;
		else line.push({ text: cell.ch, tone });
	}
	return line;
}
