// When the operator selects another workload or chart metric, fill the chart's history with one
// range query for all of its replicas (sources that keep history, i.e. Prometheus).
import type { MetricsSource } from '../domain/source';
import { selectedWorkload } from '../store/lists';
import { selectPods, workloadKey } from '../store/selectors';
import type { Store } from '../store/store';

export const BACKFILL_MS = 5 * 60_000;

export function backfillOnSelection(store: Store, metrics: () => MetricsSource, slotMs: number): () => void {
	let last = '';
	let lastSource: MetricsSource | undefined;
	return store.subscribe(() => {
		const source = metrics();
		if (!source.backfill) return;
		const snapshot = store.getSnapshot();
		const workload = selectedWorkload(snapshot);
		if (!workload) return;
		// After :ctx or :ns the history is gone: a new source backfills even the same workload again.
		const key = `${workloadKey(workload)}|${snapshot.ui.chartMetric}`;
		if (key === last && source === lastSource) return;
		last = key;
		lastSource = source;
		const pods = selectPods(snapshot.cluster, workload).map((p) => ({ namespace: p.metadata.namespace ?? '', pod: p.metadata.name }));
		if (pods.length === 0) return;
		const now = snapshot.cluster.now;
		source
			.backfill(pods, snapshot.ui.chartMetric, now - BACKFILL_MS, now, slotMs)
			.then((samples) => store.backfillSamples(samples))
			// A failed backfill only leaves the chart shorter; the source reports its health itself.
			.catch(() => {});
	});
}
