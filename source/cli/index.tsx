// rolltop's entry point: parse flags, then run the console or `sim serve`.
import { InputError } from '../domain/input-error';
import { parseFlags } from './flags';
import { restoreTerminal } from './terminal';
import { failUsage, UsageError } from './usage-error';

async function main(): Promise<void> {
	const cli = parseFlags(process.argv.slice(2));
	const [verb, sub] = cli.input;
	try {
		if (verb === 'sim' && sub === 'serve') {
			const { serveFromFlags } = await import('./serve-command');
			return await serveFromFlags(cli.flags);
		}
		if (verb !== undefined) throw new UsageError(`unknown command '${cli.input.join(' ')}' (try: rolltop --help)`);
		// Ink draws only a final frame when CI is set (is-in-ci, read when Ink loads, i.e. on the import
		// below); an interactive console in a terminal always wants live frames.
		if (process.stdout.isTTY) delete process.env.CI;
		const { runConsole } = await import('./run-console');
		await runConsole(cli.flags);
	} catch (error) {
		restoreTerminal();
		// Problems with what the user gave us: one line and exit code 2. Anything else is a bug.
		if (error instanceof InputError) failUsage(error.message);
		const detail = cli.flags.debug ? ((error as Error).stack ?? String(error)) : `${(error as Error).message ?? error} (run with --debug for details)`;
		process.stderr.write(`rolltop: internal error: ${detail}\n`);
		process.exit(1);
	}
}

void main();
