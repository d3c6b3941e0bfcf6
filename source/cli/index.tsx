// rolltop's entry point: parse flags, then run the console or `sim serve`.
import { parseFlags } from './flags';
import { failUsage } from './usage-error';

async function main(): Promise<void> {
	const cli = parseFlags(process.argv.slice(2));
	const [verb, sub] = cli.input;
	try {
		if (verb === 'sim' && sub === 'serve') {
			const { serveFromFlags } = await import('./serve-command');
			return await serveFromFlags(cli.flags);
		}
		if (verb !== undefined) failUsage(`unknown command '${cli.input.join(' ')}' (try: rolltop --help)`);
		const { runConsole } = await import('./run-console');
		await runConsole(cli.flags);
	} catch (error) {
		// Every expected problem (bad flag, file, name, unreachable cluster) is one line and exit 2.
		if (cli.flags.debug) console.error(error);
		failUsage((error as Error).message);
	}
}

void main();
