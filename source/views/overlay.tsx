// A dialog box (help, confirmation, scale) drawn in place of the panes, centred.
import { Box } from 'ink';
import type { OverlayVM } from '../present/overlays';
import { PaneFrame } from './pane-frame';
import { StyledLine } from './styled-line';

export function Overlay({ vm, width, height }: { vm: OverlayVM; width: number; height: number }) {
	return (
		<Box width={width} height={height} justifyContent="center" alignItems="center">
			<PaneFrame title={vm.title} focused tone={vm.tone} width={vm.width} height={vm.height}>
				{vm.lines.map((line, i) => (
					<StyledLine key={i} line={[{ text: ' ' }, ...line]} />
				))}
			</PaneFrame>
		</Box>
	);
}
