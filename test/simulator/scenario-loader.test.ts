import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../source/package-root';
import { createSimulator, listScenarios, loadScenario, ScenarioError } from '../../source/sources/simulator';
import { parseScenario } from '../../source/sources/simulator/scenario-loader';

const dir = mkdtempSync(join(tmpdir(), 'rolltop-scenarios-'));

function file(name: string, text: string): string {
	const path = join(dir, name);
	writeFileSync(path, text);
	return path;
}

function errorOf(run: () => unknown): ScenarioError {
	try {
		run();
	} catch (error) {
		expect(error).toBeInstanceOf(ScenarioError);
		expect((error as Error).message).not.toContain('\n');
		return error as ScenarioError;
	}
	throw new Error('expected a ScenarioError');
}

describe('scenario loader', () => {
	it('lists and loads every bundled scenario', () => {
		const names = listScenarios();
		expect(names).toEqual(expect.arrayContaining(['default', 'canary-pass', 'crashloop-canary', 'gpu-memory-pressure', 'traffic-spike']));
		expect(names).not.toContain('schema');
		for (const name of names) expect(loadScenario(name).name).toBe(name);
	});

	it('every bundled scenario is valid against the schema (they are trusted at start-up)', () => {
		for (const name of listScenarios()) {
			const file = join(packageRoot(), 'fixtures', 'scenarios', `${name}.json`);
			expect(() => parseScenario(readFileSync(file, 'utf8'), file)).not.toThrow();
		}
	});

	it('the default scenario has ≥ 4 nodes × 8 GPUs and 20–60 replicas of all three strategies', () => {
		const scenario = loadScenario('default');
		const sim = createSimulator(scenario);
		const nodes = sim.store.list('Node');
		expect(nodes.length).toBeGreaterThanOrEqual(4);
		expect(nodes.every((n) => n.kind === 'Node' && Number(n.status?.capacity?.['nvidia.com/gpu']) >= 8)).toBe(true);
		const replicas = scenario.workloads.reduce((n, w) => n + w.replicas, 0);
		expect(replicas).toBeGreaterThanOrEqual(20);
		expect(replicas).toBeLessThanOrEqual(60);
		expect(new Set(scenario.workloads.map((w) => w.strategy))).toEqual(new Set(['canary', 'blueGreen', 'rolling']));
	});

	it('reads a path as is', () => {
		const path = file('mine.json', JSON.stringify({ ...loadScenario('canary-pass'), name: 'mine' }));
		expect(loadScenario(path).name).toBe('mine');
	});

	it('malformed JSON names the file and the line', () => {
		const path = file('broken.json', '{\n  "name": "x",\n  "description": \n}');
		const error = errorOf(() => loadScenario(path));
		expect(error.message).toMatch(/broken\.json: malformed JSON at line 4, column 1/);
	});

	it('a schema violation names the file, the field and what was expected', () => {
		const scenario = loadScenario('default');
		const bad = structuredClone(scenario) as unknown as { workloads: Array<Record<string, unknown>> };
		bad.workloads[1].replicas = 'six';
		expect(errorOf(() => loadScenario(file('bad-replicas.json', JSON.stringify(bad)))).message).toMatch(
			/bad-replicas\.json: workloads\[1\]\.replicas must be of type integer$/,
		);
		const missing = structuredClone(scenario) as unknown as { workloads: Array<Record<string, unknown>> };
		delete missing.workloads[0].strategy;
		expect(errorOf(() => loadScenario(file('missing.json', JSON.stringify(missing)))).message).toMatch(/missing\.json: workloads\[0\]\.strategy is required$/);
		const strategy = structuredClone(scenario) as unknown as { workloads: Array<Record<string, unknown>> };
		strategy.workloads[2].strategy = 'linear';
		expect(errorOf(() => loadScenario(file('strategy.json', JSON.stringify(strategy)))).message).toMatch(
			/workloads\[2\]\.strategy must be one of canary, blueGreen, rolling$/,
		);
		const product = structuredClone(scenario);
		product.workloads[0].gpuProduct = 'NVIDIA-B200';
		expect(errorOf(() => loadScenario(file('product.json', JSON.stringify(product)))).message).toMatch(/workloads\[0\]\.gpuProduct "NVIDIA-B200" matches no node pool/);
	});

	const withPause = (duration: unknown) => {
		const scenario = structuredClone(loadScenario('canary-pass')) as unknown as { workloads: Array<{ canary?: { steps: Array<Record<string, unknown>> } }> };
		const i = scenario.workloads.findIndex((w) => w.canary);
		const steps = scenario.workloads[i].canary!.steps;
		const j = steps.findIndex((step) => step.pause);
		steps[j] = { pause: { duration } };
		return { text: JSON.stringify(scenario), field: `workloads[${i}].canary.steps[${j}].pause.duration` };
	};

	it.each([
		['5d', 'must be seconds or a duration such as 500ms, 90s, 1m or 1h30m (unknown unit "d" in duration "5d")'],
		['1h30', 'must be seconds or a duration such as 500ms, 90s, 1m or 1h30m (missing unit in duration "1h30")'],
		['soon', 'must be seconds or a duration such as 500ms, 90s, 1m or 1h30m (invalid duration "soon")'],
		['-1m', 'must not be negative (got "-1m")'],
		[-5, 'must not be negative (got -5)'],
	])('a pause duration of %j names the field and what is wrong', (duration, problem) => {
		const { text, field } = withPause(duration);
		const path = file('bad-pause.json', text);
		expect(errorOf(() => loadScenario(path)).message).toBe(`${path}: ${field} ${problem}`);
	});

	it.each([[45], ['45'], ['1h30m'], ['2m3.5s'], ['500ms']])('a pause duration of %j loads', (duration) => {
		const { text } = withPause(duration);
		expect(() => loadScenario(file('good-pause.json', text))).not.toThrow();
	});

	it.each([
		[{ minReplicas: 9, maxReplicas: 4, targetRequestsPerReplica: 8 }, 'workloads[0].autoscaler.minReplicas (9) must not exceed maxReplicas (4)'],
		[{ minReplicas: 2, maxReplicas: 4 }, 'workloads[0].autoscaler.targetRequestsPerReplica is required'],
		[{ minReplicas: 0, maxReplicas: 4, targetRequestsPerReplica: 8 }, 'workloads[0].autoscaler.minReplicas must be >= 1'],
	])('a malformed autoscaler %j is one line naming the field', (autoscaler, problem) => {
		const scenario = structuredClone(loadScenario('traffic-spike')) as unknown as { workloads: Array<Record<string, unknown>> };
		scenario.workloads[0].autoscaler = autoscaler;
		const path = file('bad-hpa.json', JSON.stringify(scenario));
		expect(errorOf(() => loadScenario(path)).message).toBe(`${path}: ${problem}`);
	});

	it('an unknown load-balancing policy is one line naming the field and the policies', () => {
		const scenario = structuredClone(loadScenario('slow-replica')) as unknown as { workloads: Array<Record<string, unknown>> };
		scenario.workloads[0].loadBalancing = 'random';
		const path = file('bad-lb.json', JSON.stringify(scenario));
		expect(errorOf(() => loadScenario(path)).message).toBe(`${path}: workloads[0].loadBalancing must be one of round-robin, least-request, weighted`);
	});

	it('an unknown name lists the available scenarios', () => {
		const error = errorOf(() => loadScenario('nope'));
		expect(error.message).toBe(`unknown scenario "nope" (available: ${listScenarios().join(', ')})`);
	});
});

