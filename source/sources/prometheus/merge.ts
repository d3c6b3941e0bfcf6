// Combines the per-preset query results of one refresh into one sample per replica.
import type { ReplicaSample } from '../../domain/metrics';
import type { PodValue } from './parse';
import type { PresetName, QueryKey } from './presets';

export interface PresetResults {
	preset: PresetName;
	values: Partial<Record<QueryKey, Map<string, PodValue>>>;
	/**
	 * Pods whose series are live right now. Prometheus marks a series stale as soon as a scrape fails,
	 * while a rate over a window keeps answering for the whole window: values of a pod missing here
	 * are leftovers and are dropped. Undefined when the freshness query itself failed.
	 */
	live?: Map<string, PodValue>;
}

export type PresetChooser = (namespace: string, pod: string) => readonly PresetName[] | undefined;

/**
 * For each replica, each value comes from the first of its presets that has it (a replica's own
 * choice, else the order of `results`). Replicas without any value are left out.
 */
export function mergeSamples(results: readonly PresetResults[], choose: PresetChooser, evaluatedAt: number): ReplicaSample[] {
	const byPreset = new Map(results.map((r) => [r.preset, r]));
	const pods = new Map<string, { namespace: string; pod: string }>();
	for (const result of results) {
		for (const values of Object.values(result.values)) {
			for (const [key, v] of values ?? []) if (!pods.has(key)) pods.set(key, { namespace: v.namespace, pod: v.pod });
		}
	}
	const samples: ReplicaSample[] = [];
	for (const [key, { namespace, pod }] of pods) {
		const order = choose(namespace, pod) ?? results.map((r) => r.preset);
		const sample: ReplicaSample = { namespace, pod, at: evaluatedAt, values: {} };
		for (const name of order) {
			const result = byPreset.get(name);
			if (!result || (result.live && !result.live.has(key))) continue;
			for (const [queryKey, values] of Object.entries(result.values) as Array<[QueryKey, Map<string, PodValue>]>) {
				const value = values.get(key)?.value;
				if (value === undefined) continue;
				if (queryKey === 'gpus') sample.gpus ??= value;
				else sample.values[queryKey] ??= value;
			}
		}
		if (Object.keys(sample.values).length) samples.push(sample);
	}
	return samples;
}
