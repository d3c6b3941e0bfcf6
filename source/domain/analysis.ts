// Argo Rollouts analysis shapes (AnalysisTemplate / AnalysisRun, argoproj.io/v1alpha1) and the
// controller's defaults (utils/defaults), as reference/argo-rollouts/ANALYSIS.md describes them.
import { goDurationMs } from './duration';

export type AnalysisPhase = 'Pending' | 'Running' | 'Successful' | 'Failed' | 'Error' | 'Inconclusive';

export const COMPLETED_PHASES: readonly AnalysisPhase[] = ['Successful', 'Failed', 'Error', 'Inconclusive'];

export function isCompleted(phase: string | undefined): boolean {
	return COMPLETED_PHASES.includes(phase as AnalysisPhase);
}

/** Kubernetes IntOrString: limits and counts may be written as "3". */
export type IntOrString = number | string;

export interface PrometheusProvider {
	address?: string;
	query?: string;
	timeout?: number;
	[key: string]: unknown;
}

export interface Metric {
	name: string;
	interval?: string;
	initialDelay?: string;
	count?: IntOrString;
	successCondition?: string;
	failureCondition?: string;
	failureLimit?: IntOrString;
	inconclusiveLimit?: IntOrString;
	consecutiveErrorLimit?: IntOrString;
	consecutiveSuccessLimit?: IntOrString;
	provider?: { prometheus?: PrometheusProvider; [key: string]: unknown };
}

export interface Argument {
	name: string;
	value?: string;
	valueFrom?: { podTemplateHashValue?: 'Stable' | 'Latest'; fieldRef?: { fieldPath: string }; [key: string]: unknown };
}

export interface AnalysisSpec {
	metrics: Metric[];
	args?: Argument[];
	dryRun?: Array<{ metricName: string }>;
	measurementRetention?: Array<{ metricName: string; limit: number }>;
	terminate?: boolean;
}

export interface Measurement {
	phase: AnalysisPhase;
	message?: string;
	startedAt?: string;
	finishedAt?: string;
	value?: string;
	metadata?: Record<string, string>;
	resumeAt?: string;
}

export interface MetricResult {
	name: string;
	phase: AnalysisPhase;
	message?: string;
	dryRun?: boolean;
	metadata?: Record<string, string>;
	measurements?: Measurement[];
	count?: number;
	successful?: number;
	failed?: number;
	inconclusive?: number;
	error?: number;
	consecutiveError?: number;
	consecutiveSuccess?: number;
}

export interface RunSummary {
	count?: number;
	successful?: number;
	failed?: number;
	inconclusive?: number;
	error?: number;
}

export interface AnalysisRunStatus {
	phase?: AnalysisPhase | '';
	message?: string;
	startedAt?: string;
	completedAt?: string;
	metricResults?: MetricResult[];
	runSummary?: RunSummary;
	dryRunSummary?: RunSummary;
}

/** The Rollout's pointer to a run: `status.canary.currentStepAnalysisRunStatus` and the like. */
export interface RolloutAnalysisRunStatus {
	name?: string;
	status?: string;
	message?: string;
}

export const DEFAULT_CONSECUTIVE_ERROR_LIMIT = 4;
/** `measurements[]` keeps the last 10 per metric unless measurementRetention says otherwise. */
export const DEFAULT_MEASUREMENT_HISTORY_LIMIT = 10;
/** After an Error measurement the next one is tried this much later, whatever the interval. */
export const ERROR_RETRY_INTERVAL_MS = 10_000;

function intOf(value: IntOrString | undefined, fallback: number): number {
	if (value === undefined || value === '') return fallback;
	const n = typeof value === 'number' ? value : Number(value);
	return Number.isInteger(n) ? n : fallback;
}

export interface MetricLimits {
	failureLimit: number;
	inconclusiveLimit: number;
	consecutiveErrorLimit: number;
	/** 0: disabled. */
	consecutiveSuccessLimit: number;
	/** Measurements to take; undefined runs until the run ends (an interval and no count). */
	count?: number;
}

/** The limits in force for a metric, Argo's defaults filling what the spec leaves out. */
export function metricLimits(metric: Metric): MetricLimits {
	const count = intOf(metric.count, 0);
	const effective = count > 0 ? count : metric.interval ? undefined : 1;
	return {
		failureLimit: intOf(metric.failureLimit, 0),
		inconclusiveLimit: intOf(metric.inconclusiveLimit, 0),
		consecutiveErrorLimit: intOf(metric.consecutiveErrorLimit, DEFAULT_CONSECUTIVE_ERROR_LIMIT),
		consecutiveSuccessLimit: intOf(metric.consecutiveSuccessLimit, 0),
		...(effective === undefined ? {} : { count: effective }),
	};
}

export function intervalMs(metric: Metric): number | undefined {
	return metric.interval ? goDurationMs(metric.interval) : undefined;
}

/** dryRun entries name metrics by regular expression (`.*` means all). */
export function isDryRun(spec: Pick<AnalysisSpec, 'dryRun'>, metricName: string): boolean {
	return (spec.dryRun ?? []).some((rule) => {
		try {
			return new RegExp(`^(?:${rule.metricName})$`).test(metricName);
		} catch {
			return false;
		}
	});
}

export function historyLimit(spec: Pick<AnalysisSpec, 'measurementRetention'>, metricName: string): number {
	const rule = (spec.measurementRetention ?? []).find((r) => {
		try {
			return new RegExp(`^(?:${r.metricName})$`).test(metricName);
		} catch {
			return false;
		}
	});
	return rule && rule.limit > 0 ? rule.limit : DEFAULT_MEASUREMENT_HISTORY_LIMIT;
}

/**
 * Prometheus values as the provider records them: a scalar as the plain number, a vector as a
 * bracketed comma-joined list (Go's FormatFloat 'f', -1: never an exponent; NaN and ±Inf spelt out).
 */
export function formatSampleValue(value: number): string {
	if (Number.isNaN(value)) return 'NaN';
	if (!Number.isFinite(value)) return value > 0 ? '+Inf' : '-Inf';
	const text = String(value);
	if (!/e/i.test(text)) return text;
	const [mantissa, exponentText] = text.split(/e/i);
	const exponent = Number(exponentText);
	const negative = mantissa.startsWith('-');
	const [whole, fraction = ''] = mantissa.replace('-', '').split('.');
	const digits = whole + fraction;
	const point = whole.length + exponent;
	const plain =
		point <= 0 ? `0.${'0'.repeat(-point)}${digits}` : point >= digits.length ? digits + '0'.repeat(point - digits.length) : `${digits.slice(0, point)}.${digits.slice(point)}`;
	return (negative ? '-' : '') + plain;
}

export function formatVector(values: number[]): string {
	return `[${values.map(formatSampleValue).join(',')}]`;
}
