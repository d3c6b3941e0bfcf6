// esbuild plugin: fixes Ink 6.8's incremental renderer, which moves the cursor up one line too few
// when the previous frame ended with a newline (every frame shorter than the terminal), so each
// frame after the first is drawn one row lower and the top row goes stale. The fix belongs upstream;
// Ink 7+, which needs Node 22, is not an option yet. The build fails if the code no longer matches.
import { readFile } from 'node:fs/promises';

const BUGGY = 'buffer.push(ansiEscapes.cursorUp(previousVisible - 1));';
const FIXED = "buffer.push(ansiEscapes.cursorUp(previousOutput.endsWith('\\n') ? previousVisible : previousVisible - 1));";

export const inkLogUpdateFix = {
	name: 'ink-log-update-fix',
	setup(build) {
		build.onLoad({ filter: /[\\/]ink[\\/]build[\\/]log-update\.js$/ }, async (args) => {
			const source = await readFile(args.path, 'utf8');
			if (!source.includes(BUGGY)) throw new Error(`ink-log-update-fix: ${args.path} changed; re-check the incremental renderer`);
			return { contents: source.replace(BUGGY, FIXED), loader: 'js' };
		});
	},
};
