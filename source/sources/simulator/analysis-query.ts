// The PromQL an AnalysisTemplate would run against the exporters rolltop knows, answered from the
// simulator's model instead of a Prometheus server. Only the shapes users write for canary checks
// are understood — histogram_quantile over a rate of buckets, sum/avg/min/max/count of a rate or a
// gauge, a ratio of two of those, a constant factor — with label matchers (=, !=, =~, !~) on the
// labels Prometheus would attach. Anything else is an error whose message says what is understood.
import type { ReplicaSample } from '../../domain/metrics';

/** One replica as Prometheus would see it: its target labels and the model's values this second. */
export interface ReplicaSeries {
	labels: Record<string, string>;
	values: ReplicaSample['values'];
}

export class QueryError extends Error {}

const SHAPES =
	'histogram_quantile(q, sum by (le) (rate(<histogram>_bucket{…}[w]))), sum|avg|min|max|count(rate(<counter>{…}[w]) or <gauge>{…}), a ratio of two of them, times a constant';

type Values = ReplicaSample['values'];
type Reader = (values: Values, labels: Record<string, string>) => number | undefined;

/** ln(q-quantile / median) ÷ ln(p99 / median) for a log-normal latency: z(q) / z(0.99). */
const Z: Array<[number, number]> = [
	[0.5, 0],
	[0.75, 0.6745],
	[0.9, 1.2816],
	[0.95, 1.6449],
	[0.99, 2.3263],
	[0.999, 3.0902],
];

function zOf(q: number): number {
	if (q <= 0.5) return 0;
	for (let i = 1; i < Z.length; i++) {
		const [q1, z1] = Z[i];
		const [q0, z0] = Z[i - 1];
		if (q <= q1) return z0 + ((z1 - z0) * (q - q0)) / (q1 - q0);
	}
	return Z[Z.length - 1][1];
}

/** Seconds at quantile q of a log-normal through the replica's median and p99 (ms). */
function quantileSeconds(p50: number | undefined, p99: number | undefined, q: number): number | undefined {
	if (p50 === undefined || p99 === undefined || p50 <= 0) return undefined;
	return (p50 * (p99 / p50) ** (zOf(q) / Z[4][1])) / 1000;
}

const HISTOGRAMS: Record<string, (q: number) => Reader> = {
	'vllm:e2e_request_latency_seconds': (q) => (v) => quantileSeconds(v.p50, v.p99, q),
	'vllm:time_to_first_token_seconds': (q) => (v) => (v.ttft === undefined || !v.p50 || !v.p99 ? undefined : quantileSeconds(v.ttft, (v.ttft * v.p99) / v.p50, q)),
};

const errorShare = (v: Values) => Math.min(Math.max(v.errorRate ?? 0, 0), 100) / 100;
const COUNTERS: Record<string, Reader> = {
	'vllm:request_success_total': (v, labels) => {
		const rps = v.rps;
		if (rps === undefined) return undefined;
		const reason = labels.finished_reason;
		return reason === 'stop' ? rps * (1 - errorShare(v)) : reason === 'error' ? rps * errorShare(v) : 0;
	},
};
/** Counter series carry one extra label; a selector without it sums them all. */
const COUNTER_SPLITS: Record<string, { label: string; values: string[] }> = {
	'vllm:request_success_total': { label: 'finished_reason', values: ['stop', 'length', 'abort', 'error'] },
};

const GAUGES: Record<string, Reader> = {
	DCGM_FI_DEV_GPU_UTIL: (v) => v.gpuUtil,
	DCGM_FI_DEV_FB_USED: (v) => v.gpuMemUsed,
	DCGM_FI_DEV_FB_FREE: (v) => (v.gpuMemTotal === undefined || v.gpuMemUsed === undefined ? undefined : v.gpuMemTotal - v.gpuMemUsed),
	DCGM_FI_DEV_GPU_TEMP: (v) => v.gpuTemp,
	DCGM_FI_DEV_POWER_USAGE: (v) => v.gpuPower,
};

const KNOWN = [...Object.keys(HISTOGRAMS).map((h) => `${h}_bucket`), ...Object.keys(COUNTERS), ...Object.keys(GAUGES)];

interface Matcher {
	label: string;
	op: '=' | '!=' | '=~' | '!~';
	value: string;
}

/** A sample: the labels it is grouped by and its value. */
interface Point {
	key: string;
	labels: Record<string, string>;
	value: number;
}

