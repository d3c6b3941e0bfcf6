// rolltop's own canary verdict, Flagger's model: every metrics refresh judges each check on the
// canary (or blue-green preview) replicas against the stable (active) ones; every failed check adds
// one to a counter that only a new revision resets; FAIL when the counter reaches the threshold.
// Too few samples or requests is "not enough data", never a pass. rolltop shows it, never acts on it.
import type { Rollout } from './k8s';
import { isStale, type MetricId, type ReplicaSample } from './metrics';
import type { VerdictCheck, VerdictSpec } from './verdict-spec';

/** One side (canary or stable) at one refresh: fresh replicas only. */
export interface SideStats {
	/** Fresh replicas per metric, and the mean of their values. */
	values: Partial<Record<MetricId, { mean: number; replicas: number }>>;
	/** Requests per second the side served (sum over its replicas). */
	requestRate: number;
}

export type CheckStatus = 'pass' | 'fail' | 'nodata';

export interface CheckOutcome {
	check: VerdictCheck;
	status: CheckStatus;
	canary?: number;
	stable?: number;
	/** Why there is no judgement: which side lacks samples or requests. */
	missing?: string;
}

export interface VerdictCount {
	/** The judged pod-template hash: a new one starts the count again. */
	revision: string;
	failedChecks: number;
	threshold: number;
	/** Newest sample time judged, so one refresh is never counted twice. */
	judgedAt: number;
	outcomes: CheckOutcome[];
	/** A spec problem (e.g. a malformed annotation); the configured spec was used instead. */
	problem?: string;
}

export type VerdictState = 'fail' | 'failing' | 'nodata' | 'pass';

/** The pod-template hash under judgement: a canary beside a different stable, or a blue-green preview. */
export function judgedRevision(ro: Rollout): string | undefined {
	const status = ro.status ?? {};
	if (ro.spec.strategy?.blueGreen) {
		const preview = status.blueGreen?.previewSelector;
		return preview && preview !== status.blueGreen?.activeSelector ? preview : undefined;
	}
	const canary = status.currentPodHash;
	return canary && status.stableRS && canary !== status.stableRS ? canary : undefined;
}

export function sideStats(samples: ReplicaSample[], now: number): SideStats {
	const sums: Partial<Record<MetricId, { sum: number; replicas: number }>> = {};
	let requestRate = 0;
	for (const sample of samples) {
		if (isStale(sample.at, now)) continue;
		requestRate += sample.values.rps ?? 0;
		for (const [metric, value] of Object.entries(sample.values) as Array<[MetricId, number]>) {
			const entry = (sums[metric] ??= { sum: 0, replicas: 0 });
			entry.sum += value;
			entry.replicas++;
		}
	}
	const values: SideStats['values'] = {};
	for (const [metric, { sum, replicas }] of Object.entries(sums) as Array<[MetricId, { sum: number; replicas: number }]>) {
		values[metric] = { mean: sum / replicas, replicas };
	}
	return { values, requestRate };
}

function missingData(side: string, stats: SideStats, metric: MetricId, minRequestRate: number): string | undefined {
	if (!stats.values[metric]) return `no ${side} samples`;
	if (stats.requestRate < minRequestRate) return `${side} ${stats.requestRate.toFixed(1)} req/s, needs ${minRequestRate}`;
	return undefined;
}

export function judgeCheck(check: VerdictCheck, canary: SideStats, stable: SideStats, minRequestRate: number): CheckOutcome {
	const relative = check.tolerance !== undefined;
	const missing =
		missingData('canary', canary, check.metric, minRequestRate) ?? (relative ? missingData('stable', stable, check.metric, minRequestRate) : undefined);
	const canaryValue = canary.values[check.metric]?.mean;
	const stableValue = stable.values[check.metric]?.mean;
	const measured = { ...(canaryValue !== undefined ? { canary: canaryValue } : {}), ...(stableValue !== undefined ? { stable: stableValue } : {}) };
	if (missing || canaryValue === undefined) return { check, status: 'nodata', ...measured, missing };
	const outOfRange = (check.min !== undefined && canaryValue < check.min) || (check.max !== undefined && canaryValue > check.max);
	const overLimit = relative && stableValue !== undefined && canaryValue > stableValue * (1 + check.tolerance!);
	return { check, status: outOfRange || overLimit ? 'fail' : 'pass', ...measured };
}

export function judgeRefresh(spec: VerdictSpec, canary: SideStats, stable: SideStats): CheckOutcome[] {
	return spec.checks.map((check) => judgeCheck(check, canary, stable, spec.minRequestRate));
}

/**
 * The count after one refresh judged at `at`: a new revision starts from zero; a refresh already
 * counted (no newer sample) changes nothing; every failed check adds one.
 */
export function countRefresh(previous: VerdictCount | undefined, revision: string, at: number, threshold: number, outcomes: CheckOutcome[]): VerdictCount {
	const same = previous?.revision === revision ? previous : undefined;
	if (same && at <= same.judgedAt) return same;
	const failed = outcomes.filter((o) => o.status === 'fail').length;
	return { revision, failedChecks: (same?.failedChecks ?? 0) + failed, threshold, judgedAt: at, outcomes };
}

export function verdictState(count: VerdictCount): VerdictState {
	if (count.failedChecks >= count.threshold) return 'fail';
	if (count.outcomes.some((o) => o.status === 'fail')) return 'failing';
	if (count.outcomes.length === 0 || count.outcomes.some((o) => o.status === 'nodata')) return 'nodata';
	return 'pass';
}
