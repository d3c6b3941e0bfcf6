// A dialog box (help, confirmation, scale) drawn in place of the panes, centred.
import { Box } from 'ink';
import type { OverlayVM } from '../present/overlays';
import { StyledLine } from './styled-line';
import { PaneFrame } from './pane-frame';

export function Overlay({ vm, width, height }: { vm: OverlayVM; width: number; height: number }) {
	const boxWidth = Math.min(width, Math.max(50, Math.min(90, ...vm.lines.map((l) => l.reduce((n, s) => n + s.text.length, 0) + 4))));
	const boxHeight = Math.min(height, vm.lines.length + 3);
	return (
		<Box width={width} height={height} justifyContent="center" alignItems="center">
			<PaneFrame title={vm.title} focused tone={vm.tone} width={boxWidth} height={boxHeight}>
				{vm.lines.map((line, i) => (
					<StyledLine key={i} line={line.length ? [{ text: ' ' }, ...line] : [{ text: ' ' }]} />
				))}
			</PaneFrame>
		</Box>
	);
}