function parseMatchers(text: string | undefined): Matcher[] {
	if (!text || !text.trim()) return [];
	const matchers: Matcher[] = [];
	const pattern = /\s*([A-Za-z_]\w*)\s*(=~|!~|!=|=)\s*"((?:[^"\\]|\\.)*)"\s*(,|$)/y;
	let match: RegExpExecArray | null;
	while (pattern.lastIndex < text.length && (match = pattern.exec(text))) {
		matchers.push({ label: match[1], op: match[2] as Matcher['op'], value: match[3].replace(/\\(.)/g, '$1') });
	}
	if (pattern.lastIndex < text.length) throw new QueryError(`cannot read the label matchers {${text}}`);
	return matchers;
}

function matches(labels: Record<string, string>, matchers: Matcher[]): boolean {
	return matchers.every(({ label, op, value }) => {
		const actual = labels[label] ?? '';
		if (op === '=') return actual === value;
		if (op === '!=') return actual !== value;
		const anchored = new RegExp(`^(?:${value})$`).test(actual);
		return op === '=~' ? anchored : !anchored;
	});
}

/** Splits at the first top-level occurrence of `sep` (outside brackets and quotes). */
function splitTop(text: string, sep: string): [string, string] | undefined {
	let depth = 0;
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (c === '"' && text[i - 1] !== '\\') quoted = !quoted;
		if (quoted) continue;
		if ('([{'.includes(c)) depth++;
		else if (')]}'.includes(c)) depth--;
		else if (depth === 0 && text.startsWith(sep, i)) return [text.slice(0, i).trim(), text.slice(i + sep.length).trim()];
	}
	return undefined;
}

function stripParens(text: string): string {
	let t = text.trim();
	while (t.startsWith('(') && t.endsWith(')') && splitTop(t.slice(1, -1), ')') === undefined && balanced(t.slice(1, -1))) t = t.slice(1, -1).trim();
	return t;
}

function balanced(text: string): boolean {
	let depth = 0;
	for (const c of text) {
		if (c === '(') depth++;
		else if (c === ')' && --depth < 0) return false;
	}
	return depth === 0;
}

const SELECTOR = /^([A-Za-z_:][\w:]*)\s*(?:\{(.*)\})?$/s;
const RATE = /^(rate|irate|increase)\s*\((.*)\[\s*\d+[smhd]\s*\]\s*\)$/s;

/** Per-replica values of a selector, optionally inside rate(). */
function instant(text: string, series: ReplicaSeries[], histogram?: number): Point[] {
	const inner = stripParens(text);
	const rate = RATE.exec(inner);
	const selector = SELECTOR.exec((rate ? rate[2] : inner).trim());
	if (!selector) throw new QueryError(`query not understood by the simulator; it answers ${SHAPES}`);
	const [, name, matcherText] = selector;
	const matchers = parseMatchers(matcherText);
	let reader: Reader | undefined;
	let splits: Array<Record<string, string>> = [{}];
	if (histogram !== undefined) {
		const base = name.endsWith('_bucket') ? name.slice(0, -'_bucket'.length) : '';
		if (!rate || !HISTOGRAMS[base]) throw new QueryError(`histogram_quantile needs rate(<histogram>_bucket{…}[w]) of ${Object.keys(HISTOGRAMS).join(' or ')}`);
		reader = HISTOGRAMS[base](histogram);
	} else if (COUNTERS[name]) {
		if (!rate) throw new QueryError(`${name} is a counter: take its rate(${name}{…}[w])`);
		reader = COUNTERS[name];
		const split = COUNTER_SPLITS[name];
		if (split) splits = split.values.map((value) => ({ [split.label]: value }));
	} else if (GAUGES[name]) {
		if (rate) throw new QueryError(`${name} is a gauge: use it without rate()`);
		reader = GAUGES[name];
	}
	if (!reader) throw new QueryError(`the simulator does not model metric "${name}" (it knows ${KNOWN.join(', ')})`);
	const points: Point[] = [];
	for (const replica of series) {
		for (const extra of splits) {
			const labels = { ...replica.labels, ...extra };
			if (!matches(labels, matchers)) continue;
			const value = reader(replica.values, labels);
			if (value !== undefined && Number.isFinite(value)) points.push({ key: '', labels, value });
		}
	}
	return points;
}

