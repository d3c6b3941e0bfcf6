// Latency histograms fed from per-second summaries (p50/p99), so that a real Prometheus running
// histogram_quantile over them lands in the same bucket as the summarised value.

/** vLLM's own bucket bounds (seconds), as its metrics module declares them. */
export const E2E_LATENCY_BUCKETS = [
	0.3, 0.5, 0.8, 1, 1.5, 2, 2.5, 5, 10, 15, 20, 30, 40, 50, 60, 120, 240, 480, 960, 1920, 7680,
];
export const TTFT_BUCKETS = [
	0.001, 0.005, 0.01, 0.02, 0.04, 0.06, 0.08, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10, 20, 40, 80, 160, 640, 2560,
];
/** vLLM's inter-token latency bounds (seconds), shared by the old and new metric names. */
export const ITL_BUCKETS = [0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.75, 1, 2.5, 5, 7.5, 10, 20, 40, 80];

const Z99 = 2.3263478740408408;
/** Spread used when only a median is known (a p99 of about 3.2x the median). */
const DEFAULT_SIGMA = 0.5;
const MIN_SIGMA = 0.01;

/** A log-normal latency distribution: requests' latencies as the model reports them. */
export interface LogNormal {
	medianSeconds: number;
	sigma: number;
}

/** The log-normal whose median is p50 and whose 99th percentile is p99 (both ms). */
export function logNormalFromQuantiles(p50Ms: number, p99Ms: number | undefined): LogNormal {
	const sigma = p99Ms !== undefined && p99Ms > p50Ms ? Math.log(p99Ms / p50Ms) / Z99 : p99Ms === undefined ? DEFAULT_SIGMA : MIN_SIGMA;
	return { medianSeconds: p50Ms / 1000, sigma: Math.max(sigma, MIN_SIGMA) };
}

/** Standard normal CDF (Abramowitz & Stegun 7.1.26; absolute error below 1.5e-7). */
export function normalCdf(z: number): number {
	const x = Math.abs(z) / Math.SQRT2;
	const t = 1 / (1 + 0.3275911 * x);
	const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
	const erf = 1 - poly * Math.exp(-x * x);
	return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

export function logNormalCdf(dist: LogNormal, seconds: number): number {
	if (seconds <= 0) return 0;
	return normalCdf((Math.log(seconds) - Math.log(dist.medianSeconds)) / dist.sigma);
}

export function logNormalMean(dist: LogNormal): number {
	return dist.medianSeconds * Math.exp((dist.sigma * dist.sigma) / 2);
}

/** Cumulative bucket counts, sum and count of one histogram series. */
export class CumulativeHistogram {
	readonly buckets: number[];
	sum = 0;
	count = 0;

	constructor(readonly bounds: readonly number[]) {
		this.buckets = bounds.map(() => 0);
	}

	/** Record `requests` observations drawn from `dist` (fractional counts keep rates exact). */
	observe(dist: LogNormal, requests: number): void {
		if (!(requests > 0)) return;
		this.bounds.forEach((bound, i) => {
			this.buckets[i] += requests * logNormalCdf(dist, bound);
		});
		this.count += requests;
		this.sum += requests * logNormalMean(dist);
	}
}
