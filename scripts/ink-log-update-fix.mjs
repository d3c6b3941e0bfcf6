// Fixes Ink 6.8's incremental renderer, which moves the cursor up one line too few when the
// previous frame ended with a newline (every frame shorter than the terminal), so each frame after
// the first is drawn one row lower and the top row goes stale. Applied when bundling (esbuild
// plugin) and in the test runner (vite plugin), so tests run what users run. The fix belongs
// upstream; Ink 7+, which needs Node 22, is not an option yet. Fails loudly if Ink's code changed.
import { readFile } from 'node:fs/promises';

const LOG_UPDATE = /[\\/]ink[\\/]build[\\/]log-update\.js$/;
const BUGGY = 'buffer.push(ansiEscapes.cursorUp(previousVisible - 1));';
const FIXED = "buffer.push(ansiEscapes.cursorUp(previousOutput.endsWith('\\n') ? previousVisible : previousVisible - 1));";

function fixed(source, path) {
	if (!source.includes(BUGGY)) throw new Error(`ink-log-update-fix: ${path} changed; re-check the incremental renderer`);
	return source.replace(BUGGY, FIXED);
}

export const inkLogUpdateFix = {
	name: 'ink-log-update-fix',
	setup(build) {
		build.onLoad({ filter: LOG_UPDATE }, async (args) => ({ contents: fixed(await readFile(args.path, 'utf8'), args.path), loader: 'js' }));
	},
};

export const inkLogUpdateFixVite = {
	name: 'ink-log-update-fix',
	transform(code, id) {
		return LOG_UPDATE.test(id.split('?')[0]) ? { code: fixed(code, id), map: null } : undefined;
	},
};
