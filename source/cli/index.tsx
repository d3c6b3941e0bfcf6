// rolltop's entry point: parse flags, then run the console or `sim serve`.
import { InputError } from '../domain/input-error';
import { parseFlags } from './flags';
import { restoreTerminal } from './terminal';
import { failUsage, UsageError } from './usage-error';

/** Runs a command; problems with what the user gave us are one line and exit code 2, anything else is a bug. */
async function run(debug: boolean, command: () => Promise<void>): Promise<void> {
	try {
		await command();
	} catch (error) {
		restoreTerminal();
		if (error instanceof InputError) failUsage(error.message);
		const detail = debug ? ((error as Error).stack ?? String(error)) : `${(error as Error).message ?? error} (run with --debug for details)`;
		process.stderr.write(`rolltop: internal error: ${detail}\n`);
		process.exit(1);
	}
}

async function main(): Promise<void> {
	const argv = process.argv.slice(2);
	// `sim` has its own command line (flags, usage text); meow parses only the console's.
	if (argv[0] === 'sim') {
		return run(argv.includes('--debug'), async () => {
			const { simCommand } = await import('./serve-command');
			await simCommand(argv.slice(1));
		});
	}
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
