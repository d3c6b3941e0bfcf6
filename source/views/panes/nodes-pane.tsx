// The Nodes pane: the scope's GPU summary line over the nodes table.
import { Box } from 'ink';
import type { Line } from '../../present/styled';
import type { TableVM } from '../../present/table';
import { StyledLine } from '../styled-line';
import { TableView } from '../table-view';

export function NodesPane({ summary, table }: { summary: Line; table: TableVM }) {
	return (
		<Box flexDirection="column">
			<StyledLine line={summary} />
			<TableView table={table} />
		</Box>
	);
}
