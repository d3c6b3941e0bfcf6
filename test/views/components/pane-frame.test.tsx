// The pane frame around each kind of pane (PaneBody): the title set into the top border, the focus
// marker, the rounded border at exactly the pane's width and height, content cut inside it.
import chalk from 'chalk';
import { afterEach, describe, expect, it } from 'vitest';
import { objectKey } from '../../../source/domain/k8s';
import { DEFAULT_THRESHOLDS } from '../../../source/domain/thresholds';
import { buildScreen, type PaneVM } from '../../../source/present/screen';
import { seg } from '../../../source/present/styled';
import type { PaneId, UiState } from '../../../source/store/ui-state';
import { loadTheme } from '../../../source/theme/load-theme';
import { PaneBody } from '../../../source/views/pane';
import { sceneStore } from '../../helpers/fixture-store';
import { cleanup, renderComponent, withStyles } from '../../helpers/render-component';

afterEach(cleanup);

/** The pane `id` as the screen builder makes it for a 100x30 terminal (the wide layout). */
function pane(id: PaneId, ui: Partial<UiState> = {}): PaneVM {
	const store = sceneStore();
	store.updateUi({ viewport: { columns: 100, rows: 30 }, ...ui });
	const screen = buildScreen({ snapshot: store.getSnapshot(), source: { kind: 'simulated', label: 'sim:default' }, thresholds: DEFAULT_THRESHOLDS, chartSlotMs: 5000 });
	const vm = screen.panes[id];
	if (!vm) throw new Error(`no ${id} pane at 100x30`);
	return vm;
}

const lines = (vm: PaneVM) => renderComponent(<PaneBody vm={vm} />).lines();

/** A pane of hand-made lines. */
function linesPane(title: string, width: number, height: number, texts: string[], focused = false): PaneVM {
	return { kind: 'lines', title, focused, width, height, lines: texts.map((text) => [seg(text)]) };
}

describe('pane frame', () => {
	it('a focused table pane: ▸ and the title in the top border, rows inside, blank rows down to its height', () => {
		expect(lines(pane('workloads'))).toEqual([
			'╭─ ▸ Workloads [3] ──────────────────────────────────────╮',
			'│STATUS        NAME               STRATEGY   STEP   READY│',
			'│✖ Degraded    llama-3-70b        canary      0/8     5/5│',
			'│॥ Paused      qwen2-72b          canary      3/7     8/8│',
			'│◌ Progressing embedder           rolling       —     4/4│',
			'│                                                        │',
			'│                                                        │',
			'╰────────────────────────────────────────────────────────╯',
		]);
	});

	it('an unfocused lines pane: the title without the marker', () => {
		expect(lines(pane('rollout', { workloadKey: objectKey('Rollout', 'llm', 'qwen2-72b') }))).toEqual([
			'╭─ Rollout · qwen2-72b ──────────────────╮',
			'│॥ Paused  canary  llm                   │',
			'│step 3/7 · weight set 25% · actual 25%  │',
			// rolltop's own verdict comes before what the rollout waits for; the revisions are cut here.
			'│verdict ? p99 not enough data (no       │',
			'│canary samples) · failed checks 0/5     │',
			'│waiting: paused: 40s left               │',
			'│8 desired · 2 updated · 8 ready · 8     │',
			'│available                               │',
			'│CanaryPauseStep                         │',
			'╰────────────────────────────────────────╯',
		]);
	});

	it('a chart pane: the legend line, then the plot', () => {
		expect(lines(pane('chart'))).toEqual([
			'╭─ p99 latency · llama-3-70b ────────────╮',
			'│━ stable 1.3s  ┅ canary —   c: next met…│',
			'│  1.28s┤                           ╭──  │',
			'│  1.21s┤                      ╭────╯    │',
			'│  1.14s┤                 ╭────╯         │',
			'│  1.06s┤            ╭────╯              │',
			'│  985ms┤       ╭────╯                   │',
			'│  910ms┤  ╭────╯                        │',
			'│  835ms┼──╯                             │',
			'│                                        │',
			'╰────────────────────────────────────────╯',
		]);
	});

	it('the full-width events pane takes all 100 columns', () => {
		const drawn = lines(pane('events'));
		expect(drawn).toEqual([
			'╭─ Events & actions [3] ───────────────────────────────────────────────────────────────────────────╮',
			'│  AGE TYPE     REASON             OBJECT                   MESSAGE                                │',
			'│  20s ✖ Action abort              by tester                forbidden: user cannot patch rollouts/…│',
			'│  30s Warning  Failed             pod/llama-3…7c8b94-9wf5r Failed to pull image "vllm/vllm-openai…│',
			'│  10m Normal   RolloutUpdated     rollout/llama-3-70b      Rollout updated to revision 31         │',
			'╰──────────────────────────────────────────────────────────────────────────────────────────────────╯',
		]);
		for (const line of drawn) expect(line).toHaveLength(100);
	});

	it('a title longer than the top border is cut and the corner stays', () => {
		expect(lines(linesPane('Replicas · llama-3-1-70b-instruct-long [1–20 of 140]', 30, 3, ['x'], true))).toEqual([
			'╭─ ▸ Replicas · llama-3-1-70─╮',
			'│x                           │',
			'╰────────────────────────────╯',
		]);
	});

	it('a line wider than the pane ends with … at the border', () => {
		expect(lines(linesPane('Rollout', 20, 3, ['waiting: paused (CanaryPauseStep)']))).toEqual([
			'╭─ Rollout ────────╮',
			'│waiting: paused (…│',
			'╰──────────────────╯',
		]);
	});

	it('content taller than the pane is cut at the bottom, every line it keeps in order', () => {
		const texts = Array.from({ length: 8 }, (_, i) => `step ${i + 1}`);
		expect(lines(linesPane('Rollout', 20, 6, texts))).toEqual([
			'╭─ Rollout ────────╮',
			'│step 1            │',
			'│step 2            │',
			'│step 3            │',
			'│step 4            │',
			'╰──────────────────╯',
		]);
	});

	describe('styles', () => {
		withStyles();

		it('the focused title is bold, an unfocused one is not', () => {
			expect(renderComponent(<PaneBody vm={linesPane('Rollout', 20, 3, [], true)} />).raw().split('\n')[0]).toMatch(/^╭─\x1b\[1m ▸ Rollout \x1b\[22m─+╮$/);
			expect(renderComponent(<PaneBody vm={linesPane('Rollout', 20, 3, [])} />).raw()).not.toContain('\x1b[1m');
		});

		it('in a colour theme the focused border takes border.focus, an unfocused one border', () => {
			const { colors } = loadTheme('dark');
			const opening = (hex: string) => chalk.hex(hex)('·').split('·')[0];
			const focused = renderComponent(<PaneBody vm={linesPane('Rollout', 20, 3, [], true)} />, 'dark').raw().split('\n');
			const unfocused = renderComponent(<PaneBody vm={linesPane('Rollout', 20, 3, [])} />, 'dark').raw().split('\n');
			expect(opening(colors['border.focus'])).not.toBe(opening(colors.border));
			for (const line of focused) expect(line.startsWith(opening(colors['border.focus']))).toBe(true);
			for (const line of unfocused) expect(line.startsWith(opening(colors.border))).toBe(true);
		});
	});
});
