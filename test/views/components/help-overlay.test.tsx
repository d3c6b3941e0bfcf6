// The help overlay alone: the keymap's commands by section and the command line's verbs, paged to
// the terminal's height, with how to scroll and leave as its last line.
import { afterEach, describe, expect, it } from 'vitest';
import { keyContextOf } from '../../../source/keymap/key-context';
import { buildOverlay, helpSize } from '../../../source/present/overlays';
import { Overlay } from '../../../source/views/overlay';
import { fixtureStore } from '../../helpers/fixture-store';
import { cleanup, renderComponent } from '../../helpers/render-component';

afterEach(cleanup);

/** The help, scrolled by `scroll`, on a 100x30 terminal with the paused canary selected. */
function help(scroll: number, readonly = false) {
	const store = fixtureStore(['canary-timed-pause']);
	store.updateUi({ viewport: { columns: 100, rows: 30 }, mode: { kind: 'help', scroll }, readonly });
	const snapshot = store.getSnapshot();
	const ctx = keyContextOf(snapshot, true);
	const vm = buildOverlay(snapshot.ui, ctx, 'sim:default');
	if (!vm) throw new Error('no help overlay');
	return { vm, size: helpSize(snapshot.ui, ctx), element: <Overlay vm={vm} width={vm.width} height={vm.height} /> };
}

describe('help overlay', () => {
	it('a page of the keymap by section, each key column aligned, the box as wide as the help’s longest line', () => {
		const { vm, size, element } = help(0);
		const lines = renderComponent(element).lines();
		expect(lines).toHaveLength(vm.height);
		expect(lines.slice(0, 10)).toEqual([
			'╭─ ▸ Keys ────────────────────────────────────────────────────────────────────────────────────╮',
			'│ General                                                                                     │',
			'│   ?               Show or hide this help                                                    │',
			'│   q Ctrl-C        Quit                                                                      │',
			'│   :               Command line (its commands are listed below)                              │',
			'│   /               Filter the focused list (in the logs: a regular expression)               │',
			'│   Esc             Close dialog, clear filter, leave a view, back to workloads               │',
			'│                                                                                             │',
			'│ Navigation                                                                                  │',
			'│   Tab             Next pane                                                                 │',
		]);
		expect(lines.slice(-2)).toEqual([
			`│ ${`↑↓ PgUp PgDn scroll · ? or Esc close · 1–${size.room} of ${size.lines}`.padEnd(vm.width - 3)}│`,
			`╰${'─'.repeat(vm.width - 2)}╯`,
		]);
		for (const line of lines.slice(1, -1)) expect(line).toMatch(new RegExp(`^│.{${vm.width - 2}}│$`, 'u'));
	});

	it('a key that cannot act now says why, wrapped at a space inside the box', () => {
		const lines = renderComponent(help(0).element).lines();
		const resume = lines.findIndex((line) => line.startsWith('│   r '));
		expect(lines.slice(resume, resume + 2)).toEqual([
			'│   r               Resume (Deployments; Rollouts resume with P)  (paused — press P to        │',
			'│ promote/resume)                                                                             │',
		]);
	});

	it('scrolled, the page starts further down, the position follows and the box keeps its width', () => {
		const first = renderComponent(help(0).element);
		const top = first.lines();
		const { size, element } = help(7);
		first.rerender(element);
		const scrolled = first.lines();
		expect(scrolled[1]).toBe(top[8]);
		expect(scrolled[1].startsWith('│ Navigation ')).toBe(true);
		// Sized to the whole help, not to the page shown, the box keeps its width while it scrolls.
		expect(scrolled[0]).toBe(top[0]);
		expect(scrolled.at(-2)).toContain(`· 8–${7 + size.room} of ${size.lines}`);
	});

	it('read-only: a warning first, and no key that changes the cluster', () => {
		const { size, element } = help(0, true);
		const lines = renderComponent(element).lines();
		expect(lines.slice(0, 4)).toEqual([
			'╭─ ▸ Keys ────────────────────────────────────────────────────────────────────────────────────╮',
			'│ Read-only mode: actions that change the cluster are switched off.                           │',
			'│                                                                                             │',
			'│ General                                                                                     │',
		]);
		expect(size.lines).toBeLessThan(help(0).size.lines);
		expect(lines.join('\n')).not.toMatch(/Promote|Abort|Scale/);
	});
});
