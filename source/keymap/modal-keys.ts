// Keys while a prompt or dialog is open: the filter, the command line, the scale dialog, the
// confirmation of a destructive action and the help overlay each take keys their own way.
import type { ActionPlan } from '../domain/action';
import type { ObjectRef } from '../domain/k8s';
import type { Store } from '../store/store';
import type { Mode } from '../store/ui-state';
import { logFilterKey } from './log-filter';
import { editText, parseReplicas } from './text-entry';

/** The help overlay's wrapped length and the rows it has, both in lines. */
export interface HelpSize {
	lines: number;
	room: number;
}

export interface ModalActions {
	store: Store;
	runCommandLine(text: string): void;
	scaleTo(target: ObjectRef, replicas: number): void;
	execute(plan: ActionPlan): void;
	pageSize(): number;
	helpSize(): HelpSize;
}

/** The help's first shown line after moving `delta` lines from `scroll`, kept within its length. */
export function scrollHelp(scroll: number, delta: number, size: HelpSize): number {
	const last = Math.max(0, size.lines - size.room);
	return Math.max(0, Math.min(last, Math.min(scroll, last) + delta));
}

/** Handles a key in a modal mode; `name` is the key's name, `input` the text it typed. */
export function handleModalKey(mode: Exclude<Mode, { kind: 'normal' }>, name: string, input: string, actions: ModalActions): void {
	const { store } = actions;
	const close = (extra: Parameters<Store['updateUi']>[0] = {}) => store.updateUi({ mode: { kind: 'normal' }, ...extra });
	switch (mode.kind) {
		case 'filter': {
			const outcome = editText(mode.text, name, input);
			if (store.ui.focus === 'logs') return logFilterKey(store, outcome);
			if (outcome.kind === 'cancel') return close({ filter: '' });
			if (outcome.kind === 'submit') return close();
			return store.updateUi({ mode: { kind: 'filter', text: outcome.text }, filter: outcome.text });
		}
		case 'command': {
			const outcome = editText(mode.text, name, input);
			if (outcome.kind === 'cancel') return close();
			if (outcome.kind === 'submit') {
				close();
				return actions.runCommandLine(outcome.text);
			}
			return store.updateUi({ mode: { kind: 'command', text: outcome.text } });
		}
		case 'scale': {
			const outcome = editText(mode.text, name, input);
			if (outcome.kind === 'cancel') return close();
			if (outcome.kind === 'edit') return store.updateUi({ mode: { ...mode, text: outcome.text, error: undefined } });
			const parsed = parseReplicas(outcome.text);
			if (!parsed.ok) return store.updateUi({ mode: { ...mode, error: parsed.error } });
			close();
			return actions.scaleTo(mode.target, parsed.replicas);
		}
		case 'confirm':
			if (name === 'y' || name === 'Y' || name === 'enter') {
				close();
				return actions.execute(mode.plan);
			}
			if (name === 'n' || name === 'N' || name === 'escape' || name === 'q') {
				return store.flash(`cancelled: ${mode.plan.summary}`, 'info', { mode: { kind: 'normal' } });
			}
			return;
		case 'help': {
			const page = actions.pageSize();
			const moves: Record<string, number> = {
				down: 1,
				j: 1,
				up: -1,
				k: -1,
				pagedown: page,
				'ctrl+d': page,
				pageup: -page,
				'ctrl+u': -page,
				G: Infinity,
				end: Infinity,
				g: -Infinity,
				home: -Infinity,
			};
			if (name in moves) return store.updateUi({ mode: { kind: 'help', scroll: scrollHelp(mode.scroll, moves[name], actions.helpSize()) } });
			if (name === '?' || name === 'escape' || name === 'q') return close();
		}
	}
}
