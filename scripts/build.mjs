// Bundles the CLI into one file (dist/cli.js): a bundle starts in about half the time of tsc output.
// --if-stale skips the build when dist/cli.js is newer than every source file.
import { chmodSync, existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { inkLogUpdateFix } from './ink-log-update-fix.mjs';

const outfile = 'dist/cli.js';

function newestMtime(dir) {
	let newest = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
	}
	return newest;
}

if (process.argv.includes('--if-stale') && existsSync(outfile)) {
	const inputs = Math.max(newestMtime('source'), statSync('package.json').mtimeMs);
	if (statSync(outfile).mtimeMs >= inputs) process.exit(0);
}

// Ink imports react-devtools-core only when DEV=true; the shipped CLI never needs it.
const stubDevtools = {
	name: 'stub-react-devtools',
	setup(b) {
		b.onResolve({ filter: /^react-devtools-core$/ }, () => ({ path: 'react-devtools-core', namespace: 'stub' }));
		b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: 'export default { initialize() {}, connectToDevTools() {} };' }));
	},
};

await build({
	entryPoints: ['source/cli/index.tsx'],
	outfile,
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	jsx: 'automatic',
	define: { 'process.env.NODE_ENV': '"production"' },
	banner: { js: "#!/usr/bin/env node\nimport { createRequire as __rolltopRequire } from 'node:module';\nconst require = __rolltopRequire(import.meta.url);" },
	plugins: [stubDevtools, inkLogUpdateFix],
	legalComments: 'none',
	logLevel: 'warning',
});
chmodSync(outfile, 0o755);
