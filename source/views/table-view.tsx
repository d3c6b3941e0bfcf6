// Draws a TableVM: a header row and the (already windowed) rows, the selected one highlighted.
import { Box, Text } from 'ink';
import { pad } from '../present/format';
import type { Line } from '../present/styled';
import type { TableVM } from '../present/table';
import { color } from '../theme/theme';
import { StyledLine } from './styled-line';
import { useTheme } from './theme-context';

export function TableView({ table }: { table: TableVM }) {
	const theme = useTheme();
	const header = table.columns.map((c) => pad(c.title, c.width, c.align)).join(' ');
	return (
		<Box flexDirection="column">
			<Text wrap="truncate" bold color={color(theme, 'muted')}>
				{header}
			</Text>
			{table.empty ? (
				<Text wrap="truncate" color={color(theme, 'muted')}>
					{table.empty}
				</Text>
			) : (
				table.rows.map((row, i) => {
					const line: Line = row.cells.flatMap((cell, c) => [
						...(c > 0 ? [{ text: ' ' }] : []),
						{ text: pad(cell.text, table.columns[c].width, table.columns[c].align, table.columns[c].cut), tone: row.dim ? 'muted' : cell.tone },
					]);
					return <StyledLine key={row.key} line={line} selected={i === table.selected} />;
				})
			)}
		</Box>
	);
}
