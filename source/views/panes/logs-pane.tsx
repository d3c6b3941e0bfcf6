// The log pane: its status line and the visible log lines built by present/log-pane.ts. Each row is
// memoised on its content, so a new line re-renders only the rows whose text changed.
import { Box } from 'ink';
import { memo } from 'react';
import { sameValue } from '../../present/same-value';
import type { Line } from '../../present/styled';
import { StyledLine } from '../styled-line';

const Row = memo(function Row({ line }: { line: Line }) {
	return <StyledLine line={line} />;
}, (a, b) => sameValue(a.line, b.line));

export function LogsPane({ status, lines }: { status: Line; lines: Line[] }) {
	return (
		<Box flexDirection="column">
			<Row line={status} />
			{lines.map((line, i) => (
				<Row key={i} line={line} />
			))}
		</Box>
	);
}
