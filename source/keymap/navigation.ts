// Moving the selection of the focused list (by identity, so it survives updates), and focus changes.
import { podRole } from '../domain/pod';
import { selectedNode, selectedWorkload, visibleEventEntries, visibleNodes, visibleReplicas, visibleWorkloads } from '../store/lists';
import { selectReplicaSets, workloadKey } from '../store/selectors';
import type { Store } from '../store/store';
import { PANES, type PaneId, type UiState } from '../store/ui-state';

/** The key `delta` rows away from `current` in `keys`, clamped to the list (±Infinity: the ends). */
function step(keys: string[], current: string | undefined, delta: number): string | undefined {
	if (keys.length === 0) return undefined;
	const index = Math.max(0, keys.indexOf(current ?? ''));
	return keys[Math.max(0, Math.min(keys.length - 1, index + delta))];
}

export function moveSelection(store: Store, delta: number): void {
	const snapshot = store.getSnapshot();
	const { focus } = snapshot.ui;
	if (focus === 'replicas') {
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

export function focusPane(store: Store, direction: number): void {
	const { focus, detail, view } = store.ui;
	// A view has one list to move through; Esc leaves it.
	if (view) return;
	const next = PANES[(PANES.indexOf(focus as (typeof PANES)[number]) + direction + PANES.length) % PANES.length] as PaneId;
	const isDetail = (pane: PaneId): pane is UiState['detail'] => pane === 'rollout' || pane === 'chart' || pane === 'events';
	store.updateUi({ focus: next, detail: isDetail(next) ? next : detail, filter: '' });
}

/** Rows a page key moves: a third of the terminal, about one pane. */
export function pageSize(store: Store): number {
	return Math.max(1, Math.floor(store.ui.viewport.rows / 3));
}
