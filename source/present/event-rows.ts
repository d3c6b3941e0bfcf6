// The events pane: Kubernetes events of the selected workload merged with the console's action log.
import { formatAge } from '../domain/format';
import { visibleEvents } from '../store/lists';
import { eventTime } from '../store/selectors';
import type { StoreSnapshot } from '../store/store';
import { buildTable, type ColumnSpec, type Row, type TableVM } from './table';

const COLUMNS: ColumnSpec[] = [
	{ title: 'AGE', width: 5, priority: 0, align: 'right' },
	{ title: 'TYPE', width: 7, priority: 1 },
	{ title: 'REASON', width: 18, priority: 0 },
	{ title: 'OBJECT', width: 24, priority: 2, cut: 'middle' },
	{ title: 'MESSAGE', width: 30, priority: 0, flex: true },
];

export function buildEventTable(snapshot: StoreSnapshot, width: number, height: number): TableVM {
	const { cluster, log, ui } = snapshot;
	const now = cluster.now;
	const entries: Array<{ at: number; row: Row }> = [
		...log.map((entry, i) => ({
			at: entry.at,
			row: {
				key: `log/${log.length - i}`,
				cells: [
					{ text: formatAge(now - entry.at) },
					{ text: entry.ok ? '✔ Action' : '✖ Action', tone: entry.ok ? ('ok' as const) : ('error' as const) },
					{ text: entry.summary.split(' ')[0] },
					{ text: `by ${entry.user}` },
					{ text: entry.ok ? entry.summary : entry.message, tone: entry.ok ? undefined : ('error' as const) },
				],
			},
		})),
		...visibleEvents(snapshot).map((event) => ({
			at: eventTime(event),
			row: {
				key: `event/${event.metadata.namespace}/${event.metadata.name}`,
				cells: [
					{ text: formatAge(now - eventTime(event)) },
					{ text: event.type ?? 'Normal', tone: event.type === 'Warning' ? ('warn' as const) : ('muted' as const) },
					{ text: event.reason ?? '' },
					{ text: `${event.involvedObject.kind.toLowerCase()}/${event.involvedObject.name}` },
					{ text: `${event.message ?? ''}${event.count && event.count > 1 ? ` (×${event.count})` : ''}` },
				],
			},
		})),
	].sort((a, b) => b.at - a.at);
	const rows = entries.map((e) => e.row);
	const selectedKey = rows[Math.min(ui.eventsScroll, rows.length - 1)]?.key;
	const table = buildTable(COLUMNS, rows, { width, height: height - 1, selectedKey, empty: 'no events' });
	return ui.focus === 'events' ? table : { ...table, selected: -1 };
}
