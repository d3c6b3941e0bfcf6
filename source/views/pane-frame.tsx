// A bordered pane with its title set into the top border; focus shows in colour and in bold.
import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { color, type ColorToken } from '../theme/theme';
import { useTheme } from './theme-context';

export function PaneFrame(props: { title: string; focused: boolean; width: number; height: number; tone?: ColorToken; children: ReactNode }) {
	const theme = useTheme();
	const { title, focused, width, height } = props;
	const borderColor = color(theme, props.tone ?? (focused ? 'border.focus' : 'border'));
	const label = ` ${focused ? '▸ ' : ''}${title} `.slice(0, Math.max(0, width - 4));
	const rule = '─'.repeat(Math.max(0, width - 3 - label.length));
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text wrap="truncate" color={borderColor}>
				╭─
				<Text bold={focused} color={focused ? borderColor : color(theme, 'text')}>
					{label}
				</Text>
				{rule}╮
			</Text>
			<Box
				flexDirection="column"
				width={width}
				height={height - 1}
				borderStyle="round"
				borderTop={false}
				borderColor={borderColor}
				paddingLeft={0}
				overflowY="hidden"
			>
				{/* Content taller than the pane is cut at the bottom; shrinking it would let Yoga squeeze
				    every line to a fraction of a row and drop alternate lines instead. Lines are truncated
				    to the pane's width already: a horizontal clip would only cost Ink a slice of every
				    line on every frame. */}
				<Box flexDirection="column" flexShrink={0}>
					{props.children}
				</Box>
			</Box>
		</Box>
	);
}
