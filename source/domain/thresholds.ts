// When a metric's value is a warning or an error: colouring rules shared by config and display.
import type { MetricId } from './metrics';

export interface Threshold {
	/** At or above this, the value is coloured as a warning. */
	warn: number;
	/** At or above this, as an error. */
	error: number;
}

export const THRESHOLD_METRICS = ['p50', 'p99', 'ttft', 'errorRate', 'gpuUtil', 'gpuTemp', 'gpuPower', 'kvCache', 'queue', 'itl'] as const satisfies readonly MetricId[];
export type ThresholdMetric = (typeof THRESHOLD_METRICS)[number];
export type Thresholds = Record<ThresholdMetric, Threshold>;

export const DEFAULT_THRESHOLDS: Thresholds = {
	p50: { warn: 500, error: 1000 },
	p99: { warn: 1500, error: 3000 },
	ttft: { warn: 300, error: 1000 },
	errorRate: { warn: 1, error: 5 },
	gpuUtil: { warn: 90, error: 98 },
	gpuTemp: { warn: 80, error: 88 },
	gpuPower: { warn: 600, error: 680 },
	kvCache: { warn: 90, error: 98 },
	queue: { warn: 10, error: 50 },
	itl: { warn: 50, error: 100 },
};

export function severity(thresholds: Thresholds, metric: ThresholdMetric, value: number | undefined): 'warn' | 'error' | undefined {
	if (value === undefined) return undefined;
	const { warn, error } = thresholds[metric];
	return value >= error ? 'error' : value >= warn ? 'warn' : undefined;
}
