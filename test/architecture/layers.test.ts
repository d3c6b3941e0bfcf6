// DESIGN §3's one rule, enforced: imports only point down/inward.
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../source/package-root';
import { importGraph } from './import-graph';
import { ALLOWED, EXCEPTIONS, layerOf, violations } from './layers';

const graph = importGraph(packageRoot());

describe('layers', () => {
	it('reads a real graph: static, type-only and dynamic imports are all seen', () => {
		expect(graph.length).toBeGreaterThan(200);
		// run-console loads the live stack lazily with import(); the checker must still see it.
		expect(graph).toContainEqual({ file: 'source/cli/sources.ts', imports: 'source/sources/kubernetes/index.ts' });
		expect(graph.some((e) => e.file.startsWith('source/views/') && e.imports.startsWith('source/present/'))).toBe(true);
	});

	it('every file belongs to a layer the rule knows', () => {
		const unknown = [...new Set(graph.flatMap((e) => [e.file, e.imports]).map(layerOf))].filter((layer) => !(layer in ALLOWED));
		expect(unknown).toEqual([]);
	});

	it('no import breaks the rule', () => {
		expect(violations(graph)).toEqual([]);
	});

	it('only the entry point imports views', () => {
		expect(graph.filter((e) => e.imports.startsWith('source/views/') && !e.file.startsWith('source/views/') && layerOf(e.file) !== 'cli')).toEqual([]);
	});

	it('fails on a forbidden edge: a view calling a source, a source reaching into the store, domain importing anything', () => {
		const forbidden = [
			{ file: 'source/views/app.tsx', imports: 'source/sources/kubernetes/index.ts' },
			{ file: 'source/sources/simulator/engine.ts', imports: 'source/store/store.ts' },
			{ file: 'source/domain/rollout.ts', imports: 'source/present/format.ts' },
			{ file: 'source/keymap/controller.ts', imports: 'source/present/screen.ts' },
			{ file: 'source/store/store.ts', imports: 'source/keymap/commands.ts' },
		];
		expect(violations([...graph, ...forbidden]).map((v) => `${v.from} → ${v.to}`)).toEqual([
			'views → sources/kubernetes',
			'sources/simulator → store',
			'domain → present',
			'keymap → present',
			'store → keymap',
		]);
	});

	it('every exception is used, so none outlives its reason', () => {
		for (const exception of EXCEPTIONS) {
			expect(graph.some((e) => layerOf(e.file) === exception.from && layerOf(e.imports) === exception.to), `${exception.from} → ${exception.to}`).toBe(true);
		}
	});
});
