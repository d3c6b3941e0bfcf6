// Loads a TypeScript bench module (there is no tsx): esbuild bundles it with the project sources it
// imports with the shipped CLI's options (scripts/bundle-options.mjs), into node_modules/.cache
// — inside the package, so packageRoot() still finds themes/ and fixtures/.
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { bundleOptions } from '../../scripts/bundle-options.mjs';

const CACHE_DIR = resolve('node_modules/.cache/rolltop-bench');

export async function importTypeScript(entry) {
	mkdirSync(CACHE_DIR, { recursive: true });
	const outfile = join(CACHE_DIR, `bench-${process.pid}-${Date.now()}.mjs`);
	await build(bundleOptions({ entry, outfile }));
	try {
		return await import(pathToFileURL(outfile).href);
	} finally {
		rmSync(outfile, { force: true });
	}
}
