// An error in what the user gave us (flag, file, name): one line, exit code 2, no stack trace.
import { InputError } from '../domain/input-error';
export class UsageError extends InputError {}

export const USAGE_EXIT_CODE = 2;

export function failUsage(message: string): never {
	process.stderr.write(`rolltop: ${message}\n`);
	process.exit(USAGE_EXIT_CODE);
}
