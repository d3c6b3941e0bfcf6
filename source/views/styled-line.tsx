// Draws a styled line (present/styled.ts) with the theme's colours.
import { Text } from 'ink';
import { color, isMono } from '../theme/theme';
import type { Line } from '../present/styled';
import { useTheme } from './theme-context';

export function StyledLine({ line, selected = false }: { line: Line; selected?: boolean }) {
	const theme = useTheme();
	const mono = isMono(theme);
	const background = selected && !mono ? color(theme, 'selection') : undefined;
	return (
		<Text wrap="truncate" backgroundColor={background} inverse={selected && mono}>
			{line.map((s, i) => (
				<Text
					key={i}
					color={selected && !mono ? (color(theme, 'selectionText') ?? (s.tone ? color(theme, s.tone) : undefined)) : s.tone ? color(theme, s.tone) : undefined}
					bold={s.bold}
					inverse={s.inverse}
				>
					{s.text}
				</Text>
			))}
		</Text>
	);
}
