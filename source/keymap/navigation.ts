// Moving the selection of the focused list (by identity, so it survives updates), and focus changes.
import { describePod } from '../domain/describe';
import { podRole } from '../domain/pod';
import { getObject } from '../store/cluster-state';
import { selectedNode, selectedWorkload, visibleEventEntries, visibleNodes, visibleReplicas, visibleWorkloads } from '../store/lists';
import { selectPodEvents, selectReplicaSets, workloadKey } from '../store/selectors';
import type { Store } from '../store/store';
import { compileFilter, scrollAnchor } from '../store/log-view';
import { TAB_PANES, type PaneId, type UiState } from '../store/ui-state';

/** The key `delta` rows away from `current` in `keys`, clamped to the list (±Infinity: the ends). */
function step(keys: string[], current: string | undefined, delta: number): string | undefined {
	if (keys.length === 0) return undefined;
	const index = Math.max(0, keys.indexOf(current ?? ''));
	return keys[Math.max(0, Math.min(keys.length - 1, index + delta))];
}

export function moveSelection(store: Store, delta: number): void {
	const snapshot = store.getSnapshot();
	const { focus, logs, describe } = snapshot.ui;
	if (focus === 'logs' && logs) {
		const filter = logs.filter ? compileFilter(logs.filter) : null;
		store.updateUi({ logs: { ...logs, anchor: scrollAnchor(snapshot.logs, logs.anchor, delta, filter) } });
	} else if (focus === 'describe' && describe) {
		const last = Math.max(0, describeLength(snapshot) - describeRoom(store));
		store.updateUi({ describe: { ...describe, scroll: Math.max(0, Math.min(last, describe.scroll + delta)) } });
	} else if (focus === 'replicas') {
		const workload = selectedWorkload(snapshot);
		const replicaSets = workload ? selectReplicaSets(snapshot.cluster, workload) : [];
		const roleOf = (pod: Parameters<typeof podRole>[0]) => (workload ? podRole(pod, workload, replicaSets) : '');
		const keys = visibleReplicas(snapshot, roleOf).map((p) => `${p.metadata.namespace}/${p.metadata.name}`);
		const next = step(keys, snapshot.ui.replicaKey, delta);
		if (next !== undefined) store.updateUi({ replicaKey: next });
	} else if (focus === 'nodes') {
		const next = step(visibleNodes(snapshot).map((n) => n.capacity.name), selectedNode(snapshot)?.capacity.name, delta);
		if (next !== undefined) store.updateUi({ nodeKey: next });
	} else if (focus === 'events') {
		const next = step(visibleEventEntries(snapshot).map((e) => e.key), snapshot.ui.eventKey, delta);
		if (next !== undefined) store.updateUi({ eventKey: next });
	} else {
		const next = step(visibleWorkloads(snapshot).map(workloadKey), snapshot.ui.workloadKey, delta);
		if (next !== undefined && next !== snapshot.ui.workloadKey) store.updateUi({ workloadKey: next, replicaKey: undefined, eventKey: undefined });
	}
}

/** Rows of the describe view's text (0 when its pod is gone). */
function describeLength(snapshot: ReturnType<Store['getSnapshot']>): number {
	const view = snapshot.ui.describe;
	const pod = view && getObject(snapshot.cluster, 'Pod', view.namespace, view.name);
	return pod ? describePod(pod, selectPodEvents(snapshot.cluster, view.namespace, view.name), snapshot.cluster.now).length : 0;
}

/** Rows the describe view shows: the body without header, footer and the pane's border. */
export function describeRoom(store: Store): number {
	return Math.max(1, store.ui.viewport.rows - 1 - 2 - 2);
}

export function focusPane(store: Store, direction: number): void {
	const { focus, detail, view } = store.ui;
	// A view has one list to move through; Esc leaves it.
	if (view) return;
	// From a full pane (logs, describe), Tab returns to the list panes.
	const from = TAB_PANES.includes(focus) ? TAB_PANES.indexOf(focus) : -direction;
	const next = TAB_PANES[(from + direction + TAB_PANES.length) % TAB_PANES.length] as PaneId;
	const isDetail = (pane: PaneId): pane is UiState['detail'] => pane === 'rollout' || pane === 'analysis' || pane === 'chart' || pane === 'events';
	const infoPane = next === 'rollout' || next === 'analysis' ? next : store.ui.infoPane;
	store.updateUi({ focus: next, detail: isDetail(next) ? next : detail, infoPane, filter: '' });
}

/** The analysis pane in the rollout pane's place, focused; again: back to the rollout pane. */
export function toggleAnalysis(store: Store): void {
	const pane = store.ui.focus === 'analysis' ? 'rollout' : 'analysis';
	store.updateUi({ focus: pane, detail: pane, infoPane: pane, filter: '' });
}

/** Rows a page key moves: a third of the terminal, about one pane. */
export function pageSize(store: Store): number {
	return Math.max(1, Math.floor(store.ui.viewport.rows / 3));
}
