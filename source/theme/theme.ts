// A theme maps semantic tokens to colours; views ask for tokens, never for colour names.

export const COLOR_TOKENS = [
	'text',
	'muted',
	'accent',
	'ok',
	'warn',
	'error',
	'canary',
	'stable',
	'selection',
	'selectionText',
	'border',
	'border.focus',
	'badge',
] as const;

export type ColorToken = (typeof COLOR_TOKENS)[number];

export interface Theme {
	name: string;
	description?: string;
	colors: Record<ColorToken, string>;
	chart: { series: string[] };
}

/** Ink takes `undefined` for "terminal default"; themes say "" for that. */
export function color(theme: Theme, token: ColorToken): string | undefined {
	return theme.colors[token] || undefined;
}

/** Mono themes have no colours at all, so selection and focus fall back to inverse and bold. */
export function isMono(theme: Theme): boolean {
	return Object.values(theme.colors).every((value) => value === '');
}
