// One pane of the layout: it subscribes to its own part of the screen model, which the publisher
// replaces only when the pane's content changed, so steady state re-renders only what changed.
import { memo, useCallback, useSyncExternalStore } from 'react';
import type { PaneVM } from '../present/screen';
import type { ScreenPublisher } from '../present/screen-publisher';
import type { PaneId } from '../store/ui-state';
import { PaneFrame } from './pane-frame';
import { ChartPane } from './panes/chart-pane';
import { LogsPane } from './panes/logs-pane';
import { NodesPane } from './panes/nodes-pane';
import { RolloutPane } from './panes/rollout-pane';
import { TablePane } from './panes/table-pane';

function Content({ vm }: { vm: PaneVM }) {
	switch (vm.kind) {
		case 'table':
			return <TablePane table={vm.table} />;
		case 'lines':
			return <RolloutPane lines={vm.lines} />;
		case 'chart':
			return <ChartPane chart={vm.chart} />;
		case 'logs':
			return <LogsPane status={vm.status} lines={vm.lines} />;
		case 'nodes':
			return <NodesPane summary={vm.summary} table={vm.table} />;
	}
}

export function PaneBody({ vm }: { vm: PaneVM }) {
	return (
		<PaneFrame title={vm.title} focused={vm.focused} width={vm.width} height={vm.height}>
			<Content vm={vm} />
		</PaneFrame>
	);
}

function PaneView({ id, screen }: { id: PaneId; screen: ScreenPublisher }) {
	const subscribe = useCallback((listener: () => void) => screen.subscribe(id, listener), [screen, id]);
	const vm = useSyncExternalStore(subscribe, () => screen.pane(id));
	return vm ? <PaneBody vm={vm} /> : null;
}

export const Pane = memo(PaneView);
