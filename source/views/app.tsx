// The console: header, panes laid out for the terminal size, footer; keys go to the controller.
import { Box, Text, useInput, useStdout } from 'ink';
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type { SourceKind } from '../domain/source';
import type { Controller } from '../keymap/controller';
import { FLASH_MS } from '../present/footer';
import { MIN_COLUMNS, MIN_ROWS, type PaneBox } from '../present/layout';
import type { Thresholds } from '../domain/thresholds';
import { buildScreen, type ScreenVM } from '../present/screen';
import type { Store } from '../store/store';
import type { Theme } from '../theme/theme';
import { Overlay } from './overlay';
import { Pane } from './pane';
import { StyledLine } from './styled-line';
import { ThemeContext } from './theme-context';

export interface AppProps {
	store: Store;
	controller: Controller;
	source: () => { kind: SourceKind; label: string; scope?: string };
	theme: (name: string) => Theme;
	thresholds: Thresholds;
	chartSlotMs: number;
	wallNow: () => number;
}

function useViewport(store: Store): void {
	const { stdout } = useStdout();
	useEffect(() => {
		const update = () => store.updateUi({ viewport: { columns: stdout.columns || 80, rows: stdout.rows || 24 } });
		update();
		stdout.on('resize', update);
		return () => {
			stdout.off('resize', update);
		};
	}, [stdout, store]);
}

function PaneColumn({ boxes, vm, themeName }: { boxes: PaneBox[]; vm: ScreenVM; themeName: string }) {
	return (
		<Box flexDirection="column">
			{boxes.map((box) => {
				const pane = vm.panes[box.id];
				return pane ? <Pane key={box.id} vm={pane} width={box.width} height={box.height} themeName={themeName} /> : null;
			})}
		</Box>
	);
}

function Body({ vm, themeName }: { vm: ScreenVM; themeName: string }) {
	const { layout } = vm;
	if (layout.kind === 'tooSmall') return null;
	if (layout.kind === 'narrow') return <PaneColumn boxes={layout.stack} vm={vm} themeName={themeName} />;
	return (
		<Box flexDirection="column">
			<Box flexDirection="row">
				<PaneColumn boxes={layout.left} vm={vm} themeName={themeName} />
				<PaneColumn boxes={layout.right} vm={vm} themeName={themeName} />
			</Box>
			<PaneColumn boxes={[layout.bottom]} vm={vm} themeName={themeName} />
		</Box>
	);
}

export function App(props: AppProps) {
	const { store, controller } = props;
	useViewport(store);
	const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot);
	const theme = props.theme(snapshot.ui.themeName);
	const vm = useMemo(
		() =>
			buildScreen({
				snapshot,
				source: props.source(),
				keyContext: controller.keyContext(),
				thresholds: props.thresholds,
				chartSlotMs: props.chartSlotMs,
				wallNow: props.wallNow(),
			}),
		[snapshot, controller, props],
	);

	useInput((input, key) => controller.handleKey(input, key));

	// Keep selections by identity: once something is shown as selected, remember which it is.
	useEffect(() => {
		const { workloadKey, replicaKey } = vm.selection;
		const ui = snapshot.ui;
		if ((workloadKey && workloadKey !== ui.workloadKey) || (replicaKey && ui.focus === 'replicas' && replicaKey !== ui.replicaKey)) {
			store.updateUi({ workloadKey: workloadKey ?? ui.workloadKey, replicaKey: ui.focus === 'replicas' ? (replicaKey ?? ui.replicaKey) : ui.replicaKey });
		}
	}, [vm.selection, snapshot.ui, store]);

	// The help's scroll is clamped to its length when built; remember the clamped value.
	const helpScroll = vm.overlay?.scroll;
	useEffect(() => {
		const { mode } = snapshot.ui;
		if (mode.kind === 'help' && helpScroll !== undefined && helpScroll !== mode.scroll) store.updateUi({ mode: { kind: 'help', scroll: helpScroll } });
	}, [helpScroll, snapshot.ui, store]);

	// A flash message fades on its own.
	const flashAt = snapshot.ui.flash?.at;
	useEffect(() => {
		if (flashAt === undefined) return;
		const timer = setTimeout(() => store.updateUi({}), Math.max(0, flashAt + FLASH_MS - props.wallNow()) + 50);
		return () => clearTimeout(timer);
	}, [flashAt, store, props]);

	const { columns, rows } = snapshot.ui.viewport;
	if (vm.layout.kind === 'tooSmall') {
		return (
			<Text wrap="truncate">
				terminal too small: {columns}x{rows}, rolltop needs at least {MIN_COLUMNS}x{MIN_ROWS} (q quits)
			</Text>
		);
	}
	const bodyHeight = rows - 3;
	return (
		<ThemeContext.Provider value={theme}>
			<Box flexDirection="column" width={columns} height={rows - 1}>
				<StyledLine line={vm.header} />
				{vm.overlay ? <Overlay vm={vm.overlay} width={columns} height={bodyHeight} /> : <Body vm={vm} themeName={theme.name} />}
				<StyledLine line={vm.footer} />
			</Box>
		</ThemeContext.Provider>
	);
}
