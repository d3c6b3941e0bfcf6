// Overlays drawn over the panes: the help generated from the keymap, the confirmation of a
// destructive action, and the scale dialog.
import { commandsFor, SCOPE_TITLES, type KeyContext, type Scope } from '../keymap/commands';
import { keysLabel } from '../keymap/keys';
import type { UiState } from '../store/ui-state';
import { seg, type Line } from './styled';

export interface OverlayVM {
	title: string;
	lines: Line[];
	/** Border tone: destructive confirmations stand out. */
	tone: 'border.focus' | 'error' | 'warn';
}

export function buildHelp(ui: UiState, ctx: KeyContext, height: number, scroll: number): OverlayVM {
	const lines: Line[] = [];
	const scopes = Object.keys(SCOPE_TITLES) as Scope[];
	for (const scope of scopes) {
		const commands = commandsFor(ui.readonly).filter((c) => c.scope === scope);
		if (commands.length === 0) continue;
		if (lines.length) lines.push([]);
		lines.push([seg(SCOPE_TITLES[scope], 'accent', true)]);
		for (const command of commands) {
			const reason = command.disabledReason?.(ctx);
			lines.push([
				seg(`  ${keysLabel(command).padEnd(14)}`, 'accent', true),
				seg(command.title, reason ? 'muted' : undefined),
				...(reason ? [seg(`  (${reason})`, 'muted')] : []),
			]);
		}
	}
	if (ui.readonly) lines.push([], [seg('Read-only mode: actions that change the cluster are switched off.', 'warn')]);
	const room = Math.max(1, height - 1);
	const start = Math.min(scroll, Math.max(0, lines.length - room));
	const shown = lines.slice(start, start + room);
	shown.push([seg(`↑↓ scroll · ? or Esc close${lines.length > room ? ` · ${start + 1}–${start + shown.length} of ${lines.length}` : ''}`, 'muted')]);
	return { title: 'Keys', lines: shown, tone: 'border.focus' };
}

export function buildOverlay(ui: UiState, ctx: KeyContext, context: string, height: number): OverlayVM | undefined {
	const { mode } = ui;
	if (mode.kind === 'help') return buildHelp(ui, ctx, height, mode.scroll);
	if (mode.kind === 'confirm') {
		const { plan } = mode;
		const target = plan.action.target;
		return {
			title: `Confirm ${plan.action.kind}`,
			tone: plan.destructive ? 'error' : 'warn',
			lines: [
				[seg('context   ', 'muted'), seg(context, undefined, true)],
				[seg('namespace ', 'muted'), seg(target.namespace ?? '', undefined, true)],
				[seg(`${target.kind.toLowerCase().padEnd(10)}`, 'muted'), seg(target.name, undefined, true)],
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
				[seg(`${ctx.workloadKind?.toLowerCase() ?? 'workload'} has ${mode.current} replicas. New count:`)],
				[seg('› ', 'accent', true), seg(mode.text, undefined, true), seg('█', 'accent')],
				mode.error ? [seg(mode.error, 'error')] : [seg('a whole number from 0 to 1000', 'muted')],
				[],
				[seg('Enter', 'accent', true), seg(' scale    '), seg('Esc', 'accent', true), seg(' cancel')],
			],
		};
	}
	return undefined;
}
