// Loading scenario files: a bare name means fixtures/scenarios/<name>.json; anything else is a
// path. Every problem becomes a one-line ScenarioError naming the file, the field and what was
// expected.
import { DURATION_EXAMPLES, parseIntOrDuration } from '../../domain/duration';
import { InputError } from '../../domain/input-error';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { packageRoot } from '../../package-root';
import { analysisSpecProblem } from '../../domain/analysis-validate';
import type { AnalysisRef } from './analysis-runs';
import type { Scenario, Workload } from './scenario';

export class ScenarioError extends InputError {
	override readonly name = 'ScenarioError';
}

const SCHEMA_FILE = 'schema.json';
let validator: ValidateFunction | undefined;

function scenarioDir(): string {
	return join(packageRoot(), 'fixtures', 'scenarios');
}

function validate(): ValidateFunction {
	if (validator) return validator;
	const schema = JSON.parse(readFileSync(join(scenarioDir(), SCHEMA_FILE), 'utf8'));
	validator = new Ajv({ allErrors: false, strict: false }).compile(schema);
	return validator;
}

export function listScenarios(): string[] {
	return readdirSync(scenarioDir())
		.filter((f) => f.endsWith('.json') && f !== SCHEMA_FILE)
		.map((f) => f.slice(0, -'.json'.length))
		.sort();
}

/** "/workloads/0/replicas" → "workloads[0].replicas". */
function fieldPath(pointer: string, child?: string): string {
	const parts = pointer.split('/').slice(1);
	if (child !== undefined) parts.push(child);
	let out = '';
	for (const raw of parts) {
		const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
		out += /^\d+$/.test(part) ? `[${part}]` : out ? `.${part}` : part;
	}
	return out || '(top level)';
}

function describe(error: ErrorObject): string {
	const params = error.params as Record<string, unknown>;
	switch (error.keyword) {
		case 'required':
			return `${fieldPath(error.instancePath, String(params.missingProperty))} is required`;
		case 'additionalProperties':
			return `${fieldPath(error.instancePath)} has unknown field "${String(params.additionalProperty)}"`;
		case 'enum':
			return `${fieldPath(error.instancePath)} must be one of ${(params.allowedValues as unknown[]).join(', ')}`;
		case 'type':
			return `${fieldPath(error.instancePath)} must be of type ${String(params.type)}`;
		case 'pattern':
			return `${fieldPath(error.instancePath)} must match ${String(params.pattern)}`;
		case 'minProperties':
		case 'maxProperties':
			return `${fieldPath(error.instancePath)} must have exactly one of its fields`;
		default:
			return `${fieldPath(error.instancePath)} ${error.message ?? 'is invalid'}`;
	}
}

/**
 * Where JSON.parse stopped. Node 20 says "at position N" for some errors and quotes ~10
 * characters either side of the offending one for others (Unexpected token '}', ..."x": \n}" is
 * not valid JSON).
 */
function errorOffset(text: string, message: string): number | undefined {
	const position = /at position (\d+)/.exec(message);
	if (position) return Number(position[1]);
	if (/end of JSON input/.test(message)) return text.length;
	const quoted = /^Unexpected token '(.)', (\.\.\.)?"([\s\S]*)"(\.\.\.)? is not valid JSON$/.exec(message);
	if (!quoted) return undefined;
	const [, token, leading, snippet] = quoted;
	const start = text.indexOf(snippet);
	if (start < 0) return undefined;
	return start + (leading ? 10 : snippet.indexOf(token));
}

function jsonProblem(text: string, error: Error): string {
	const detail = error.message
		.replace(/, (\.\.\.)?"[\s\S]*"(\.\.\.)? is not valid JSON$/, '')
		.replace(/\s*\(line \d+ column \d+\)/, '')
		.replace(/ in JSON at position \d+/, '')
		.replace(/\s+/g, ' ');
	const offset = errorOffset(text, error.message);
	if (offset === undefined) return `malformed JSON: ${detail}`;
	const before = text.slice(0, offset);
	const line = before.split('\n').length;
	const column = offset - before.lastIndexOf('\n');
	return `malformed JSON at line ${line}, column ${column}: ${detail}`;
}

/** A pause duration as Argo accepts it (and its validation: not negative). */
function checkPauseDurations(workload: Workload, i: number): string | undefined {
	for (const [j, step] of (workload.canary?.steps ?? []).entries()) {
		const duration = step.pause?.duration;
		if (duration === undefined) continue;
		const field = `workloads[${i}].canary.steps[${j}].pause.duration`;
		const parsed = parseIntOrDuration(duration);
		if (!parsed.ok) return `${field} must be seconds or a duration such as ${DURATION_EXAMPLES} (${parsed.error})`;
		if (parsed.ms < 0) return `${field} must not be negative (got ${JSON.stringify(duration)})`;
	}
	return undefined;
}

