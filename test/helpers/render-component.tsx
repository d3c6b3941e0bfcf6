// One view component alone under ink-testing-library (100 columns), inside a real theme. Lines are
// compared without escape codes; tests about bold, inverse and colour read the raw frame.
import chalk from 'chalk';
import { render } from 'ink-testing-library';
import type { ReactElement } from 'react';
import { afterAll, beforeAll } from 'vitest';
import { loadTheme } from '../../source/theme/load-theme';
import { ThemeContext } from '../../source/views/theme-context';
import { stripAnsi } from './fake-terminal';

export { cleanup } from 'ink-testing-library';

export interface RenderedComponent {
	/** The last frame's lines, escape codes and trailing blanks removed (Ink keeps blanks only when styled). */
	lines(): string[];
	/** The last frame as written, escape codes included. */
	raw(): string;
	rerender(element: ReactElement): void;
}

export function renderComponent(element: ReactElement, themeName = 'mono'): RenderedComponent {
	const theme = loadTheme(themeName);
	const themed = (child: ReactElement) => <ThemeContext.Provider value={theme}>{child}</ThemeContext.Provider>;
	const instance = render(themed(element));
	const raw = () => instance.lastFrame() ?? '';
	return {
		lines: () => stripAnsi(raw()).split('\n').map((line) => line.trimEnd()),
		raw,
		rerender: (next) => instance.rerender(themed(next)),
	};
}

/**
 * Ink styles text through chalk, which sees no colour terminal under the test runner and drops every
 * style; a describe block that asserts bold, inverse or colour turns it on (16 colours) for its tests.
 */
export function withStyles(): void {
	let level: typeof chalk.level;
	beforeAll(() => {
		level = chalk.level;
		chalk.level = 1;
	});
	afterAll(() => {
		chalk.level = level;
	});
}