describe('scenario loader, JSON errors', () => {
	it.each([
		['{"name": "x",}', 1, 14],
		['{\n  "name": "x"\n  "description": "y"\n}', 3, 3],
		['{"name": "x"', 1, 13],
	])('reports %j at line %i, column %i on one line', (text, line, column) => {
		const path = file(`case-${line}-${column}.json`, text);
		const error = errorOf(() => loadScenario(path));
		expect(error.message).toContain(`: malformed JSON at line ${line}, column ${column}: `);
	});
});

describe('scenario analysis templates', () => {
	const base = () => JSON.parse(readFileSync(join(packageRoot(), 'fixtures', 'scenarios', 'analysis-fail.json'), 'utf8'));
	const metric = (s: { analysisTemplates: Array<{ spec: { metrics: Array<Record<string, unknown>> } }> }) => s.analysisTemplates[0].spec.metrics[0];

	it('a condition that does not parse is one line naming the field', () => {
		const s = base();
		metric(s).successCondition = 'result[0] <';
		const error = errorOf(() => loadScenario(file('bad-condition.json', JSON.stringify(s))));
		expect(error.message).toMatch(/analysisTemplates\[0\]\.spec\.metrics\[0\]\.successCondition does not parse: Unexpected end of expression/);
	});

	it.each([
		['interval', '10 seconds', /metrics\[0\]\.interval must be a duration like "30s", not "10 seconds"/],
		['failureLimit', 'one', /metrics\[0\]\.failureLimit must be an integer/],
	])('a bad %s is named', (field, value, message) => {
		const s = base();
		metric(s)[field] = value;
		expect(errorOf(() => loadScenario(file(`bad-${field}.json`, JSON.stringify(s)))).message).toMatch(message);
	});

	it('a template that is not defined is named where it is used', () => {
		const s = base();
		s.workloads[0].canary.steps[2].analysis.templates[0].templateName = 'nope';
		expect(errorOf(() => loadScenario(file('missing-template.json', JSON.stringify(s)))).message).toMatch(
			/workloads\[0\]\.canary\.steps\[2\]\.analysis\.templates\[0\]\.templateName "nope" matches no analysisTemplates entry in namespace llm-serving$/,
		);
	});
});
