// The `:` command line: parsing and help text. What each verb does lives with the controller.

export interface CommandLineVerb {
	name: string;
	aliases: string[];
	args: string;
	title: string;
}

export const COMMAND_LINE_VERBS: readonly CommandLineVerb[] = [
	{ name: 'quit', aliases: ['q', 'q!', 'quit'], args: '', title: 'quit' },
	{ name: 'theme', aliases: ['theme'], args: 'NAME', title: 'switch colour theme' },
	{ name: 'scenario', aliases: ['scenario', 'sc'], args: 'NAME', title: 'restart the simulator on another scenario' },
	{ name: 'speed', aliases: ['speed'], args: 'X', title: 'simulator clock speed (0 freezes)' },
	{ name: 'ctx', aliases: ['ctx', 'context'], args: 'NAME', title: 'switch Kubernetes context' },
	{ name: 'ns', aliases: ['ns', 'namespace'], args: 'NAME|all', title: 'switch namespace' },
	{ name: 'help', aliases: ['help', 'h'], args: '', title: 'list these commands' },
];

export function parseCommandLine(text: string): { verb?: CommandLineVerb; word: string; args: string[] } {
	const [word = '', ...args] = text.trim().split(/\s+/);
	const verb = COMMAND_LINE_VERBS.find((v) => v.aliases.includes(word.toLowerCase()));
	return { verb, word, args };
}

export function commandLineHelp(): string {
	return COMMAND_LINE_VERBS.map((v) => `:${v.aliases[0]}${v.args ? ` ${v.args}` : ''}`).join('  ');
}
