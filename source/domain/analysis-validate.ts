// Whether an analysis spec (a template's or a run's) can be read at all, naming the first field
// that cannot: scenario files turn this into a one-line error, cluster objects into an Error phase.
import { conditionProblem } from './analysis-condition';
import { goDurationMs } from './duration';

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function intOrStringProblem(value: unknown): string | undefined {
	if (value === undefined) return undefined;
	if (typeof value === 'number' && Number.isInteger(value)) return undefined;
	if (typeof value === 'string' && /^-?\d+$/.test(value)) return undefined;
	return `must be an integer, not ${JSON.stringify(value)}`;
}

function metricProblem(metric: unknown, at: string): string | undefined {
	if (!isObject(metric)) return `${at} must be an object`;
	if (typeof metric.name !== 'string' || metric.name === '') return `${at}.name is required`;
	for (const field of ['interval', 'initialDelay']) {
		const value = metric[field];
		if (value !== undefined && (typeof value !== 'string' || goDurationMs(value) === undefined)) {
			return `${at}.${field} must be a duration like "30s", not ${JSON.stringify(value)}`;
		}
	}
	for (const field of ['count', 'failureLimit', 'inconclusiveLimit', 'consecutiveErrorLimit', 'consecutiveSuccessLimit']) {
		const problem = intOrStringProblem(metric[field]);
		if (problem) return `${at}.${field} ${problem}`;
	}
	for (const field of ['successCondition', 'failureCondition']) {
		const value = metric[field];
		if (value === undefined) continue;
		if (typeof value !== 'string') return `${at}.${field} must be a string`;
		const problem = conditionProblem(value);
		if (problem) return `${at}.${field} does not parse: ${problem}`;
	}
	if (!isObject(metric.provider) || Object.keys(metric.provider).length !== 1) return `${at}.provider must name exactly one provider`;
	return undefined;
}

/** The first problem, as `metrics[1].successCondition does not parse: …`, or undefined. */
export function analysisSpecProblem(spec: unknown): string | undefined {
	if (!isObject(spec)) return 'spec is required';
	if (!Array.isArray(spec.metrics) || spec.metrics.length === 0) return 'metrics must list at least one metric';
	const names = new Set<string>();
	for (const [i, metric] of spec.metrics.entries()) {
		const problem = metricProblem(metric, `metrics[${i}]`);
		if (problem) return problem;
		const name = (metric as { name: string }).name;
		if (names.has(name)) return `metrics[${i}].name "${name}" is used twice`;
		names.add(name);
	}
	if (spec.args !== undefined && (!Array.isArray(spec.args) || spec.args.some((a) => !isObject(a) || typeof a.name !== 'string'))) {
		return 'args must be a list of {name, value}';
	}
	return undefined;
}
