// Ink's output caches kept for one more frame (scripts/ink-output-cache.mjs, applied to Ink in tests
// as in the bundle): a frame must show what it was given even when a line's text or style changes
// back and forth, a text must be cut by its own width, and no frame may hold on to more than the
// frame before it.
import { Box, Text } from 'ink';
// Ink's package exports do not list its Output class; the file is the one the patch applies to.
import Output from '../../node_modules/ink/build/output.js';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, renderComponent, withStyles } from '../helpers/render-component';

afterEach(cleanup);

function frame(lines: string[]): string {
	const output = new Output({ width: 20, height: lines.length });
	lines.forEach((line, y) => output.write(0, y, line, { transformers: [] }));
	return output.get().output;
}

describe('Ink output caches across frames', () => {
	it('each frame shows its own lines, whether or not the frame before had them', () => {
		expect(frame(['alpha', 'beta'])).toBe('alpha\nbeta');
		expect(frame(['alpha', 'gamma'])).toBe('alpha\ngamma');
		expect(frame(['beta', 'alpha'])).toBe('beta\nalpha');
		expect(frame(['delta', 'beta'])).toBe('delta\nbeta');
	});

	it('a frame keeps only what the frame before it computed', () => {
		const first = new Output({ width: 10, height: 1 });
		const second = new Output({ width: 10, height: 1 });
		const third = new Output({ width: 10, height: 1 });
		const caches = (output: Output) => (output as unknown as { caches: { previous?: unknown } }).caches;
		expect(caches(third).previous).toBe(caches(second));
		expect(caches(second).previous).toBeUndefined();
		expect(caches(first).previous).toBeUndefined();
	});

	it('a text is cut to its box by its current width, not by a width measured in an earlier frame', () => {
		const boxed = (text: string) => (
			<Box width={8}>
				<Text wrap="truncate">{text}</Text>
			</Box>
		);
		const view = renderComponent(boxed('short'));
		expect(view.lines()[0]).toBe('short');
		view.rerender(boxed('much longer words'));
		expect(view.lines()[0]).toBe('much lo…');
		view.rerender(boxed('short'));
		expect(view.lines()[0]).toBe('short');
		view.rerender(boxed('much longer words'));
		expect(view.lines()[0]).toBe('much lo…');
	});

	describe('with styles', () => {
		withStyles();

		it('a line that changes only its style is drawn in the new style, and back', () => {
			const view = renderComponent(<Text bold>same words</Text>);
			expect(view.raw()).toBe('\x1b[1msame words\x1b[22m');
			view.rerender(<Text inverse>same words</Text>);
			expect(view.raw()).toBe('\x1b[7msame words\x1b[27m');
			view.rerender(<Text bold>same words</Text>);
			expect(view.raw()).toBe('\x1b[1msame words\x1b[22m');
		});
	});
});
