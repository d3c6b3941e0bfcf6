import { defineConfig } from 'vitest/config';
// @ts-expect-error plain JavaScript build helper without type declarations
import { inkLogUpdateFixVite } from './scripts/ink-log-update-fix.mjs';

export default defineConfig({
	plugins: [inkLogUpdateFixVite],
	test: {
		include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
		environment: 'node',
		testTimeout: 20_000,
		hookTimeout: 60_000,
		// Ink goes through the transform pipeline so the renderer fix applies in tests too.
		server: { deps: { inline: ['ink'] } },
	},
});
