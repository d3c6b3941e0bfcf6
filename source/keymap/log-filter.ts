// The `/` prompt in the log pane: a case-insensitive regular expression, applied as it is typed
// when it compiles; an invalid one is shown as such and the last valid filter stays.
import { filterError } from '../store/log-view';
import type { Store } from '../store/store';
import type { TextOutcome } from './text-entry';

export function logFilterKey(store: Store, outcome: TextOutcome): void {
	const view = store.ui.logs;
	if (!view) return store.updateUi({ mode: { kind: 'normal' } });
	if (outcome.kind === 'cancel') return store.updateUi({ mode: { kind: 'normal' }, logs: { ...view, filter: '', anchor: undefined } });
	const error = filterError(outcome.text) ?? undefined;
	if (outcome.kind === 'submit') {
		if (error) return store.flash(`invalid filter /${outcome.text}/ (${error}): kept /${view.filter}/`, 'warn', { mode: { kind: 'normal' } });
		return store.updateUi({ mode: { kind: 'normal' } });
	}
	store.updateUi({ mode: { kind: 'filter', text: outcome.text, error }, logs: error ? view : { ...view, filter: outcome.text, anchor: undefined } });
}
