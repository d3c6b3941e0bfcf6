// Answers the console's demand for chart history with one range query for all of a workload's
// replicas (sources that keep history, i.e. Prometheus). One instance per metrics source: after :ctx
// or :ns the history is gone, and the new source backfills even the same workload again.
import type { HistoryDemand, ReplicaSample } from '../domain/metrics';
import type { MetricsSource } from '../domain/source';

export const BACKFILL_MS = 5 * 60_000;

export class HistoryRequests {
	private last = '';
	private stopped = false;

	constructor(
		private readonly source: MetricsSource,
		private readonly slotMs: number,
		private readonly deliver: (samples: ReplicaSample[]) => void,
	) {}

	want(demand: HistoryDemand | undefined): void {
		const { backfill } = this.source;
		if (!backfill || !demand || demand.key === this.last || this.stopped) return;
		const pods = demand.pods();
		if (pods.length === 0) return;
		this.last = demand.key;
		backfill
			.call(this.source, pods, demand.metric, demand.now - BACKFILL_MS, demand.now, this.slotMs)
			.then((samples) => {
				if (!this.stopped) this.deliver(samples);
			})
			// A failed backfill only leaves the chart shorter; the source reports its health itself.
			.catch(() => {});
	}

	stop(): void {
		this.stopped = true;
	}
}
