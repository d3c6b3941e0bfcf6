// The bench script in --quick mode prints one well-formed JSON figure per line for every suite.
// Only the shape is checked: benchmarks are never timed tests.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

interface Figure {
	name: string;
	value: number | null;
	unit: string;
	budget: number | null;
	note?: string;
}

/** One figure name pattern per figure of the acceptance list (and the suites that carry them). */
const EXPECTED = [
	/^first_frame$/,
	/^first_frame\.ratio_to_node$/,
	/^key_latency\.p50\.\d+r$/,
	/^key_latency\.p95\.\d+r$/,
	/^output\.120x40\.incremental$/,
	/^output\.120x40\.full_redraw$/,
	/^output\.120x40\.changed_cells$/,
	/^output\.80x24\.incremental$/,
	/^idle_cpu\./,
	/^rss_peak\.\d+r$/,
	/^k8s\.requests_per_min\.\d+r$/,
	/^prometheus\.queries_per_refresh\.\d+r$/,
	/^output\.120x40\.changed_cells_addressed$/,
	/^live\.first_complete_frame\.\d+pods$/,
	/^live\.key_latency\.p95\.\d+pods$/,
	/^live\.burst\.max_frame_gap\.\d+pods$/,
	/^live\.kubectl_get_pods\.\d+pods$/,
	/^live\.idle_cpu\.\d+pods$/,
	/^live\.rss_peak\.\d+pods$/,
	/^recording\.kb_per_sim_minute$/,
	/^logs\.cpu\.\d+lps$/,
	/^logs\.bytes_per_s\.\d+lps$/,
	/^logs\.key_latency\.p95\.\d+lps$/,
];

const isNumberOrNull = (value: unknown) => value === null || (typeof value === 'number' && Number.isFinite(value));

describe('npm run bench -- --quick --json', () => {
	it('prints every figure as one JSON object per line', async () => {
		const { stdout } = await run(process.execPath, ['bench/run.mjs', '--quick', '--json'], { timeout: 150_000, maxBuffer: 1 << 20 });
		const lines = stdout.trim().split('\n');
		const figures = lines.map((line) => JSON.parse(line) as Figure);
		for (const figure of figures) {
			expect(Object.keys(figure).sort()).toEqual(['budget', 'name', 'unit', 'value', ...(figure.note === undefined ? [] : ['note'])].sort());
			expect(figure.name).toMatch(/^[a-z0-9_.]+$/);
			expect(figure.unit.length).toBeGreaterThan(0);
			expect(isNumberOrNull(figure.value)).toBe(true);
			expect(isNumberOrNull(figure.budget)).toBe(true);
			// A figure without a value must say why.
			if (figure.value === null) expect(figure.note).toMatch(/^not measured: /);
		}
		const names = figures.map((f) => f.name);
		expect(new Set(names).size).toBe(names.length);
		for (const pattern of EXPECTED) expect(names.some((name) => pattern.test(name)), `a figure matching ${pattern}`).toBe(true);
		// In-process figures need nothing but Node: they are always measured.
		for (const figure of figures.filter((f) => /^(key_latency|output|k8s|logs|live\.(first|key|burst))\./.test(f.name))) expect(figure.value, figure.name).not.toBeNull();
	}, 180_000);
});
