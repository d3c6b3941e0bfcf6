// esbuild options shared by the shipped CLI bundle and the benchmarks, so both run the same code:
// production React, no devtools, Ink's incremental renderer fixed (ink-log-update-fix.mjs) and its
// output caches kept from one frame to the next (ink-output-cache.mjs).
import { inkLogUpdateFix } from './ink-log-update-fix.mjs';
import { inkOutputCache } from './ink-output-cache.mjs';

// Ink imports react-devtools-core only when DEV=true; the shipped CLI never needs it.
const stubDevtools = {
	name: 'stub-react-devtools',
	setup(b) {
		b.onResolve({ filter: /^react-devtools-core$/ }, () => ({ path: 'react-devtools-core', namespace: 'stub' }));
		b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: 'export default { initialize() {}, connectToDevTools() {} };' }));
	},
};

/**
 * `outfile` bundles everything into one file (benchmarks); `outdir` splits what is loaded on demand
 * (the live cluster stack, `sim serve`) into chunks, so a console on the simulator does not parse them.
 */
export function bundleOptions({ entry, outfile, outdir, shebang = false }) {
	const output = outdir
		? { entryPoints: [{ in: entry, out: 'cli' }], outdir, splitting: true, chunkNames: 'chunks/[name]-[hash]' }
		: { entryPoints: [entry], outfile };
	return {
		...output,
		bundle: true,
		platform: 'node',
		format: 'esm',
		target: 'node20',
		jsx: 'automatic',
		define: { 'process.env.NODE_ENV': '"production"' },
		banner: {
			js: `${shebang ? '#!/usr/bin/env node\n' : ''}import { createRequire as __rolltopRequire } from 'node:module';\nconst require = __rolltopRequire(import.meta.url);`,
		},
		plugins: [stubDevtools, inkLogUpdateFix, inkOutputCache],
		legalComments: 'none',
		logLevel: 'warning',
	};
}
