import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../source/package-root';
import { defaultThemeName, listThemes, loadTheme } from '../../source/theme/load-theme';
import { COLOR_TOKENS, isMono } from '../../source/theme/theme';

describe('themes', () => {
	it('ships dark, light, high-contrast and mono, all valid against the schema', () => {
		expect(listThemes()).toEqual(expect.arrayContaining(['dark', 'light', 'high-contrast', 'mono']));
		for (const name of listThemes()) {
			// By path, so the schema is checked (bundled themes are trusted when loaded by name).
			const theme = loadTheme(join(packageRoot(), 'themes', `${name}.json`));
			expect(Object.keys(theme.colors).sort()).toEqual([...COLOR_TOKENS].sort());
		}
		expect(isMono(loadTheme('mono'))).toBe(true);
		expect(isMono(loadTheme('dark'))).toBe(false);
	});

	it('NO_COLOR selects mono', () => {
		expect(defaultThemeName({ NO_COLOR: '1' })).toBe('mono');
		expect(defaultThemeName({})).toBe('dark');
	});

	it('explains a bad theme in one line naming the problem', () => {
		const dir = mkdtempSync(join(tmpdir(), 'rolltop-theme-'));
		const bad = join(dir, 'bad.json');
		writeFileSync(bad, JSON.stringify({ ...loadTheme('dark'), colors: { ...loadTheme('dark').colors, ok: 'not-a-colour' } }));
		expect(() => loadTheme(bad)).toThrow(/theme .*bad\.json: field colors\.ok: must match pattern/);
		const broken = join(dir, 'broken.json');
		writeFileSync(broken, '{ nope');
		expect(() => loadTheme(broken)).toThrow(/not valid JSON/);
		expect(() => loadTheme('neon')).toThrow("unknown theme 'neon' (available: dark, high-contrast, light, mono)");
		expect(() => loadTheme(join(dir, 'missing.json'))).toThrow(/theme file not found/);
	});
});
