// Editing the one-line text of the filter, command line and scale dialog.

export type TextOutcome = { kind: 'edit'; text: string } | { kind: 'submit'; text: string } | { kind: 'cancel' };

export function editText(text: string, key: string, input: string): TextOutcome {
	if (key === 'enter') return { kind: 'submit', text };
	if (key === 'escape') return { kind: 'cancel' };
	if (key === 'backspace') return { kind: 'edit', text: text.slice(0, -1) };
	if (key === 'ctrl+u') return { kind: 'edit', text: '' };
	// Printable input only (a paste may bring several characters at once).
	if (input && !key.startsWith('ctrl+') && /^[\x20-\x7e]+$/.test(input)) return { kind: 'edit', text: text + input };
	return { kind: 'edit', text };
}

/** Validates the scale dialog's text: a whole number from 0 to 1000. */
export function parseReplicas(text: string): { ok: true; replicas: number } | { ok: false; error: string } {
	const trimmed = text.trim();
	if (trimmed === '') return { ok: false, error: 'type a number of replicas' };
	if (!/^\d+$/.test(trimmed)) return { ok: false, error: `'${trimmed}' is not a whole number` };
	const replicas = Number(trimmed);
	if (replicas > 1000) return { ok: false, error: `${replicas} is more than 1000 replicas` };
	return { ok: true, replicas };
}
