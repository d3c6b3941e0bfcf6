// Per-node GPU health: utilisation, temperature, power and the last XID error, as a node-level
// DCGM query grouped by `Hostname` answers it (or as the simulator aggregates its replicas).
import type { ReplicaSample } from './metrics';

export interface NodeSample {
	node: string;
	at: number;
	/** Mean utilisation over the node's GPUs (%). */
	gpuUtil?: number;
	/** Hottest GPU (°C). */
	gpuTemp?: number;
	/** Sum over the node's GPUs (W). */
	gpuPower?: number;
	/** DCGM_FI_DEV_XID_ERRORS is the code of the last XID (not a count); 0 = none. */
	xid?: number;
}

export type NodeMetricKey = Exclude<keyof NodeSample, 'node' | 'at'>;

/** DCGM's "blank"/not-supported sentinels (≥ 0x7ffffffffffffff0) mean no value. */
export function dcgmValue(value: number | undefined): number | undefined {
	return value === undefined || !Number.isFinite(value) || value >= 0x7ffffffffffffff0 ? undefined : value;
}

/** Node samples from replica samples (replica → node), for sources without a node-level query. */
export function aggregateNodeSamples(samples: ReplicaSample[], nodeOf: (namespace: string, pod: string) => string | undefined, at: number): NodeSample[] {
	const acc = new Map<string, { util: number; gpus: number; temp?: number; power: number }>();
	for (const sample of samples) {
		const node = nodeOf(sample.namespace, sample.pod);
		if (!node) continue;
		const entry = acc.get(node) ?? { util: 0, gpus: 0, power: 0 };
		const gpus = Math.max(1, sample.gpus ?? 1);
		const { gpuUtil, gpuTemp, gpuPower } = sample.values;
		if (gpuUtil !== undefined) {
			entry.util += gpuUtil * gpus;
			entry.gpus += gpus;
		}
		if (gpuTemp !== undefined) entry.temp = Math.max(entry.temp ?? -Infinity, gpuTemp);
		entry.power += gpuPower ?? 0;
		acc.set(node, entry);
	}
	return [...acc].map(([node, e]) => ({ node, at, gpuUtil: e.gpus ? e.util / e.gpus : undefined, gpuTemp: e.temp, gpuPower: e.power }));
}
