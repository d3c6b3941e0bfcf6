// The workloads table: one row per Rollout or Deployment.
import { formatStep } from '../domain/rollout-steps';
import { imageTag } from '../domain/format';
import type { Workload } from '../domain/replica-set';
import type { StoreSnapshot } from '../store/store';
import { selectAnalysisColumn, selectPendingReplicas, selectReplicaSets, workloadKey } from '../store/selectors';
import { visibleWorkloads } from '../store/lists';
import { buildWindowedTable, widenToContent, type ColumnSpec, type Row, type TableVM } from './table';
import { workloadStatus, type WorkloadStatus } from '../domain/workload-status';
import { PHASE_TONES } from './workload-status';
import type { RolloutStatus } from '../domain/rollout';
import type { ColorToken } from '../theme/theme';
import { replicaCounts, type ReplicaCounts } from '../domain/status';

// STRATEGY outranks WEIGHT and NAMESPACE: from 100 columns up it tells canary from blue-green.
// ANALYSIS and PEND go before WEIGHT when the width runs short (ANALYSIS first): the rollout pane repeats
// both. NAME starts narrow and takes the spare width, so 120 columns keep strategy, weight and pending.
const COLUMNS: ColumnSpec[] = [
	{ title: 'STATUS', width: 13, priority: 0 },
	{ title: 'NAME', width: 16, priority: 0, flex: true },
	{ title: 'NAMESPACE', width: 11, priority: 3 },
	{ title: 'STRATEGY', width: 9, priority: 1 },
	{ title: 'STEP', width: 5, priority: 1, align: 'right' },
	{ title: 'WEIGHT', width: 7, priority: 2, align: 'right' },
	{ title: 'READY', width: 7, priority: 0, align: 'right' },
	{ title: 'ANALYSIS', width: 10, priority: 3 },
	{ title: 'PEND', width: 4, priority: 3, align: 'right' },
	{ title: 'REV', width: 3, priority: 6, align: 'right' },
	{ title: 'IMAGE', width: 12, priority: 4 },
	{ title: 'AGE', width: 5, priority: 7, align: 'right' },
];

const ANALYSIS_TONES: Record<string, ColorToken> = { '✔': 'ok', '✖': 'error', '⚠': 'error', '?': 'warn', '◌': 'accent', '◷': 'warn' };

function weightText(status: WorkloadStatus): string {
	if (status.kind !== 'Rollout' || status.strategy !== 'canary') return '—';
	const { setWeight, actualWeight } = status as RolloutStatus;
	return setWeight === undefined ? '—' : `${setWeight}/${actualWeight ?? 0}`;
}

/**
 * A Rollout's newest revision that runs pods (the plugin lists running images only, so an aborted
 * canary's image is not shown); a Deployment's newest revision, else its template's image.
 */
function newestImageTag(status: WorkloadStatus): string {
	const newest =
		status.kind === 'Rollout'
			? status.replicaSets.find((rs) => rs.replicas > 0)?.images[0]
			: (status.replicaSets[0]?.images[0] ?? status.images[0]);
	return newest ? imageTag(newest) : '—';
}

const readyText = ({ ready, desired }: ReplicaCounts): string => `${ready}/${desired}`;

export function workloadRow(workload: Workload, status: WorkloadStatus, stale: boolean, analysis = '', pending = 0): Row {
	const step = status.kind === 'Rollout' ? (status as RolloutStatus).step : undefined;
	const { ready, desired } = status.replicas;
	return {
		key: workloadKey(workload),
		dim: stale,
		cells: [
			{ text: `${status.glyph} ${status.phase}`, tone: PHASE_TONES[status.phase] },
			{ text: workload.metadata.name },
			{ text: workload.metadata.namespace ?? '' },
			{ text: status.kind === 'Deployment' ? 'rolling' : status.strategy },
			{ text: step ? formatStep(step) : '—' },
			{ text: weightText(status), tone: status.kind === 'Rollout' ? 'canary' : undefined },
			{ text: readyText(status.replicas), tone: ready < desired ? 'warn' : undefined },
			{ text: analysis || '—', tone: ANALYSIS_TONES[analysis.charAt(0)] },
			pending ? { text: String(pending), tone: 'warn' } : { text: '—', tone: 'muted' },
			{ text: status.revision === undefined ? '—' : String(status.revision) },
			{ text: newestImageTag(status) },
			{ text: status.age ?? '—' },
		],
	};
}

export function buildWorkloadTable(snapshot: StoreSnapshot, width: number, height: number): TableVM & { selectedKey?: string } {
	const { cluster, ui } = snapshot;
	const stale = cluster.staleKinds.has('Rollout') || cluster.staleKinds.has('Deployment');
	const analysis = selectAnalysisColumn(cluster);
	const workloads = visibleWorkloads(snapshot);
	// Only the rows in view get a status (the list may hold hundreds); READY is as wide as the widest
	// count of the whole list, read from the objects, so scrolling never changes the columns.
	const readyTexts = workloads.map((w) => readyText(replicaCounts(w.spec.replicas, w.status ?? {})));
	const rowAt = (index: number) => {
		const w = workloads[index];
		return workloadRow(w, workloadStatus(w, selectReplicaSets(cluster, w), cluster.now), stale, analysis.get(workloadKey(w)), selectPendingReplicas(cluster, w).count);
	};
	const hint = cluster.unavailable.get('Rollout');
	const empty = ui.filter ? `nothing matches /${ui.filter}` : hint ? `no workloads — ${hint}` : 'no workloads yet';
	const options = { width, height: height - 1, selectedKey: ui.workloadKey, empty };
	return buildWindowedTable(widenToContent(COLUMNS, 'READY', readyTexts), workloads.map(workloadKey), rowAt, options);
}
