// What rolltop's own canary verdict checks, as the config file and the `rolltop.dev/verdict`
// annotation write it. One reader serves both, so a mistake names the same field either way.
import { METRIC_IDS, type MetricId } from './metrics';

/** A Flagger-style check: an absolute range and/or a limit relative to the stable replicas. */
export interface VerdictCheck {
	metric: MetricId;
	min?: number;
	max?: number;
	/** canary ≤ stable × (1 + tolerance). */
	tolerance?: number;
}

export interface VerdictSpec {
	/** Failed checks (cumulative over the revision) at which the verdict is FAIL. */
	threshold: number;
	/** Requests per second each side must serve before its values mean anything. */
	minRequestRate: number;
	checks: VerdictCheck[];
}

export interface VerdictConfig {
	defaults: VerdictSpec;
	/** Keyed by "namespace/name". */
	workloads: Record<string, VerdictSpec>;
}

/** Workload annotation holding a verdict spec as JSON, e.g. {"threshold":3,"checks":{"p99":{"tolerance":"10%"}}}. */
export const VERDICT_ANNOTATION = 'rolltop.dev/verdict';

export const DEFAULT_VERDICT: VerdictSpec = {
	threshold: 5,
	minRequestRate: 0.5,
	checks: [
		{ metric: 'p99', tolerance: 0.2 },
		{ metric: 'errorRate', max: 1 },
		{ metric: 'ttft', tolerance: 0.2 },
	],
};

export const DEFAULT_VERDICT_CONFIG: VerdictConfig = { defaults: DEFAULT_VERDICT, workloads: {} };

type Read<T> = { ok: true; value: T } | { ok: false; problem: string };
const fail = (field: string, expected: string): { ok: false; problem: string } => ({ ok: false, problem: `${field}: expected ${expected}` });
const isObject = (raw: unknown): raw is Record<string, unknown> => typeof raw === 'object' && raw !== null && !Array.isArray(raw);

function unknownField(raw: Record<string, unknown>, known: readonly string[], at: string): string | undefined {
	const extra = Object.keys(raw).find((key) => !known.includes(key));
	return extra === undefined ? undefined : `${at}${extra}: unknown field (expected one of ${known.join(', ')})`;
}

function readNumber(raw: unknown, field: string, min: number, integer = false): Read<number> {
	if (typeof raw !== 'number' || !Number.isFinite(raw) || raw < min || (integer && !Number.isInteger(raw))) {
		return fail(field, `${integer ? 'a whole number' : 'a number'}${min === -Infinity ? '' : ` >= ${min}`}`);
	}
	return { ok: true, value: raw };
}

/** A tolerance as a fraction (0.2) or a percentage ("20%"). */
function readTolerance(raw: unknown, field: string): Read<number> {
	const match = typeof raw === 'string' ? /^\s*(\d+(?:\.\d+)?)\s*%\s*$/.exec(raw) : null;
	if (match) return { ok: true, value: Number(match[1]) / 100 };
	const number = readNumber(raw, field, 0);
	return number.ok ? number : fail(field, 'a fraction such as 0.2 or a percentage such as "20%"');
}

function readCheck(metric: MetricId, raw: unknown, at: string): Read<VerdictCheck> {
	if (!isObject(raw)) return fail(at.slice(0, -1), 'a mapping with min, max and/or tolerance');
	const extra = unknownField(raw, ['min', 'max', 'tolerance'], at);
	if (extra) return { ok: false, problem: extra };
	if (raw.min === undefined && raw.max === undefined && raw.tolerance === undefined) return fail(at.slice(0, -1), 'at least one of min, max, tolerance');
	const check: VerdictCheck = { metric };
	for (const key of ['min', 'max'] as const) {
		if (raw[key] === undefined) continue;
		const value = readNumber(raw[key], `${at}${key}`, -Infinity);
		if (!value.ok) return value;
		check[key] = value.value;
	}
	if (check.min !== undefined && check.max !== undefined && check.min > check.max) return fail(`${at}min`, `at most max (${check.max})`);
	if (raw.tolerance !== undefined) {
		const tolerance = readTolerance(raw.tolerance, `${at}tolerance`);
		if (!tolerance.ok) return tolerance;
		check.tolerance = tolerance.value;
	}
	return { ok: true, value: check };
}

/**
 * Reads a spec written over `base`: each field given replaces the base's, and `checks` (a mapping
 * from metric to its check) replaces the base's checks as a whole. Problems are "field: expected …".
 */
export function readVerdictSpec(raw: unknown, base: VerdictSpec): Read<VerdictSpec> {
	if (!isObject(raw)) return fail('(top level)', 'a mapping with threshold, minRequestRate and/or checks');
	const extra = unknownField(raw, ['threshold', 'minRequestRate', 'checks'], '');
	if (extra) return { ok: false, problem: extra };
	const spec: VerdictSpec = { ...base };
	if (raw.threshold !== undefined) {
		const threshold = readNumber(raw.threshold, 'threshold', 1, true);
		if (!threshold.ok) return threshold;
		spec.threshold = threshold.value;
	}
	if (raw.minRequestRate !== undefined) {
		const rate = readNumber(raw.minRequestRate, 'minRequestRate', 0);
		if (!rate.ok) return rate;
		spec.minRequestRate = rate.value;
	}
	if (raw.checks !== undefined) {
		if (!isObject(raw.checks)) return fail('checks', 'a mapping from metric to its check');
		const unknown = unknownField(raw.checks, METRIC_IDS, 'checks.');
		if (unknown) return { ok: false, problem: unknown };
		const checks: VerdictCheck[] = [];
		for (const [metric, given] of Object.entries(raw.checks)) {
			const check = readCheck(metric as MetricId, given, `checks.${metric}.`);
			if (!check.ok) return check;
			checks.push(check.value);
		}
		spec.checks = checks;
	}
	return { ok: true, value: spec };
}

/** The spec of one workload: its annotation, else its config entry, else the defaults. */
export function verdictSpecFor(
	config: VerdictConfig,
	key: string,
	annotations: Record<string, string> | undefined,
): { spec: VerdictSpec; problem?: string } {
	const configured = config.workloads[key] ?? config.defaults;
	const text = annotations?.[VERDICT_ANNOTATION];
	if (text === undefined) return { spec: configured };
	let raw: unknown;
	try {
		raw = JSON.parse(text);
	} catch {
		return { spec: configured, problem: `annotation ${VERDICT_ANNOTATION}: not JSON` };
	}
	const read = readVerdictSpec(raw, configured);
	return read.ok ? { spec: read.value } : { spec: configured, problem: `annotation ${VERDICT_ANNOTATION}: ${read.problem}` };
}
