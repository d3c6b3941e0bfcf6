// The rollout pane: lines built by present/rollout-detail.ts.
import { Box } from 'ink';
import type { Line } from '../../present/styled';
import { StyledLine } from '../styled-line';

export function RolloutPane({ lines }: { lines: Line[] }) {
	return (
		<Box flexDirection="column">
			{lines.map((line, i) => (
				<StyledLine key={i} line={line} />
			))}
		</Box>
	);
}
