// The metrics source of a live cluster with no Prometheus configured: no values, and a header
// hint saying how to get them.
import type { MetricsSource } from '../domain/source';

export function noMetrics(hint: string): MetricsSource {
	return {
		label: 'none',
		start() {},
		stop() {},
		onHealth(listener) {
			listener(hint);
		},
	};
}
