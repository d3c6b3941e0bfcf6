// One pane of the layout. Memoised on the content of its view model: a pane whose rows did not
// change is not re-rendered, so steady state writes only what changed.
import { memo } from 'react';
import type { PaneVM } from '../present/screen';
import { PaneFrame } from './pane-frame';
import { ChartPane } from './panes/chart-pane';
import { RolloutPane } from './panes/rollout-pane';
import { TablePane } from './panes/table-pane';

interface PaneProps {
	vm: PaneVM;
	width: number;
	height: number;
	themeName: string;
}

function PaneView({ vm, width, height }: PaneProps) {
	return (
		<PaneFrame title={vm.title} focused={vm.focused} width={width} height={height}>
			{vm.kind === 'table' ? <TablePane table={vm.table} /> : vm.kind === 'lines' ? <RolloutPane lines={vm.lines} /> : <ChartPane chart={vm.chart} />}
		</PaneFrame>
	);
}

export const Pane = memo(
	PaneView,
	(a, b) => a.width === b.width && a.height === b.height && a.themeName === b.themeName && JSON.stringify(a.vm) === JSON.stringify(b.vm),
);
