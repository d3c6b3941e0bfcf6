// PromQL building blocks shared by the presets. Every query aggregates to one series per
// (namespace, pod), so the number of queries per refresh never depends on the number of replicas.

/**
 * Series from either label style, normalised to `namespace`/`pod`: exporters scraped as a
 * cluster-wide target carry the workload's pod in `exported_pod`/`exported_namespace` (Prometheus
 * renames them), per-pod targets carry `pod`/`namespace`. `label_replace` leaves a series alone when
 * the source label is empty, so both styles come out the same.
 */
export function byPodLabels(expr: string): string {
	return `label_replace(label_replace(${expr}, "pod", "$1", "exported_pod", "(.+)"), "namespace", "$1", "exported_namespace", "(.+)")`;
}

export function aggregateByPod(op: 'sum' | 'avg' | 'max' | 'count', expr: string): string {
	return `${op} by (namespace, pod) (${byPodLabels(expr)})`;
}

export function rateByPod(selector: string, window: string): string {
	return aggregateByPod('sum', `rate(${selector}[${window}])`);
}

/** A quantile of a classic histogram in ms; `toMs` converts the histogram's unit (1000 for seconds). */
export function quantileByPod(q: number, histogram: string, window: string, toMs: number): string {
	const buckets = `sum by (namespace, pod, le) (${byPodLabels(`rate(${histogram}_bucket[${window}])`)})`;
	const quantile = `histogram_quantile(${q}, ${buckets})`;
	return toMs === 1 ? quantile : `${quantile} * ${toMs}`;
}

/**
 * Errors as a percentage of all requests. A pod with no error series yet (many counters appear only
 * on the first failure) reads 0 rather than missing; a pod with no traffic reads NaN (shown as "—").
 */
export function errorPercent(errors: string, total: string): string {
	return `100 * (${errors} or 0 * ${total}) / ${total}`;
}

/**
 * The first of several equivalent queries that has a value, per (namespace, pod): one query that
 * reads a metric under its current name or, on older exporters, its former one.
 */
export function firstOf(...queries: string[]): string {
	return queries.map((q) => `(${q})`).join(' or ');
}

/** When each pod's series was last scraped (seconds): the age shown next to its values. */
export function lastScrapeByPod(metric: string): string {
	// timestamp() must see the selector itself: on a derived vector it returns the evaluation time.
	return aggregateByPod('max', `timestamp(${metric})`);
}

/** One query that says which of the given metric names exist at all. */
export function detectionQuery(metrics: readonly string[]): string {
	return `count by (__name__) ({__name__=~"${metrics.map(escapeRegex).join('|')}"})`;
}

function escapeRegex(name: string): string {
	return name.replace(/[.*+?^${}()|[\]\\]/g, '\\\\$&');
}

/** Substitutes the rate window into a user-supplied query (`$window`). */
export function withWindow(template: string, window: string): string {
	return template.replace(/\$window\b/g, window);
}
