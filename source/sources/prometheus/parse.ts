// Prometheus results to per-replica numbers. Values arrive as strings and may be NaN or ±Inf; a
// series without `namespace`/`pod` (e.g. a GPU no pod holds) belongs to no replica and is skipped.
import { parseSampleValue, podKey } from '../../domain/metrics';
import type { MatrixResult, VectorResult } from './client';

export interface PodValue {
	namespace: string;
	pod: string;
	/** Undefined when Prometheus answered NaN/±Inf (e.g. a rate over no traffic). */
	value: number | undefined;
	/** Evaluation (or, for freshness queries, scrape) time in ms. */
	at: number;
}

function podOf(metric: Record<string, string>): { namespace: string; pod: string } | undefined {
	const { namespace, pod } = metric;
	return namespace && pod ? { namespace, pod } : undefined;
}

/** podKey → value of an instant-vector result. */
export function vectorByPod(result: readonly VectorResult[]): Map<string, PodValue> {
	const byPod = new Map<string, PodValue>();
	for (const series of result) {
		const pod = podOf(series.metric);
		if (!pod || !Array.isArray(series.value)) continue;
		byPod.set(podKey(pod.namespace, pod.pod), { ...pod, value: parseSampleValue(series.value[1]), at: series.value[0] * 1000 });
	}
	return byPod;
}

/** podKey → points of a range-vector result, non-finite points dropped. */
export function matrixByPod(result: readonly MatrixResult[]): Map<string, Array<{ at: number; value: number }>> {
	const byPod = new Map<string, Array<{ at: number; value: number }>>();
	for (const series of result) {
		const pod = podOf(series.metric);
		if (!pod) continue;
		const points: Array<{ at: number; value: number }> = [];
		for (const [seconds, raw] of series.values ?? []) {
			const value = parseSampleValue(raw);
			if (value !== undefined) points.push({ at: seconds * 1000, value });
		}
		byPod.set(podKey(pod.namespace, pod.pod), points);
	}
	return byPod;
}

/** Names of the metrics a detection query found. */
export function detectedNames(result: readonly VectorResult[]): Set<string> {
	return new Set(result.map((series) => series.metric.__name__).filter((name): name is string => Boolean(name)));
}
