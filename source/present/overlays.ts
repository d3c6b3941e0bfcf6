// Overlays drawn over the panes: the help generated from the keymap, the confirmation of a
// destructive action, and the scale dialog.
import { commandsFor, SCOPE_TITLES, type KeyContext, type Scope } from '../keymap/commands';
import { COMMAND_LINE_VERBS, verbUsage } from '../keymap/command-line';
import { keysLabel } from '../keymap/keys';
import type { HelpSize } from '../keymap/modal-keys';
import type { UiState } from '../store/ui-state';
import { lineLength, seg, wrapLine, type Line } from './styled';

export interface OverlayVM {
	title: string;
	lines: Line[];
	/** Border tone: destructive confirmations stand out. */
	tone: 'border.focus' | 'error' | 'warn';
	/** Outer size of the dialog box, border included. */
	width: number;
	height: number;
}

const MIN_WIDTH = 50;
/** Width of the help's key column: the longest key list or command-line usage and a gap. */
const KEY_COLUMN = 16;
const MAX_WIDTH = 96;
/** A dialog's border and padding take 3 columns and 2 rows. */
const FRAME_COLUMNS = 3;
const FRAME_ROWS = 2;

/** A dialog before it is sized: what it says, and the lines its width is measured on. */
type DialogContent = Omit<OverlayVM, 'width' | 'height'> & {
	/** Every line of a paged dialog, so its box keeps one width while it scrolls (default: `lines`). */
	measured?: Line[];
};

/** Sizes the box to its longest line (within limits) and wraps what is still too long. */
function boxed({ measured, ...vm }: DialogContent, maxWidth: number, maxHeight: number): OverlayVM {
	const longest = Math.max(0, ...(measured ?? vm.lines).map(lineLength));
	const width = Math.min(maxWidth, Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, longest + FRAME_COLUMNS)));
	const wrapped = vm.lines.flatMap((line) => (line.length ? wrapLine(line, width - FRAME_COLUMNS) : [line]));
	const room = maxHeight - FRAME_ROWS;
	// The last line says how to leave the dialog: it stays when the rest is cut.
	const lines = wrapped.length > room ? [...wrapped.slice(0, room - 1), wrapped[wrapped.length - 1]] : wrapped;
	return { ...vm, lines, width, height: lines.length + FRAME_ROWS };
}

/** The help's lines, wrapped to `width`: the keymap's commands by scope, then the command line's verbs. */
function helpLines(ui: UiState, ctx: KeyContext, width: number): Line[] {
	const lines: Line[] = ui.readonly ? [[seg('Read-only mode: actions that change the cluster are switched off.', 'warn')], []] : [];
	const scopes = Object.keys(SCOPE_TITLES) as Scope[];
	for (const scope of scopes) {
		const commands = commandsFor(ui.readonly).filter((c) => c.scope === scope);
		if (commands.length === 0) continue;
		if (lines.length && lines[lines.length - 1].length) lines.push([]);
		lines.push([seg(SCOPE_TITLES[scope], 'accent', true)]);
		for (const command of commands) {
			const reason = command.disabledReason?.(ctx);
			lines.push([
				seg(`  ${keysLabel(command).padEnd(KEY_COLUMN)}`, 'accent', true),
				seg(command.title, reason ? 'muted' : undefined),
				...(reason ? [seg(`  (${reason})`, 'muted')] : []),
			]);
		}
	}
	lines.push([], [seg('Command line (:)', 'accent', true)]);
	for (const verb of COMMAND_LINE_VERBS) lines.push([seg(`  ${verbUsage(verb).padEnd(KEY_COLUMN)}`, 'accent', true), seg(verb.title)]);
	// Wrapped before paging, so scrolling reaches every line.
	return lines.flatMap((line) => (line.length ? wrapLine(line, width) : [line]));
}

/** The body a dialog has on a screen of `columns` x `rows`: the panes' area less the dialog's frame. */
function dialogRoom(columns: number, rows: number): { width: number; height: number } {
	return { width: Math.min(columns, MAX_WIDTH) - FRAME_COLUMNS, height: rows - 3 - FRAME_ROWS };
}

/** How long the help is and how many of its lines fit: the keymap keeps the help's scroll within it. */
export function helpSize(ui: UiState, ctx: KeyContext): HelpSize {
	const { width, height } = dialogRoom(ui.viewport.columns, ui.viewport.rows);
	return { lines: helpLines(ui, ctx, width).length, room: Math.max(1, height - 1) };
}

function buildHelp(ui: UiState, ctx: KeyContext, width: number, height: number, scroll: number): DialogContent {
	const wrapped = helpLines(ui, ctx, width);
	const room = Math.max(1, height - 1);
	// The keymap keeps the scroll within the help; a terminal that grew since may show more.
	const start = Math.min(scroll, Math.max(0, wrapped.length - room));
	const shown = wrapped.slice(start, start + room);
	shown.push([seg(`↑↓ PgUp PgDn scroll · ? or Esc close${wrapped.length > room ? ` · ${start + 1}–${start + shown.length} of ${wrapped.length}` : ''}`, 'muted')]);
	return { title: 'Keys', lines: shown, tone: 'border.focus', measured: [...wrapped, shown[shown.length - 1]] };
}

/** The open dialog, if any, sized for a body of `width` x `height`. */
export function buildOverlay(ui: UiState, ctx: KeyContext, context: string): OverlayVM | undefined {
	const { columns, rows } = ui.viewport;
	const room = dialogRoom(columns, rows);
	const vm = overlayContent(ui, ctx, context, room.width, room.height);
	return vm && boxed(vm, columns, rows - 3);
}

function overlayContent(ui: UiState, ctx: KeyContext, context: string, width: number, height: number): DialogContent | undefined {
	const { mode } = ui;
	if (mode.kind === 'help') return buildHelp(ui, ctx, width, height, mode.scroll);
	if (mode.kind === 'confirm') {
		const { plan } = mode;
		const target = plan.action.target;
		return {
			title: `Confirm ${plan.action.kind}`,
			tone: plan.destructive ? 'error' : 'warn',
			lines: [
				[seg('context    ', 'muted'), seg(context, undefined, true)],
				...(target.namespace === undefined ? [] : [[seg('namespace  ', 'muted'), seg(target.namespace, undefined, true)]]),
				[seg(`${target.kind.toLowerCase().padEnd(11)}`, 'muted'), seg(target.name, undefined, true)],
				[],
				[seg(plan.summary, plan.destructive ? 'error' : 'warn', true)],
				[],
				[seg('y', 'accent', true), seg(' / Enter confirm    '), seg('n', 'accent', true), seg(' / Esc cancel')],
			],
		};
	}
	if (mode.kind === 'scale') {
		return {
			title: 'Scale',
			tone: 'warn',
			lines: [
				[seg('scale ', 'muted'), seg(`${mode.target.kind.toLowerCase()} ${mode.target.namespace}/${mode.target.name}`, undefined, true), seg(` (${mode.current} now) to:`, 'muted')],
				...(mode.warning ? [[seg(`⚠ ${mode.warning}`, 'warn')]] : []),
				[seg('› ', 'accent', true), seg(mode.text, undefined, true), seg('█', 'accent')],
				mode.error ? [seg(mode.error, 'error')] : [seg('a whole number from 0 to 1000', 'muted')],
				[],
				[seg('Enter', 'accent', true), seg(' scale    '), seg('Esc', 'accent', true), seg(' cancel')],
			],
		};
	}
	return undefined;
}
