// The chart pane: a legend line, then the overlaid asciichart plot.
import { Box, Text } from 'ink';
import type { ChartVM } from '../../present/chart';
import { color } from '../../theme/theme';
import { StyledLine } from '../styled-line';
import { useTheme } from '../theme-context';

export function ChartPane({ chart }: { chart: ChartVM }) {
	const theme = useTheme();
	return (
		<Box flexDirection="column">
			<StyledLine line={chart.legend} />
			{chart.empty ? (
				<Text color={color(theme, 'muted')}>{chart.empty}</Text>
			) : (
				chart.lines.map((line, i) => <StyledLine key={i} line={line} />)
			)}
		</Box>
	);
}
