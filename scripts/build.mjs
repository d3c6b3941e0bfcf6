// Bundles the CLI into one file (dist/cli.js): a bundle starts in about half the time of tsc output.
// --if-stale skips the build when dist/cli.js is newer than every source file.
import { chmodSync, existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { bundleOptions } from './bundle-options.mjs';

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

await build(bundleOptions({ entry: 'source/cli/index.tsx', outfile, shebang: true }));
chmodSync(outfile, 0o755);
