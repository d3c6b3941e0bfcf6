// A real terminal emulator in memory (xterm.js headless) for checking what a screen would show:
// independent of rolltop's own screen model, so it can judge the cell writer.
import { Unicode11Addon } from '@xterm/addon-unicode11';
import { Terminal, type IBufferCell } from '@xterm/headless';

/** "6": xterm.js's default widths (emoji one column); "11": widths of current terminals (emoji two). */
export type UnicodeVersion = '6' | '11';

export class XtermScreen {
	private readonly terminal: Terminal;

	constructor(columns: number, rows: number, unicode: UnicodeVersion) {
		// convertEol: the tty driver's ONLCR (kept in raw mode) turns "\n" into "\r\n" before a terminal sees it.
		this.terminal = new Terminal({ cols: columns, rows, convertEol: true, allowProposedApi: true, scrollback: 0 });
		this.terminal.loadAddon(new Unicode11Addon());
		this.terminal.unicode.activeVersion = unicode;
		// The console draws on the alternate screen (source/cli/terminal.ts); writes are parsed in order.
		this.terminal.write('\x1b[?1049h\x1b[H');
	}

	get columns(): number {
		return this.terminal.cols;
	}

	get rows(): number {
		return this.terminal.rows;
	}

	/** Resolves once xterm has parsed `data` (its writes are asynchronous). */
	write(data: string): Promise<void> {
		return new Promise((resolve) => this.terminal.write(data, resolve));
	}

	resize(columns: number, rows: number): void {
		this.terminal.resize(columns, rows);
	}

	/** The visible rows' text, trailing blanks trimmed. */
	text(): string[] {
		const buffer = this.terminal.buffer.active;
		return Array.from({ length: this.rows }, (_, y) => buffer.getLine(buffer.viewportY + y)?.translateToString(true) ?? '');
	}

	/** Every visible cell as "row:column chars width attributes", for a cell-by-cell comparison. */
	cells(): string[][] {
		const buffer = this.terminal.buffer.active;
		const scratch = buffer.getNullCell();
		return Array.from({ length: this.rows }, (_, y) => {
			const line = buffer.getLine(buffer.viewportY + y);
			return Array.from({ length: this.columns }, (_, x) => {
				const cell = line?.getCell(x, scratch);
				return `${y + 1}:${x + 1} ${cell ? describe(cell) : 'missing'}`;
			});
		});
	}

	dispose(): void {
		this.terminal.dispose();
	}
}

function describe(cell: IBufferCell): string {
	const chars = cell.getChars() || ' ';
	const flags = [
		cell.isBold() && 'bold',
		cell.isDim() && 'dim',
		cell.isItalic() && 'italic',
		cell.isUnderline() && 'underline',
		cell.isBlink() && 'blink',
		cell.isInverse() && 'inverse',
		cell.isInvisible() && 'invisible',
		cell.isStrikethrough() && 'strike',
		cell.isOverline() && 'overline',
	].filter(Boolean);
	const colour = (mode: number, value: number) => (mode === 0 ? 'default' : `${mode.toString(16)}/${value.toString(16)}`);
	return `${JSON.stringify(chars)} w${cell.getWidth()} fg=${colour(cell.getFgColorMode(), cell.getFgColor())} bg=${colour(cell.getBgColorMode(), cell.getBgColor())} ${flags.join(',')}`.trimEnd();
}
