// The README's table of the exact PromQL each preset runs (generated, like the key table).
import { PRESET_NAMES, PRESETS, presetFreshnessQuery, presetQueries } from './presets';

export function queryTableMarkdown(window = '1m'): string {
	const rows = ['| preset | value | PromQL (window `' + window + '`) |', '|---|---|---|'];
	for (const name of PRESET_NAMES) {
		const queries = { ...presetQueries(name, window), live: presetFreshnessQuery(name) };
		for (const [key, expr] of Object.entries(queries)) {
			rows.push(`| ${name} (${PRESETS[name].title}) | ${key} | \`${String(expr).replaceAll('|', '\\|')}\` |`);
		}
	}
	return rows.join('\n');
}