const AGGREGATION = /^(sum|avg|min|max|count)\s*(?:(by|without)\s*\(([^)]*)\))?\s*\((.*?)\)\s*(?:(by|without)\s*\(([^)]*)\))?$/s;

function groupKey(labels: Record<string, string>, by: string[]): string {
	return by.map((l) => `${l}=${labels[l] ?? ''}`).join(',');
}

function aggregate(op: string, points: Point[], by: string[], weights?: Map<Point, number>): Point[] {
	const groups = new Map<string, Point[]>();
	for (const p of points) {
		const key = groupKey(p.labels, by);
		groups.set(key, [...(groups.get(key) ?? []), p]);
	}
	return [...groups].map(([key, group]) => {
		const values = group.map((p) => p.value);
		const labels = Object.fromEntries(by.map((l) => [l, group[0].labels[l] ?? '']));
		let value: number;
		if (weights) {
			// A merged histogram's quantile, approximated by the request-weighted mean of the replicas'.
			const total = group.reduce((n, p) => n + (weights.get(p) ?? 0), 0);
			value = total > 0 ? group.reduce((n, p) => n + p.value * (weights.get(p) ?? 0), 0) / total : NaN;
		} else if (op === 'sum') value = values.reduce((a, b) => a + b, 0);
		else if (op === 'avg') value = values.reduce((a, b) => a + b, 0) / values.length;
		else if (op === 'min') value = Math.min(...values);
		else if (op === 'max') value = Math.max(...values);
		else value = values.length;
		return { key, labels, value };
	});
}

function aggregation(text: string, series: ReplicaSeries[], quantile?: number): Point[] {
	const match = AGGREGATION.exec(stripParens(text));
	if (!match || !balanced(match[4])) {
		if (quantile !== undefined) throw new QueryError(`histogram_quantile needs sum by (le) (rate(<histogram>_bucket{…}[w]))`);
		return instant(text, series).map((p) => ({ ...p, key: groupKey(p.labels, Object.keys(p.labels).sort()) }));
	}
	const [, op, mode1, labels1, inner, mode2, labels2] = match;
	if ((mode1 ?? mode2) === 'without') throw new QueryError('aggregation "without" is not understood by the simulator; use "by"');
	const by = (labels1 ?? labels2 ?? '').split(',').map((l) => l.trim()).filter(Boolean);
	if (quantile === undefined) return aggregate(op, instant(inner, series), by);
	if (op !== 'sum' || !by.includes('le')) throw new QueryError('histogram_quantile needs the buckets summed by (le)');
	const points = instant(inner, series, quantile);
	const weights = new Map(points.map((p) => [p, series.find((s) => s.labels.pod === p.labels.pod)?.values.rps ?? 0]));
	return aggregate('sum', points, by.filter((l) => l !== 'le'), weights);
}

function evaluate(text: string, series: ReplicaSeries[]): Point[] {
	const query = stripParens(text);
	// A constant factor applies to everything on its side (PromQL is left-associative).
	const trailing = /^(.*\S)\s*([*/])\s*(\d+(?:\.\d+)?)$/s.exec(query);
	if (trailing && balanced(trailing[1])) {
		const n = Number(trailing[3]);
		return evaluate(trailing[1], series).map((p) => ({ ...p, value: trailing[2] === '*' ? p.value * n : p.value / n }));
	}
	const leading = /^(\d+(?:\.\d+)?)\s*\*\s*(.*)$/s.exec(query);
	if (leading) return evaluate(leading[2], series).map((p) => ({ ...p, value: p.value * Number(leading[1]) }));
	const ratio = splitTop(query, '/');
	if (ratio) {
		const [top, bottom] = ratio.map((side) => evaluate(side, series));
		return top.flatMap((p) => {
			const q = bottom.find((b) => b.key === p.key);
			return q ? [{ ...p, value: p.value / q.value }] : [];
		});
	}
	const histogram = /^histogram_quantile\s*\(\s*(\d*\.?\d+)\s*,(.*)\)$/s.exec(query);
	if (histogram) return aggregation(histogram[2], series, Number(histogram[1]));
	return aggregation(query, series);
}

/** The vector a query returns, in series order; throws QueryError for what is not understood. */
export function answerQuery(query: string, series: ReplicaSeries[]): number[] {
	if (!balanced(query)) throw new QueryError('unbalanced parentheses in the query');
	return evaluate(query.replace(/\s+/g, ' ').trim(), series)
		.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
		.map((p) => p.value);
}
