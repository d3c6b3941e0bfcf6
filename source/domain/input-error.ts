// A problem with what the user gave rolltop (a flag, a file, a name): reported as one line with
// exit code 2, never as a crash. Each loader's error class extends it.
export class InputError extends Error {}
