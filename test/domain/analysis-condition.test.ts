// Argo's measurement rules (utils/evaluate EvaluateResult) and condition syntax, through Jexl.
import { describe, expect, it } from 'vitest';
import { conditionProblem, evalCondition, evaluateResult } from '../../source/domain/analysis-condition';

describe('conditions as Argo writes them', () => {
	it.each([
		['result[0] < 2.5', [1.9], true],
		['result[0] < 2.5', [2.5], false],
		['result[0] >= 0.99 && result[0] <= 1', [0.995], true],
		['result[0] >= 0.99 && result[0] <= 1', [0.98], false],
		['result[0] > 5 || result[1] > 5', [1, 6], true],
		['len(result) == 0', [], true],
		['len(result) == 0', [1], false],
		['isNaN(result[0])', [NaN], true],
		['isInf(result[0])', [Infinity], true],
		['isInf(result[0])', [3], false],
		['result[0] > 1 and not (result[0] > 3)', [2], true],
		['!(result[0] < 1)', [2], true],
		['asInt(result[0]) == 2', [2.7], true],
		['result < 3', 2, true],
	])('%s with %j is %s', (condition, result, expected) => {
		expect(evalCondition(condition, result)).toBe(expected);
	});

	it('an index past the end of an empty vector is an error, as in expr', () => {
		expect(() => evalCondition('result[0] < 2.5', [])).toThrow(/missing value/);
	});

	it('a condition that does not produce a boolean is an error', () => {
		expect(() => evalCondition('result[0] + 1', [1])).toThrow('expected bool, but got number');
	});

	it('names what does not parse', () => {
		expect(conditionProblem('result[0] <')).toMatch(/Unexpected end of expression/);
		expect(conditionProblem('result[0] < 1')).toBeUndefined();
	});
});

describe('one measurement’s phase (ANALYSIS.md table)', () => {
	it.each([
		[{}, 'Successful'],
		[{ successCondition: 'result[0] < 1' }, 'Successful'],
		[{ successCondition: 'result[0] > 1' }, 'Failed'],
		[{ failureCondition: 'result[0] < 1' }, 'Failed'],
		[{ failureCondition: 'result[0] > 1' }, 'Successful'],
		[{ successCondition: 'result[0] < 1', failureCondition: 'result[0] < 1' }, 'Failed'],
		[{ successCondition: 'result[0] < 1', failureCondition: 'result[0] > 1' }, 'Successful'],
		[{ successCondition: 'result[0] > 1', failureCondition: 'result[0] > 1' }, 'Inconclusive'],
	])('%j on [0.5] → %s', (conditions, phase) => {
		expect(evaluateResult([0.5], conditions)).toBe(phase);
	});
});
