// rolltop's entry point: parse flags, then run the console or one of the commands.
import { InputError } from '../domain/input-error';
import { parseFlags } from './flags';
import { restoreTerminal } from './terminal';
import { failUsage, UsageError } from './usage-error';

/** Runs a command; problems with what the user gave us are one line and exit code 2, anything else is a bug. */
async function run(debug: boolean, command: () => Promise<number | void>): Promise<void> {
	let code: number | void;
	try {
		code = await command();
	} catch (error) {
		restoreTerminal();
		if (error instanceof InputError) failUsage(error.message);
		const detail = debug ? ((error as Error).stack ?? String(error)) : `${(error as Error).message ?? error} (run with --debug for details)`;
		process.stderr.write(`rolltop: internal error: ${detail}\n`);
		process.exit(1);
	}
	if (typeof code === 'number') process.exit(code);
}

/** Commands with a command line of their own (flags, usage text); meow parses only the console's. */
const COMMANDS: Record<string, () => Promise<{ default: (argv: string[]) => Promise<number | void> }>> = {
	sim: async () => ({ default: (await import('./serve-command')).simCommand }),
	get: async () => ({ default: (await import('./get-command')).getCommand }),
	record: async () => ({ default: (await import('./record-command')).recordCommand }),
	replay: async () => ({ default: (await import('./replay-command')).replayCommand }),
	status: async () => ({ default: (await import('./status-command')).statusCommand }),
};

async function main(): Promise<void> {
	const argv = process.argv.slice(2);
	const command = COMMANDS[argv[0]];
	if (command) return run(argv.includes('--debug'), async () => (await command()).default(argv.slice(1)));
	const cli = parseFlags(argv);
	return run(cli.flags.debug, async () => {
		if (cli.input.length) throw new UsageError(`unknown command '${cli.input.join(' ')}' (try: rolltop --help)`);
		// Ink draws only a final frame when CI is set (is-in-ci, read when Ink loads, i.e. on the import
		// below); an interactive console in a terminal always wants live frames.
		if (process.stdout.isTTY) delete process.env.CI;
		const { runConsole } = await import('./run-console');
		await runConsole(cli.flags);
	});
}

void main();
