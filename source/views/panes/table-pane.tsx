// Workloads, replicas and events: the panes that are tables.
import type { TableVM } from '../../present/table';
import { TableView } from '../table-view';

export function TablePane({ table }: { table: TableVM }) {
	return <TableView table={table} />;
}
