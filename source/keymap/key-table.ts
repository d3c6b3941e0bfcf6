// The README's key table, generated from the keymap (scripts/readme.mjs writes it; a test fails
// when the README is out of date).
import { COMMANDS, SCOPE_TITLES, type Scope } from './commands';
import { keysLabel } from './keys';

export function keyTableMarkdown(): string {
	const rows = ['| keys | what it does | section | changes the cluster |', '|---|---|---|---|'];
	for (const scope of Object.keys(SCOPE_TITLES) as Scope[]) {
		for (const command of COMMANDS.filter((c) => c.scope === scope)) {
			const keys = keysLabel(command)
				.split(' ')
				.map((k) => `\`${k === '|' ? '\\|' : k}\``)
				.join(' ');
			rows.push(`| ${keys} | ${command.title.replaceAll('|', '\\|')} | ${SCOPE_TITLES[scope]} | ${command.danger ? 'yes (hidden with --readonly)' : ''} |`);
		}
	}
	return rows.join('\n');
}
