// The events pane: Kubernetes events of the selected workload merged with the console's action log.
import { formatAge } from '../domain/format';
import { visibleEventEntries } from '../store/lists';
import type { StoreSnapshot } from '../store/store';
import { buildTable, type ColumnSpec, type Row, type TableVM } from './table';

const COLUMNS: ColumnSpec[] = [
	{ title: 'AGE', width: 5, priority: 0, align: 'right' },
	{ title: 'TYPE', width: 8, priority: 1 },
	{ title: 'REASON', width: 18, priority: 0 },
	{ title: 'OBJECT', width: 24, priority: 2, cut: 'middle' },
	{ title: 'MESSAGE', width: 30, priority: 0, flex: true },
];

export function buildEventTable(snapshot: StoreSnapshot, width: number, height: number): TableVM & { selectedKey?: string } {
	const { cluster, ui } = snapshot;
	const now = cluster.now;
	const rows: Row[] = visibleEventEntries(snapshot).map((entry) => {
		if ('log' in entry) {
			const { log } = entry;
			return {
				key: entry.key,
				cells: [
					{ text: formatAge(now - entry.at) },
					{ text: log.ok ? '✔ Action' : '✖ Action', tone: log.ok ? 'ok' : 'error' },
					{ text: log.summary.split(' ')[0] },
					{ text: `by ${log.user}` },
					{ text: log.ok ? log.summary : log.message, tone: log.ok ? undefined : 'error' },
				],
			};
		}
		const { event } = entry;
		return {
			key: entry.key,
			cells: [
				{ text: formatAge(now - entry.at) },
				{ text: event.type ?? 'Normal', tone: event.type === 'Warning' ? 'warn' : 'muted' },
				{ text: event.reason ?? '' },
				{ text: `${event.involvedObject.kind.toLowerCase()}/${event.involvedObject.name}` },
				{ text: `${event.message ?? ''}${event.count && event.count > 1 ? ` (×${event.count})` : ''}` },
			],
		};
	});
	const table = buildTable(COLUMNS, rows, { width, height: height - 1, selectedKey: ui.eventKey, empty: 'no events' });
	return ui.focus === 'events' ? table : { ...table, selected: -1 };
}
