// Argo's success/failure conditions (expr-lang expressions over `result`) evaluated with Jexl:
// the same C-style operators (&&, ||, !, ==, <, in, ?:), indexing (`result[0]`), function calls
// for the helpers Argo puts in the environment (len, isNaN, isInf, asInt, asFloat, isNil, default)
// and expr's word operators (and, or, not) added through Jexl's grammar API. As in expr, a missing
// value (an index past the end of an empty vector) is an error, never a silent false, and a
// condition must produce a boolean.
import jexlDefault from 'jexl';
import type { AnalysisPhase } from './analysis';

type Expression = ReturnType<typeof jexlDefault.compile>;

const Jexl = jexlDefault.Jexl;
const engine = new Jexl();

function defined(op: string, value: unknown): unknown {
	if (value === undefined || value === null) throw new Error(`invalid operation: ${op} on a missing value (index out of range or no such field)`);
	return value;
}

const COMPARISONS: Record<string, (a: never, b: never) => boolean> = {
	'<': (a, b) => a < b,
	'<=': (a, b) => a <= b,
	'>': (a, b) => a > b,
	'>=': (a, b) => a >= b,
};
for (const [op, compare] of Object.entries(COMPARISONS)) {
	engine.addBinaryOp(op, 20, (a, b) => compare(defined(op, a) as never, defined(op, b) as never));
}
engine.addBinaryOp('and', 10, (a, b) => Boolean(a) && Boolean(b));
engine.addBinaryOp('or', 10, (a, b) => Boolean(a) || Boolean(b));
engine.addUnaryOp('not', (a) => !a);
engine.addFunctions({
	len: (value: unknown) => {
		if (typeof value === 'string' || Array.isArray(value)) return value.length;
		if (value && typeof value === 'object') return Object.keys(value).length;
		throw new Error(`invalid argument for len (type ${value === undefined ? 'nil' : typeof value})`);
	},
	isNaN: (value: unknown) => Number.isNaN(Number(defined('isNaN', value))),
	isInf: (value: unknown, sign = 0) => {
		const n = Number(defined('isInf', value));
		return sign > 0 ? n === Infinity : sign < 0 ? n === -Infinity : !Number.isFinite(n) && !Number.isNaN(n);
	},
	asInt: (value: unknown) => Math.trunc(Number(defined('asInt', value))),
	asFloat: (value: unknown) => Number(defined('asFloat', value)),
	isNil: (value: unknown) => value === undefined || value === null,
	default: (value: unknown, fallback: unknown) => (value === undefined || value === null ? fallback : value),
});

const compiled = new Map<string, Expression>();

/** Parses a condition once; throws with the parser's message when it does not parse. */
export function compileCondition(condition: string): Expression {
	let expression = compiled.get(condition);
	if (!expression) {
		expression = engine.compile(condition);
		compiled.set(condition, expression);
	}
	return expression;
}

/** The parser's complaint about a condition, or undefined when it parses. */
export function conditionProblem(condition: string): string | undefined {
	try {
		compileCondition(condition);
		return undefined;
	} catch (error) {
		return (error as Error).message;
	}
}

export function evalCondition(condition: string, result: unknown): boolean {
	const output: unknown = compileCondition(condition).evalSync({ result });
	if (typeof output !== 'boolean') throw new Error(`expected bool, but got ${output === undefined ? 'nil' : typeof output}`);
	return output;
}

/** One measurement's phase (utils/evaluate EvaluateResult); an evaluation error throws. */
export function evaluateResult(result: unknown, conditions: { successCondition?: string; failureCondition?: string }): AnalysisPhase {
	const { successCondition, failureCondition } = conditions;
	const success = successCondition ? evalCondition(successCondition, result) : false;
	const failure = failureCondition ? evalCondition(failureCondition, result) : false;
	if (!successCondition && !failureCondition) return 'Successful';
	if (successCondition && !failureCondition) return success ? 'Successful' : 'Failed';
	if (!successCondition && failureCondition) return failure ? 'Failed' : 'Successful';
	return failure ? 'Failed' : success ? 'Successful' : 'Inconclusive';
}
