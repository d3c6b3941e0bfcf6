// Validates config.yaml against its schema and turns the first problem into one line that names
// the field and what was expected.
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { CONFIG_SCHEMA, type ConfigFile } from './schema';

// Compiled on first use: most starts have no config file, and compiling costs tens of milliseconds.
let compiled: ValidateFunction<ConfigFile> | undefined;
function validateSchema(data: unknown): data is ConfigFile {
	if (!compiled) {
		const ajv = new Ajv({ allErrors: false, verbose: true, strict: true });
		ajv.addKeyword({ keyword: 'x-expected', schemaType: 'string' });
		compiled = ajv.compile<ConfigFile>(CONFIG_SCHEMA);
	}
	return compiled(data);
}

/** "/prometheus/presets/1" → "prometheus.presets[1]" (JSON pointer escapes undone). */
export function fieldName(pointer: string): string {
	return pointer
		.split('/')
		.slice(1)
		.map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
		.reduce((path, part) => (/^[0-9]+$/.test(part) ? `${path}[${part}]` : path ? `${path}.${part}` : part), '');
}

function join(path: string, key: string): string {
	return path ? `${path}.${key}` : key;
}

function expected(error: ErrorObject): string {
	const custom = (error.parentSchema as { 'x-expected'?: string } | undefined)?.['x-expected'];
	const params = error.params as Record<string, unknown>;
	switch (error.keyword) {
		case 'enum':
			return `one of ${(params.allowedValues as unknown[]).join(', ')}`;
		case 'type':
			return custom ?? (params.type === 'object' ? 'a mapping' : `a ${params.type}`);
		case 'minimum':
			return `a number >= ${params.limit}`;
		default:
			return custom ?? (error.message ?? 'a valid value');
	}
}

/** The first problem as "field: what was wrong", or undefined when the content is valid. */
export function describeInvalid(content: unknown): string | undefined {
	if (validateSchema(content)) return undefined;
	const error = compiled!.errors![0];
	const field = fieldName(error.instancePath);
	const params = error.params as Record<string, string>;
	if (error.propertyName !== undefined) {
		return `${join(field, error.propertyName)}: expected ${expected(error)}`;
	}
	if (error.keyword === 'additionalProperties') {
		const known = Object.keys((error.parentSchema as { properties?: object }).properties ?? {});
		return `${join(field, params.additionalProperty)}: unknown field (expected one of ${known.join(', ')})`;
	}
	if (error.keyword === 'required') return `${join(field, params.missingProperty)}: missing (expected a number)`;
	return `${field || '(top level)'}: expected ${expected(error)}`;
}
