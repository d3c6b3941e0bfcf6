// Strict command lines for rolltop's subcommands (node:util parseArgs): a typo, a missing value or a
// flag of another command is one line and exit code 2, naming the command and where its usage is.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './usage-error';

type Options = NonNullable<ParseArgsConfig['options']>;

export function tryHelp(command: string): string {
	return `(try: rolltop ${command} --help)`;
}

function flagErrorMessage(command: string, error: NodeJS.ErrnoException): string {
	const flag = /'([^']+)'/.exec(error.message)?.[1];
	const hint = tryHelp(command);
	if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown flag '${flag}' for ${command} ${hint}`;
	if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return `${/'(--?[\w-]+)/.exec(error.message)?.[1] ?? 'a flag'} needs a value ${hint}`;
	return `unexpected argument '${flag ?? error.message.split('\n')[0]}' for ${command} ${hint}`;
}

/** Parses `argv` (after the command's name) against `options`; throws UsageError. */
export function parseCommandLine<const T extends Options>(command: string, argv: string[], options: T) {
	try {
		return parseArgs({ args: argv, allowPositionals: true, strict: true, options });
	} catch (error) {
		throw new UsageError(flagErrorMessage(command, error as NodeJS.ErrnoException));
	}
}

/** At most `max` positionals; the rest is one line naming the first extra one. */
export function positionalsAtMost(command: string, positionals: string[], max: number): string[] {
	if (positionals.length > max) throw new UsageError(`unexpected argument '${positionals[max]}' for ${command} ${tryHelp(command)}`);
	return positionals;
}

/** Printed usage text: the help constants start with a newline for meow's layout. */
export function printUsage(text: string): void {
	process.stdout.write(text.replace(/^\n/, ''));
}
