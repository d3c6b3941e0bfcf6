// Keeps Ink 6.8's per-frame output caches (a line's styled characters, string widths) for one more
// frame. Ink builds every frame from scratch and re-tokenizes every line of the screen, though at
// 1 Hz metrics nearly all lines are the same as in the frame before; that was most of the console's
// idle CPU. Entries not used in a frame are dropped with it, so memory stays at two frames' lines.
// The width check of every text node before it is written goes through the same caches.
// Applied when bundling (esbuild plugin) and in the test runner (vite plugin), like
// ink-log-update-fix.mjs. Cached values are never mutated by Ink (it copies them into the frame's
// cell grid by reference and only reads them). Fails loudly if Ink's code changed.
import { readFile } from 'node:fs/promises';

const OUTPUT = /[\\/]ink[\\/]build[\\/]output\.js$/;
const RENDER_NODE = /[\\/]ink[\\/]build[\\/]render-node-to-output\.js$/;
// The same measure as Ink's (widest-line: the widest of the lines' string widths), cached.
const UNCACHED_WIDTH = 'const currentWidth = widestLine(text);';
const CACHED_WIDTH = 'const currentWidth = output.caches.getWidestLine(text);';
const PER_FRAME = 'caches = new OutputCaches();';
const SHARED = 'caches = OutputCaches.forFrame();';
const CLASS_START = 'class OutputCaches {';
const CLASS_END = '\nexport default class Output {';

const CACHES = `class OutputCaches {
    static current;
    /** The caches of a new frame: what the previous frame computed, then what this one needs. */
    static forFrame() {
        const previous = OutputCaches.current;
        if (previous)
            previous.previous = undefined;
        return (OutputCaches.current = new OutputCaches(previous));
    }
    widths = new Map();
    blockWidths = new Map();
    styledChars = new Map();
    constructor(previous) {
        this.previous = previous;
    }
    lookup(name, key, compute) {
        let value = this[name].get(key);
        if (value === undefined) {
            value = this.previous?.[name].get(key);
            if (value === undefined)
                value = compute(key);
            this[name].set(key, value);
        }
        return value;
    }
    getStyledChars(line) {
        return this.lookup('styledChars', line, (text) => styledCharsFromTokens(tokenize(text)));
    }
    getStringWidth(text) {
        return this.lookup('widths', text, stringWidth);
    }
    getWidestLine(text) {
        return this.lookup('blockWidths', text, (block) => {
            let lineWidth = 0;
            for (const line of block.split('\\n')) {
                lineWidth = Math.max(lineWidth, this.getStringWidth(line));
            }
            return lineWidth;
        });
    }
}`;

function patchedOutput(source, path) {
	const start = source.indexOf(CLASS_START);
	const end = source.indexOf(CLASS_END);
	if (start < 0 || end < start || !source.includes(PER_FRAME) || !source.slice(start, end).includes('getStyledChars(line)')) {
		throw new Error(`ink-output-cache: ${path} changed; re-check Ink's output caches`);
	}
	return source.slice(0, start) + CACHES + source.slice(end).replace(PER_FRAME, SHARED);
}

function patchedRenderNode(source, path) {
	if (!source.includes(UNCACHED_WIDTH)) throw new Error(`ink-output-cache: ${path} changed; re-check Ink's text width check`);
	return source.replace(UNCACHED_WIDTH, CACHED_WIDTH);
}

function patched(source, path) {
	if (OUTPUT.test(path)) return patchedOutput(source, path);
	if (RENDER_NODE.test(path)) return patchedRenderNode(source, path);
	return undefined;
}

export const inkOutputCache = {
	name: 'ink-output-cache',
	setup(build) {
		for (const filter of [OUTPUT, RENDER_NODE]) {
			build.onLoad({ filter }, async (args) => ({ contents: patched(await readFile(args.path, 'utf8'), args.path), loader: 'js' }));
		}
	},
};

export const inkOutputCacheVite = {
	name: 'ink-output-cache',
	transform(code, id) {
		const contents = patched(code, id.split('?')[0]);
		return contents === undefined ? undefined : { code: contents, map: null };
	},
};
