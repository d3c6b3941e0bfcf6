// The console: header, panes laid out for the terminal size, footer. It renders what the screen
// publisher gives it and hands keys to the controller; it never builds models or writes to the store.
import { Box, Text, useInput } from 'ink';
import { useCallback, useSyncExternalStore } from 'react';
import type { Controller } from '../keymap/controller';
import { MIN_COLUMNS, MIN_ROWS, type PaneBox } from '../present/layout';
import type { ScreenPublisher } from '../present/screen-publisher';
import type { Theme } from '../theme/theme';
import { Overlay } from './overlay';
import { Pane } from './pane';
import { StyledLine } from './styled-line';
import { ThemeContext } from './theme-context';

export interface AppProps {
	screen: ScreenPublisher;
	controller: Controller;
	theme: (name: string) => Theme;
}

function PaneColumn({ boxes, screen }: { boxes: PaneBox[]; screen: ScreenPublisher }) {
	return (
		<Box flexDirection="column">
			{boxes.map((box) => (
				<Pane key={box.id} id={box.id} screen={screen} />
			))}
		</Box>
	);
}

export function App({ screen, controller, theme }: AppProps) {
	const subscribe = useCallback((listener: () => void) => screen.subscribe('chrome', listener), [screen]);
	const chrome = useSyncExternalStore(subscribe, screen.chrome);
	useInput((input, key) => controller.handleKey(input, key));
	const { layout, viewport } = chrome;
	if (layout.kind === 'tooSmall') {
		return (
			<Text wrap="truncate">
				terminal too small: {viewport.columns}x{viewport.rows}, rolltop needs at least {MIN_COLUMNS}x{MIN_ROWS} (q quits)
			</Text>
		);
	}
	const body = chrome.overlay ? (
		<Overlay vm={chrome.overlay} width={viewport.columns} height={viewport.rows - 3} />
	) : layout.kind === 'narrow' ? (
		<PaneColumn boxes={layout.stack} screen={screen} />
	) : layout.kind === 'single' ? (
		<PaneColumn boxes={[layout.box]} screen={screen} />
	) : (
		<Box flexDirection="column">
			<Box flexDirection="row">
				<PaneColumn boxes={layout.left} screen={screen} />
				<PaneColumn boxes={layout.right} screen={screen} />
			</Box>
			<PaneColumn boxes={[layout.bottom]} screen={screen} />
		</Box>
	);
	return (
		<ThemeContext.Provider value={theme(chrome.themeName)}>
			<Box flexDirection="column" width={viewport.columns} height={viewport.rows - 1}>
				<StyledLine line={chrome.header} />
				{body}
				<StyledLine line={chrome.footer} />
			</Box>
		</ThemeContext.Provider>
	);
}
