// `rolltop sim …`: parse its command line, then print the usage or serve.
import { parseSimCommand, SIM_SERVE_HELP } from './sim-serve-flags';
import { runSimServe } from './sim-serve';

export async function simCommand(argv: string[]): Promise<void> {
	const command = parseSimCommand(argv);
	if (command.help) {
		process.stdout.write(SIM_SERVE_HELP.replace(/^\n/, ''));
		return;
	}
	await runSimServe(command.options);
}
