// The `:` command line: its verbs, parsing, and running them against the host program.
import type { SimulatorControls } from '../domain/source';
import type { Host } from './host';

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
	{ name: 'ctx', aliases: ['ctx', 'context'], args: '[NAME]', title: 'switch Kubernetes context (no name: list them)' },
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

export interface CommandLineDeps {
	host: Host;
	simulator: () => SimulatorControls | undefined;
	setTheme(name: string): void;
	/** Says how a verb went: an error in red, else the done text. */
	report(error: string | null, done: string): void;
	/** Answers about the old cluster no longer apply after a context or namespace switch. */
	forgetPermissions(): void;
}

/** Runs a `:` command; whatever goes wrong (a kubeconfig that became unreadable, …) is reported, never thrown. */
export async function runCommandLine(text: string, deps: CommandLineDeps): Promise<void> {
	try {
		await runVerb(text, deps);
	} catch (error) {
		deps.report((error as Error).message ?? String(error), '');
	}
}

async function runVerb(text: string, deps: CommandLineDeps): Promise<void> {
	const { verb, word, args } = parseCommandLine(text);
	const { host, report } = deps;
	const fail = (message: string) => report(message, '');
	if (!word) return;
	if (!verb) return fail(`unknown command :${word} — ${commandLineHelp()}`);
	if (verb.args !== '' && !verb.args.startsWith('[') && args.length === 0) return fail(`:${verb.aliases[0]} needs ${verb.args}`);
	switch (verb.name) {
		case 'quit':
			return host.quit();
		case 'help':
			return report(null, commandLineHelp());
		case 'theme':
			return deps.setTheme(args[0]);
		case 'speed': {
			const sim = deps.simulator();
			const speed = Number(args[0]);
			if (!sim) return fail('only the simulator has a clock to change');
			if (!Number.isFinite(speed) || speed < 0 || speed > 100) return fail(`speed must be a number from 0 to 100, not '${args[0]}'`);
			sim.setSpeed(speed);
			return report(null, `simulated clock ×${speed}`);
		}
		case 'scenario':
			if (!host.switchScenario) return fail('scenarios exist only on the simulator');
			return report(host.switchScenario(args[0]), `scenario ${args[0]}`);
		case 'ctx':
			if (!host.switchContext) return fail('no kubeconfig: contexts exist only on live clusters');
			if (args.length === 0) return report(null, `contexts: ${host.listContexts?.().join(', ') ?? '—'}`);
			deps.forgetPermissions();
			return report(await host.switchContext(args[0]), `context ${args[0]}`);
		case 'ns':
			if (!host.switchNamespace) return fail('namespaces can be switched only on live clusters');
			deps.forgetPermissions();
			return report(await host.switchNamespace(args[0]), `namespace ${args[0]}`);
	}
}
