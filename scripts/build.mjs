// Bundles the CLI (dist/cli.js): a bundle starts in about half the time of tsc output. What only
// some commands need (the live cluster stack, `sim serve`) goes to chunks in dist/chunks, loaded on
// demand. --if-stale skips the build when dist/cli.js is newer than every source file.
import { chmodSync, existsSync, readdirSync, rmSync, statSync } from 'node:fs';
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

// Chunk names carry a content hash: old chunks would only pile up.
rmSync('dist', { recursive: true, force: true });
await build(bundleOptions({ entry: 'source/cli/index.tsx', outdir: 'dist', shebang: true }));
chmodSync(outfile, 0o755);
