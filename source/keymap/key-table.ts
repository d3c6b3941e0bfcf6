// The README's key table, generated from the keymap (scripts/readme.mjs writes it; a test fails
// when the README is out of date).
import { COMMANDS, SCOPE_TITLES, type Scope } from './commands';
import { COMMAND_LINE_VERBS, verbUsage } from './command-line';
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

/** The README's table of `:` commands, generated from the command line's verbs. */
export function commandLineTableMarkdown(): string {
	const rows = ['| command | what it does |', '|---|---|'];
	for (const verb of COMMAND_LINE_VERBS) {
		const aliases = verb.aliases.slice(1).filter((a) => a !== verb.aliases[0]);
		const also = aliases.length ? ` (also ${aliases.map((a) => `\`:${a}\``).join(', ')})` : '';
		rows.push(`| \`${verbUsage(verb).replaceAll('|', '\\|')}\` | ${verb.title}${also} |`);
	}
	return rows.join('\n');
}
