// Reading and validating theme files (themes/*.json against themes/schema.json).
import { InputError } from '../domain/input-error';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Ajv } from 'ajv';
import { packageRoot } from '../package-root';
import type { Theme } from './theme';

export class ThemeError extends InputError {}

function themesDir(): string {
	return join(packageRoot(), 'themes');
}

export function listThemes(): string[] {
	return readdirSync(themesDir())
		.filter((file) => file.endsWith('.json') && file !== 'schema.json')
		.map((file) => basename(file, '.json'))
		.sort();
}

let validator: ReturnType<Ajv['compile']> | undefined;

function validate(data: unknown): string | null {
	validator ??= new Ajv({ allErrors: false }).compile(JSON.parse(readFileSync(join(themesDir(), 'schema.json'), 'utf8')));
	if (validator(data)) return null;
	const error = validator.errors?.[0];
	if (!error) return 'invalid theme';
	const field = error.instancePath ? error.instancePath.slice(1).replaceAll('/', '.') : '(top level)';
	const extra = error.params && 'additionalProperty' in error.params ? ` '${error.params.additionalProperty}'` : '';
	return `field ${field}: ${error.message}${extra}`;
}

/** A bare name is one of the bundled themes; anything with a slash or .json is a file path. */
export function loadTheme(nameOrPath: string): Theme {
	const isPath = nameOrPath.includes('/') || nameOrPath.endsWith('.json');
	const file = isPath ? nameOrPath : join(themesDir(), `${nameOrPath}.json`);
	if (!existsSync(file)) {
		if (isPath) throw new ThemeError(`theme file not found: ${file}`);
		throw new ThemeError(`unknown theme '${nameOrPath}' (available: ${listThemes().join(', ')})`);
	}
	let data: unknown;
	try {
		data = JSON.parse(readFileSync(file, 'utf8'));
	} catch (error) {
		throw new ThemeError(`theme ${file}: not valid JSON (${(error as Error).message})`);
	}
	// Bundled themes are validated by the test suite; only theme files users bring are checked here.
	const problem = isPath ? validate(data) : null;
	if (problem) throw new ThemeError(`theme ${file}: ${problem}`);
	return data as Theme;
}

/** NO_COLOR (https://no-color.org) selects mono unless a theme is asked for explicitly. */
export function defaultThemeName(env: NodeJS.ProcessEnv): string {
	return env.NO_COLOR ? 'mono' : 'dark';
}
