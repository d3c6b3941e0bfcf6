// Loads a TypeScript bench module (there is no tsx): esbuild bundles it with the project sources it
// imports, as the shipped CLI is bundled (production React, no devtools), into node_modules/.cache
// — inside the package, so packageRoot() still finds themes/ and fixtures/.
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const CACHE_DIR = resolve('node_modules/.cache/rolltop-bench');

const stubDevtools = {
	name: 'stub-react-devtools',
	setup(b) {
		b.onResolve({ filter: /^react-devtools-core$/ }, () => ({ path: 'react-devtools-core', namespace: 'stub' }));
		b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: 'export default { initialize() {}, connectToDevTools() {} };' }));
	},
};

export async function importTypeScript(entry) {
	mkdirSync(CACHE_DIR, { recursive: true });
	const outfile = join(CACHE_DIR, `bench-${process.pid}-${Date.now()}.mjs`);
	await build({
		entryPoints: [entry],
		outfile,
		bundle: true,
		platform: 'node',
		format: 'esm',
		target: 'node20',
		jsx: 'automatic',
		define: { 'process.env.NODE_ENV': '"production"' },
		banner: { js: "import { createRequire as __benchRequire } from 'node:module';\nconst require = __benchRequire(import.meta.url);" },
		plugins: [stubDevtools],
		logLevel: 'warning',
	});
	try {
		return await import(pathToFileURL(outfile).href);
	} finally {
		rmSync(outfile, { force: true });
	}
}
