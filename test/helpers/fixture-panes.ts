// What rolltop's workloads table and Rollout pane show for a fixture, as plain text. The one place
// tests call these present builders, so a change of the builders' signatures touches only this file.
import { KINDS, type KubeObject } from '../../source/domain/k8s';
import { buildRolloutDetail } from '../../source/present/rollout-detail';
import { buildWorkloadTable } from '../../source/present/workload-rows';
import { Store } from '../../source/store/store';
import type { FixtureSet } from '../domain/fixtures';

export interface FixturePanes {
	/** One record per workload row: column title → cell text. */
	rows: Array<Record<string, string>>;
	/** The Rollout pane of the first workload, one string per line, trailing spaces cut. */
	rollout: string[];
}

export function fixturePanes(set: FixtureSet, now: number, size = { width: 120, height: 40 }): FixturePanes {
	const objects: KubeObject[] = [...set.rollouts, ...set.deployments, ...set.replicaSets, ...set.pods];
	const store = new Store({ now, themeName: 'dark', readonly: false, coalesceMs: 0 });
	store.ingest(KINDS.map((kind) => ({ type: 'sync' as const, kind, objects: objects.filter((o) => o.kind === kind) })));
	store.ingest([{ type: 'clock', now }]);
	const snapshot = store.getSnapshot();
	const table = buildWorkloadTable(snapshot, size.width, size.height);
	const rows = table.rows.map((row) => Object.fromEntries(table.columns.map((column, i) => [column.title, row.cells[i].text])));
	const rollout = buildRolloutDetail(snapshot, size.width, size.height).lines.map((line) => line.map((s) => s.text).join('').trimEnd());
	return { rows, rollout };
}
