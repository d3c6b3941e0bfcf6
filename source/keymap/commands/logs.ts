// Logs of a replica or of a whole workload, and the describe view of a replica; the toggles of
// the log pane are its own keys there (they shadow the global ones while it has focus).
import { containerNames } from '../../domain/logs';
import { getObject } from '../../store/cluster-state';
import { selectedWorkload } from '../../store/lists';
import { workloadKey } from '../../store/selectors';
import type { Store } from '../../store/store';
import { LOG_ROLES, type LogView } from '../../store/ui-state';
import type { Command } from '../command';

/** The replica selected in the replicas pane, when that pane has focus. */
function selectedReplica(store: Store): { namespace: string; name: string } | undefined {
	const { focus, replicaKey } = store.ui;
	if (focus !== 'replicas' || !replicaKey) return undefined;
	const [namespace, name] = replicaKey.split('/');
	return getObject(store.cluster, 'Pod', namespace, name) ? { namespace, name } : undefined;
}

function openLogs(store: Store): void {
	const workload = selectedWorkload(store.getSnapshot());
	const pod = selectedReplica(store);
	if (!workload && !pod) return;
	const target: LogView['target'] = pod ? { kind: 'pod', ...pod } : { kind: 'workload', key: workloadKey(workload!) };
	const previous = store.ui.logs;
	const back = store.ui.focus;
	const logs: LogView = previous
		? { ...previous, target, anchor: undefined, container: undefined, back }
		: { target, timestamps: false, wrap: false, previous: false, roles: 'all', filter: '', back };
	store.updateUi({ logs, focus: 'logs', mode: { kind: 'normal' } });
}

function changeLogs(store: Store, change: (view: LogView) => Partial<LogView>): void {
	const view = store.ui.logs;
	if (view) store.updateUi({ logs: { ...view, ...change(view) } });
}

/** The containers of the pods being shown (their union, in order). */
function containersShown(store: Store, view: LogView): string[] {
	const snapshot = store.getSnapshot();
	if (view.target.kind === 'pod') {
		const pod = getObject(snapshot.cluster, 'Pod', view.target.namespace, view.target.name);
		return pod ? containerNames(pod) : [];
	}
	const workload = selectedWorkload(snapshot);
	const template = workload?.spec.template?.spec?.containers ?? [];
	return template.map((c) => c.name);
}

function nextContainer(store: Store): void {
	const view = store.ui.logs;
	if (!view) return;
	const names = containersShown(store, view);
	if (names.length <= 1) return store.flash(`only one container: ${names[0] ?? 'none'}`, 'info');
	const index = view.container === undefined ? 0 : names.indexOf(view.container);
	changeLogs(store, () => ({ container: names[(index + 1) % names.length], anchor: undefined }));
}

function nextRoles(store: Store): void {
	const view = store.ui.logs;
	if (!view) return;
	const workload = selectedWorkload(store.getSnapshot());
	if (view.target.kind === 'pod' || workload?.kind !== 'Rollout') return store.flash('roles apply to the logs of a Rollout', 'info');
	changeLogs(store, (v) => ({ roles: LOG_ROLES[(LOG_ROLES.indexOf(v.roles) + 1) % LOG_ROLES.length], anchor: undefined }));
}

function closeView(store: Store): void {
	const { focus, logs, describe } = store.ui;
	if (focus === 'logs' && logs?.filter) return changeLogs(store, () => ({ filter: '', anchor: undefined }));
	const back = focus === 'logs' ? logs?.back : describe?.back;
	store.updateUi({ focus: back ?? 'workloads' });
}

function openDescribe(store: Store): void {
	const pod = selectedReplica(store);
	if (pod) store.updateUi({ describe: { ...pod, scroll: 0, back: store.ui.focus }, focus: 'describe' });
}

const LOG_PANE = ['logs'] as const;

export const LOG_COMMANDS: Command[] = [
	{
		id: 'logs.open',
		keys: ['l'],
		scope: 'logs',
		title: "Logs: the selected replica's, or all the workload's pods merged",
		hint: 'logs',
		disabledReason: (ctx) => ctx.logsBlocked,
		run: ({ store }) => openLogs(store),
	},
	{
		id: 'replica.describe',
		keys: ['d'],
		scope: 'logs',
		title: 'Describe the selected replica (conditions, containers, events)',
		disabledReason: (ctx) => (ctx.replicaSelected ? null : 'select a replica in the replicas pane first'),
		run: ({ store }) => openDescribe(store),
	},
	{ id: 'logs.back', keys: ['escape'], scope: 'logs', panes: ['logs', 'describe'], title: 'Logs: clear the filter, else back', hint: 'back', run: ({ store }) => closeView(store) },
	{ id: 'logs.follow', keys: ['G', 'end'], scope: 'logs', panes: LOG_PANE, title: 'Logs: newest line, follow again', hint: 'follow', run: ({ store }) => changeLogs(store, () => ({ anchor: undefined })) },
	{ id: 'logs.timestamps', keys: ['t'], scope: 'logs', panes: LOG_PANE, title: 'Logs: timestamps on/off', hint: 'time', run: ({ store }) => changeLogs(store, (v) => ({ timestamps: !v.timestamps })) },
	{ id: 'logs.wrap', keys: ['w'], scope: 'logs', panes: LOG_PANE, title: 'Logs: wrap long lines on/off', hint: 'wrap', run: ({ store }) => changeLogs(store, (v) => ({ wrap: !v.wrap })) },
	{
		id: 'logs.previous',
		keys: ['p'],
		scope: 'logs',
		panes: LOG_PANE,
		title: 'Logs: previous container instance on/off',
		hint: 'previous',
		run: ({ store }) => changeLogs(store, (v) => ({ previous: !v.previous, anchor: undefined })),
	},
	{ id: 'logs.container', keys: ['c'], scope: 'logs', panes: LOG_PANE, title: 'Logs: next container (multi-container pods)', hint: 'container', run: ({ store }) => nextContainer(store) },
	{ id: 'logs.roles', keys: ['r'], scope: 'logs', panes: LOG_PANE, title: 'Logs: canary only / stable only / all pods', hint: 'roles', run: ({ store }) => nextRoles(store) },
];

