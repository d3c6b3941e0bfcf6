// The footer line: key hints generated from the keymap, or the prompt of the mode being typed in,
// or a short-lived message about the last key.
import { commandForKey, commandsFor } from '../keymap/commands';
import { keysLabel } from '../keymap/keys';
import type { UiState } from '../store/ui-state';
import { seg, type Line } from './styled';

/** `suggestion` (e.g. the verdict's advice) leads the key hints when there is no message to show. */
export function buildFooter(ui: UiState, width: number, suggestion: Line = []): Line {
	const { mode, flash } = ui;
	if (mode.kind === 'filter') {
		const help = mode.error ? seg(`   invalid: ${mode.error} (kept /${ui.logs?.filter ?? ''}/)`, 'error') : seg(`   ${ui.focus === 'logs' ? 'regex, any case · ' : ''}Enter keep · Esc clear`, 'muted');
		return [seg('/', 'accent', true), seg(mode.text, mode.error ? 'error' : undefined), seg('█', 'accent'), help];
	}
	if (mode.kind === 'command') return [seg(':', 'accent', true), seg(mode.text), seg('█', 'accent'), seg('   Enter run · Esc cancel · try :help', 'muted')];
	if (mode.kind === 'help') return [seg('↑↓ PgUp PgDn g G scroll · ? or Esc close', 'muted')];
	if (mode.kind === 'confirm') return [seg('y', 'accent', true), seg(' or Enter confirm · ', 'muted'), seg('n', 'accent', true), seg(' or Esc cancel', 'muted')];
	if (mode.kind === 'scale') return [seg('type a number · Enter scale · Esc cancel', 'muted')];
	// The store removes a flash when its deadline passes.
	if (flash) {
		return [seg(flash.text, flash.tone === 'info' ? 'accent' : flash.tone, flash.tone === 'error')];
	}
	const line: Line = [...suggestion];
	let used = suggestion.reduce((n, s) => n + s.text.length, 0);
	if (ui.filter) {
		const text = `filter /${ui.filter} (Esc clears)  `;
		line.push(seg(text, 'accent'));
		used += text.length;
	}
	// Only keys that do this here: a pane's own key hides the global command it shadows.
	for (const command of commandsFor(ui.readonly).filter((c) => c.hint && commandForKey(c.keys[0], ui.focus) === c)) {
		const key = keysLabel(command).split(' ')[0];
		const text = `${key} ${command.hint}  `;
		if (used + text.length > width) break;
		line.push(seg(key, 'accent', true), seg(` ${command.hint}  `, 'muted'));
		used += text.length;
	}
	return line;
}