/** Every analysis reference of a workload with the field path that names it. */
function analysisRefs(w: Workload, at: string): Array<[string, AnalysisRef]> {
	const refs: Array<[string, AnalysisRef | undefined]> = [
		[`${at}.canary.analysis`, w.canary?.analysis],
		...(w.canary?.steps ?? []).map((step, j): [string, AnalysisRef | undefined] => [`${at}.canary.steps[${j}].analysis`, step.analysis as AnalysisRef | undefined]),
		[`${at}.blueGreen.prePromotionAnalysis`, w.blueGreen?.prePromotionAnalysis],
		[`${at}.blueGreen.postPromotionAnalysis`, w.blueGreen?.postPromotionAnalysis],
	];
	return refs.filter((r): r is [string, AnalysisRef] => r[1] !== undefined);
}

/** Templates must parse (metrics, durations, limits, conditions) and be found where they are used. */
function checkAnalysis(scenario: Scenario): string | undefined {
	const templates = new Map<string, Record<string, unknown>>();
	for (const [i, t] of (scenario.analysisTemplates ?? []).entries()) {
		const problem = analysisSpecProblem(t.spec);
		if (problem) return `analysisTemplates[${i}].spec.${problem}`;
		templates.set(`${t.namespace}/${t.name}`, t.spec as unknown as Record<string, unknown>);
	}
	for (const [i, w] of scenario.workloads.entries()) {
		for (const [at, ref] of analysisRefs(w, `workloads[${i}]`)) {
			for (const [k, { templateName }] of (ref.templates ?? []).entries()) {
				if (!templates.has(`${w.namespace}/${templateName}`)) {
					return `${at}.templates[${k}].templateName "${templateName}" matches no analysisTemplates entry in namespace ${w.namespace}`;
				}
			}
		}
	}
	return undefined;
}

/** Rules a schema cannot express: references between fields, and the duration grammar. */
function checkReferences(scenario: Scenario): string | undefined {
	const analysisProblem = checkAnalysis(scenario);
	if (analysisProblem) return analysisProblem;
	const products = new Set(scenario.cluster.nodePools.map((p) => p.gpuProduct));
	const seen = new Set<string>();
	for (const [i, w] of scenario.workloads.entries()) {
		const id = `${w.namespace}/${w.name}`;
		if (seen.has(id)) return `workloads[${i}].name "${w.name}" is used twice in namespace ${w.namespace}`;
		seen.add(id);
		if (w.gpuProduct && !products.has(w.gpuProduct)) {
			return `workloads[${i}].gpuProduct "${w.gpuProduct}" matches no node pool (expected one of ${[...products].join(', ')})`;
		}
		if (w.strategy === 'canary' && !w.canary) return `workloads[${i}].canary is required for strategy canary`;
		const hpa = w.autoscaler;
		if (hpa && hpa.minReplicas > hpa.maxReplicas) {
			return `workloads[${i}].autoscaler.minReplicas (${hpa.minReplicas}) must not exceed maxReplicas (${hpa.maxReplicas})`;
		}
		const duration = checkPauseDurations(w, i);
		if (duration) return duration;
	}
	return undefined;
}

/**
 * `trusted`: a scenario shipped with rolltop. The test suite validates those against the schema;
 * compiling the schema at every start would add tens of milliseconds to the first frame.
 */
export function parseScenario(text: string, file: string, trusted = false): Scenario {
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch (error) {
		throw new ScenarioError(`${file}: ${jsonProblem(text, error as Error)}`);
	}
	if (!trusted) {
		const check = validate();
		if (!check(data)) throw new ScenarioError(`${file}: ${describe((check.errors ?? [])[0])}`);
	}
	const scenario = data as Scenario;
	const problem = checkReferences(scenario);
	if (problem) throw new ScenarioError(`${file}: ${problem}`);
	return scenario;
}

export function loadScenario(nameOrPath: string): Scenario {
	const isPath = /[\\/]/.test(nameOrPath) || nameOrPath.endsWith('.json');
	const file = isPath ? resolve(nameOrPath) : join(scenarioDir(), `${nameOrPath}.json`);
	if (!isPath && (!/^[\w.-]+$/.test(nameOrPath) || !existsSync(file) || nameOrPath === 'schema')) {
		throw new ScenarioError(`unknown scenario "${nameOrPath}" (available: ${listScenarios().join(', ')})`);
	}
	let text: string;
	try {
		text = readFileSync(file, 'utf8');
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		throw new ScenarioError(`${nameOrPath}: cannot read scenario file (${code === 'ENOENT' ? 'no such file' : code ?? 'error'})`);
	}
	return isPath ? parseScenario(text, nameOrPath) : parseScenario(text, `fixtures/scenarios/${nameOrPath}.json`, true);
}
