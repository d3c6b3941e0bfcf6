// The dialogs alone (Overlay): the confirmation of a destructive action and the scale prompt, built
// by the overlay builder from the dialog's mode, centred in the body they are drawn over.
import chalk from 'chalk';
import { afterEach, describe, expect, it } from 'vitest';
import { refOf } from '../../../source/domain/k8s';
import { planAction } from '../../../source/domain/plan-action';
import { keyContextOf } from '../../../source/keymap/key-context';
import { parseReplicas } from '../../../source/keymap/text-entry';
import { buildOverlay, type OverlayVM } from '../../../source/present/overlays';
import type { Mode } from '../../../source/store/ui-state';
import { loadTheme } from '../../../source/theme/load-theme';
import { Overlay } from '../../../source/views/overlay';
import { NOW, rolloutFixture } from '../../domain/fixtures';
import { fixtureStore } from '../../helpers/fixture-store';
import { cleanup, renderComponent, withStyles } from '../../helpers/render-component';

afterEach(cleanup);

const { ro, replicaSets } = rolloutFixture('canary-timed-pause');

function abortMode(): Mode {
	const result = planAction({ kind: 'abort', target: refOf(ro) }, { object: ro, replicaSets, now: NOW });
	if (!result.ok) throw new Error(result.reason);
	return { kind: 'confirm', plan: result.plan };
}

function scaleMode(text: string): Mode {
	const parsed = parseReplicas(text);
	return { kind: 'scale', text, current: 8, target: refOf(ro), error: parsed.ok ? undefined : parsed.error };
}

/** The dialog for `mode` on a terminal of `columns` x `rows`, on the canary fixture's store. */
function dialog(mode: Mode, columns = 100, rows = 30): OverlayVM {
	const store = fixtureStore(['canary-timed-pause']);
	store.updateUi({ viewport: { columns, rows }, mode });
	const vm = buildOverlay(store.getSnapshot().ui, keyContextOf(store.getSnapshot(), true), 'sim:default');
	if (!vm) throw new Error(`no dialog for ${mode.kind}`);
	return vm;
}

describe('dialogs', () => {
	it('the confirmation names context, namespace and object, then what the action does, centred in the body', () => {
		const vm = dialog(abortMode(), 100, 16);
		expect(renderComponent(<Overlay vm={vm} width={100} height={13} />).lines()).toEqual([
			'',
			'',
			'                ╭─ ▸ Confirm abort ────────────────────────────────────────────────╮',
			'                │ context    sim:default                                           │',
			'                │ namespace  llm                                                   │',
			'                │ rollout    qwen2-72b                                             │',
			'                │                                                                  │',
			'                │ abort rollout llm/qwen2-72b: all traffic back to stable 6c8f7d9b5│',
			'                │                                                                  │',
			'                │ y / Enter confirm    n / Esc cancel                              │',
			'                ╰──────────────────────────────────────────────────────────────────╯',
			'',
			'',
		]);
	});

	it('on a 60-column terminal the dialog takes the whole width and wraps what does not fit', () => {
		const vm = dialog(abortMode(), 60, 14);
		expect(renderComponent(<Overlay vm={vm} width={60} height={11} />).lines()).toEqual([
			'',
			'╭─ ▸ Confirm abort ────────────────────────────────────────╮',
			'│ context    sim:default                                   │',
			'│ namespace  llm                                           │',
			'│ rollout    qwen2-72b                                     │',
			'│                                                          │',
			'│ abort rollout llm/qwen2-72b: all traffic back to stable  │',
			'│ 6c8f7d9b5                                                │',
			'│                                                          │',
			'│ y / Enter confirm    n / Esc cancel                      │',
			'╰──────────────────────────────────────────────────────────╯',
		]);
	});

	it('the scale prompt: the object and its current count, the typed text with its cursor, the accepted range', () => {
		const vm = dialog(scaleMode('12'));
		expect(renderComponent(<Overlay vm={vm} width={vm.width} height={vm.height} />).lines()).toEqual([
			'╭─ ▸ Scale ──────────────────────────────────────╮',
			'│ scale rollout llm/qwen2-72b (8 now) to:        │',
			'│ › 12█                                          │',
			'│ a whole number from 0 to 1000                  │',
			'│                                                │',
			'│ Enter scale    Esc cancel                      │',
			'╰────────────────────────────────────────────────╯',
		]);
	});

	it('text that is not a count: the reason replaces the range', () => {
		const vm = dialog(scaleMode('12x'));
		expect(renderComponent(<Overlay vm={vm} width={vm.width} height={vm.height} />).lines()).toEqual([
			'╭─ ▸ Scale ──────────────────────────────────────╮',
			'│ scale rollout llm/qwen2-72b (8 now) to:        │',
			'│ › 12x█                                         │',
			"│ '12x' is not a whole number                    │",
			'│                                                │',
			'│ Enter scale    Esc cancel                      │',
			'╰────────────────────────────────────────────────╯',
		]);
	});

	describe('styles', () => {
		withStyles();
		const { colors } = loadTheme('dark');
		const opening = (hex: string) => chalk.hex(hex)('·').split('·')[0];
		const borderOf = (vm: OverlayVM) => renderComponent(<Overlay vm={vm} width={vm.width} height={vm.height} />, 'dark').raw().split('\n');

		it('a destructive confirmation has an error-coloured border, the scale prompt a warning-coloured one', () => {
			expect(opening(colors.error)).not.toBe(opening(colors.warn));
			for (const line of borderOf(dialog(abortMode()))) expect(line.startsWith(opening(colors.error))).toBe(true);
			for (const line of borderOf(dialog(scaleMode('12')))) expect(line.startsWith(opening(colors.warn))).toBe(true);
		});

		it('in mono the keys that answer the dialog are bold', () => {
			const raw = renderComponent(<Overlay vm={dialog(abortMode())} width={100} height={9} />).raw().split('\n');
			expect(raw[7]).toContain('\x1b[1my\x1b[22m / Enter confirm    \x1b[1mn\x1b[22m / Esc cancel');
		});
	});
});
