// The header and footer lines alone: the header's badge, clock and health; the footer's hints and
// prompts, exactly as drawn at 100 columns.
import { afterEach, describe, expect, it } from 'vitest';
import { buildFooter } from '../../../source/present/footer';
import { buildHeader } from '../../../source/present/header';
import type { UiState } from '../../../source/store/ui-state';
import { StyledLine } from '../../../source/views/styled-line';
import { NOW } from '../../domain/fixtures';
import { fixtureStore } from '../../helpers/fixture-store';
import { cleanup, renderComponent, withStyles } from '../../helpers/render-component';

afterEach(cleanup);

const SIM = { kind: 'simulated', label: 'sim:default' } as const;
const LIVE = { kind: 'live', label: 'gpu-prod', scope: 'namespace llm' } as const;

/** A store on the canary fixture, connected, its clock 83 s past the fixtures' noon at ×10. */
function connectedStore() {
	const store = fixtureStore(['canary-timed-pause']);
	store.ingest([{ type: 'connection', state: 'connected' }, { type: 'clock', now: NOW + 83_000, speed: 10 }]);
	return store;
}

describe('header line', () => {
	it('simulated: product, badge, context, simulated clock and speed', () => {
		const header = buildHeader(connectedStore().getSnapshot(), SIM, 100);
		expect(renderComponent(<StyledLine line={header} />).lines()).toEqual([' rolltop  SIMULATED  sim:default  sim 12:01:23 ×10']);
	});

	it('live: the scope, a stale kind while reconnecting, and read-only', () => {
		const store = connectedStore();
		store.ingest([{ type: 'connection', kind: 'Pod', state: 'reconnecting' }]);
		store.updateUi({ readonly: true });
		const header = buildHeader(store.getSnapshot(), LIVE, 100);
		expect(renderComponent(<StyledLine line={header} />).lines()).toEqual([' rolltop  LIVE  gpu-prod · namespace llm  ⚠ reconnecting · stale: Pod  READ-ONLY']);
	});

	it('a metrics problem follows the clock', () => {
		const store = connectedStore();
		store.setMetricsProblem('prometheus unreachable');
		const header = buildHeader(store.getSnapshot(), SIM, 100);
		expect(renderComponent(<StyledLine line={header} />).lines()).toEqual([' rolltop  SIMULATED  sim:default  sim 12:01:23 ×10  ⚠ metrics: prometheus unreachable']);
	});

	it('a header longer than the terminal stays one line, cut with an ellipsis at the last column', () => {
		const store = connectedStore();
		store.ingest([{ type: 'connection', state: 'disconnected', message: 'connect ECONNREFUSED 10.0.0.1:6443 after 5 attempts, retrying' }]);
		const lines = renderComponent(<StyledLine line={buildHeader(store.getSnapshot(), LIVE, 100)} />).lines();
		expect(lines).toEqual([' rolltop  LIVE  gpu-prod · namespace llm  ⚠ disconnected: connect ECONNREFUSED 10.0.0.1:6443 after …']);
		expect(lines[0]).toHaveLength(100);
	});

	describe('styles', () => {
		withStyles();

		it('the source badge is drawn in inverse video, the rest of the line is not', () => {
			const raw = renderComponent(<StyledLine line={buildHeader(connectedStore().getSnapshot(), SIM, 100)} />).raw();
			expect(raw).toMatch(/\x1b\[7m SIMULATED (\x1b\[\d+m)*\x1b\[27m sim:default/);
			expect(raw.match(/\x1b\[7m/g)).toHaveLength(1);
		});
	});
});

describe('footer line', () => {
	const ui = (change: Partial<UiState> = {}): UiState => ({ ...connectedStore().getSnapshot().ui, ...change });
	const footer = (state: UiState, width = 100) => renderComponent(<StyledLine line={buildFooter(state, width)} />).lines();

	it('key hints from the keymap, as many as the width takes', () => {
		expect(footer(ui())).toEqual(['? help  q quit  / filter  Tab pane  P promote  p pause  A abort  s scale  N nodes  a analysis']);
		expect(footer(ui(), 40)).toEqual(['? help  q quit  / filter  Tab pane']);
	});

	it('read-only leaves out the hints of keys that change the cluster', () => {
		expect(footer(ui({ readonly: true }))).toEqual(['? help  q quit  / filter  Tab pane  N nodes  a analysis  c chart  l logs']);
	});

	it('a kept filter comes first', () => {
		expect(footer(ui({ filter: 'qwen' }))).toEqual(['filter /qwen (Esc clears)  ? help  q quit  / filter  Tab pane  P promote  p pause  A abort']);
	});

	it('the prompt of the mode being typed in, or what keys a dialog takes', () => {
		expect(footer(ui({ mode: { kind: 'filter', text: 'qwen' } }))).toEqual(['/qwen█   Enter keep · Esc clear']);
		expect(footer(ui({ mode: { kind: 'command', text: 'scale 3' } }))).toEqual([':scale 3█   Enter run · Esc cancel · try :help']);
		expect(footer(ui({ mode: { kind: 'help', scroll: 0 } }))).toEqual(['↑↓ PgUp PgDn g G scroll · ? or Esc close']);
		expect(footer(ui({ mode: { kind: 'scale', text: '', current: 8, target: { kind: 'Rollout', namespace: 'llm', name: 'qwen2-72b' } } }))).toEqual([
			'type a number · Enter scale · Esc cancel',
		]);
	});

	it('a flash about the last key replaces the hints', () => {
		const flash = { text: '✖ abort rollout llm/qwen2-72b: forbidden', tone: 'error', until: Number.MAX_SAFE_INTEGER } as const;
		expect(footer(ui({ flash }))).toEqual(['✖ abort rollout llm/qwen2-72b: forbidden']);
	});

	describe('styles', () => {
		withStyles();

		it('in mono the keys of the hints are bold, their words are not', () => {
			const raw = renderComponent(<StyledLine line={buildFooter(ui(), 100)} />).raw();
			expect(raw.startsWith('\x1b[1m?\x1b[22m help  \x1b[1mq\x1b[22m quit')).toBe(true);
		});
	});
});
