// Turning what Ink reports for a key press into the key names the keymap uses, and back into labels.
import type { Command } from './commands';

export interface InkKey {
	upArrow?: boolean;
	downArrow?: boolean;
	leftArrow?: boolean;
	rightArrow?: boolean;
	pageUp?: boolean;
	pageDown?: boolean;
	home?: boolean;
	end?: boolean;
	return?: boolean;
	escape?: boolean;
	ctrl?: boolean;
	shift?: boolean;
	tab?: boolean;
	backspace?: boolean;
	delete?: boolean;
}

export function keyName(input: string, key: InkKey): string {
	if (key.upArrow) return 'up';
	if (key.downArrow) return 'down';
	if (key.leftArrow) return 'left';
	if (key.rightArrow) return 'right';
	if (key.pageUp) return 'pageup';
	if (key.pageDown) return 'pagedown';
	if (key.home) return 'home';
	if (key.end) return 'end';
	if (key.return) return 'enter';
	if (key.escape) return 'escape';
	if (key.tab) return key.shift ? 'shift+tab' : 'tab';
	if (key.backspace || key.delete) return 'backspace';
	if (key.ctrl && input) return `ctrl+${input.toLowerCase()}`;
	return input;
}

const LABELS: Record<string, string> = {
	up: '↑',
	down: '↓',
	left: '←',
	right: '→',
	' ': 'Space',
	pageup: 'PgUp',
	pagedown: 'PgDn',
	home: 'Home',
	end: 'End',
	enter: 'Enter',
	escape: 'Esc',
	tab: 'Tab',
	'shift+tab': 'Shift-Tab',
};

export function keyLabel(name: string): string {
	if (LABELS[name]) return LABELS[name];
	if (name.startsWith('ctrl+')) return `Ctrl-${name.slice(5).toUpperCase()}`;
	return name;
}

export function keysLabel(command: Command): string {
	return command.keys.map(keyLabel).join(' ');
}

const CONTROL_KEYS: Record<string, InkKey> = { '\t': { tab: true }, '\r': { return: true }, '\n': { return: true }, '\x7f': { backspace: true }, '\b': { backspace: true } };

/**
 * Ink hands over a burst of plain keys (typed fast, or a held key) as one string: split it into
 * single key presses. Printable text stays whole, since the text fields take pastes.
 */
export function splitKeys(input: string, key: InkKey, acceptsText: boolean): Array<{ input: string; key: InkKey }> {
	if (input.length <= 1 || (acceptsText && /^[\x20-\x7e]+$/.test(input))) return [{ input, key }];
	if (input.startsWith('\x1b')) return [{ input, key }];
	return [...input].map((char) => {
		const control = CONTROL_KEYS[char];
		if (control) return { input: '', key: control };
		const code = char.charCodeAt(0);
		return code < 32 ? { input: String.fromCharCode(code + 96), key: { ctrl: true } } : { input: char, key: {} };
	});
}
