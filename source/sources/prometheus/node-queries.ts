// The node-level DCGM queries: one per family, grouped by the exporter's host label (`Hostname`
// in every release so far, `hostname` on its master branch), so their cost does not grow with
// the number of GPUs or pods.
import { dcgmValue, type NodeMetricKey, type NodeSample } from '../../domain/node-metrics';
import { parseSampleValue } from '../../domain/metrics';
import type { VectorResult } from './client';

const BY_HOST = 'by (Hostname, hostname)';

export const NODE_QUERIES: Record<NodeMetricKey, string> = {
	gpuUtil: `avg ${BY_HOST} (DCGM_FI_DEV_GPU_UTIL)`,
	gpuTemp: `max ${BY_HOST} (DCGM_FI_DEV_GPU_TEMP)`,
	gpuPower: `sum ${BY_HOST} (DCGM_FI_DEV_POWER_USAGE)`,
	xid: `max ${BY_HOST} (DCGM_FI_DEV_XID_ERRORS)`,
};

/** Merges the answers of NODE_QUERIES into one sample per node. */
export function nodeSamplesOf(results: Partial<Record<NodeMetricKey, readonly VectorResult[]>>, fallbackAt: number): NodeSample[] {
	const byNode = new Map<string, NodeSample>();
	for (const [key, result] of Object.entries(results) as Array<[NodeMetricKey, readonly VectorResult[]]>) {
		for (const series of result) {
			const node = series.metric.Hostname || series.metric.hostname;
			if (!node || !Array.isArray(series.value)) continue;
			const sample = byNode.get(node) ?? { node, at: series.value[0] * 1000 || fallbackAt };
			const value = dcgmValue(parseSampleValue(series.value[1]));
			if (value !== undefined) sample[key] = value;
			byNode.set(node, sample);
		}
	}
	return [...byNode.values()];
}
