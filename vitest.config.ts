import { defineConfig } from 'vitest/config';
// @ts-expect-error plain JavaScript build helper without type declarations
import { inkLogUpdateFixVite } from './scripts/ink-log-update-fix.mjs';
// @ts-expect-error plain JavaScript build helper without type declarations
import { inkOutputCacheVite } from './scripts/ink-output-cache.mjs';

export default defineConfig({
	plugins: [inkLogUpdateFixVite, inkOutputCacheVite],
	// Inlined Ink ships source maps pointing at files it does not publish; vite would warn for each.
	logLevel: 'error',
	test: {
		include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
		environment: 'node',
		testTimeout: 20_000,
		hookTimeout: 60_000,
		// Ink goes through the transform pipeline so the renderer patches apply in tests too; is-in-ci is
		// loaded per test file so a test can ask for live frames (test/helpers/live-frames.ts).
		server: { deps: { inline: ['ink', 'is-in-ci'] } },
	},
});
