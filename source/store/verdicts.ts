// rolltop's verdict per Rollout under judgement, counted as metric samples arrive: the store keeps
// the count (keyed by workload, carrying the judged revision) and the present layer only shows it.
import type { Pod, Rollout } from '../domain/k8s';
import type { ReplicaSample } from '../domain/metrics';
import { podRole } from '../domain/pod';
import { countRefresh, judgedRevision, judgeRefresh, sideStats, type VerdictCount } from '../domain/verdict';
import { verdictSpecFor, type VerdictConfig } from '../domain/verdict-spec';
import type { ClusterState } from './cluster-state';
import type { MetricsHistory } from './metrics-history';
import { selectPods, selectReplicaSets, selectWorkloads, workloadKey } from './selectors';

export type Verdicts = ReadonlyMap<string, VerdictCount>;

const NEW_ROLES = new Set(['canary', 'preview']);
const OLD_ROLES = new Set(['stable', 'active']);

/** The counts after a metrics refresh at `now`; an unchanged map when nothing was judged anew. */
export function updateVerdicts(previous: Verdicts, cluster: ClusterState, metrics: MetricsHistory, config: VerdictConfig, now: number): Verdicts {
	const next = new Map<string, VerdictCount>();
	let changed = false;
	for (const workload of selectWorkloads(cluster)) {
		if (workload.kind !== 'Rollout') continue;
		const key = workloadKey(workload);
		const revision = judgedRevision(workload);
		if (!revision) continue;
		const count = judge(previous.get(key), workload, revision, cluster, metrics, config, now);
		next.set(key, count);
		changed ||= count !== previous.get(key);
	}
	return changed || next.size !== previous.size ? next : previous;
}

/** The counts of Rollouts that still exist (unchanged when none is gone). */
export function forgetGone(verdicts: Verdicts, cluster: ClusterState): Verdicts {
	const present = new Set(selectWorkloads(cluster).map(workloadKey));
	const kept = [...verdicts].filter(([key]) => present.has(key));
	return kept.length === verdicts.size ? verdicts : new Map(kept);
}

function judge(
	previous: VerdictCount | undefined,
	ro: Rollout,
	revision: string,
	cluster: ClusterState,
	metrics: MetricsHistory,
	config: VerdictConfig,
	now: number,
): VerdictCount {
	const replicaSets = selectReplicaSets(cluster, ro);
	const canary: ReplicaSample[] = [];
	const stable: ReplicaSample[] = [];
	let newest = -Infinity;
	for (const pod of selectPods(cluster, ro)) {
		const sample = latestOf(metrics, pod);
		if (!sample) continue;
		const role = podRole(pod, ro, replicaSets);
		const side = NEW_ROLES.has(role) ? canary : OLD_ROLES.has(role) ? stable : undefined;
		if (!side) continue;
		side.push(sample);
		newest = Math.max(newest, sample.at);
	}
	const key = `${ro.metadata.namespace}/${ro.metadata.name}`;
	const { spec, problem } = verdictSpecFor(config, key, ro.metadata.annotations);
	// With no sample at all the refresh is still judged (as not enough data) once per `now`.
	const at = newest === -Infinity ? now : newest;
	const count = countRefresh(previous, revision, at, spec.threshold, judgeRefresh(spec, sideStats(canary, now), sideStats(stable, now)));
	return count === previous || count.problem === problem ? count : { ...count, problem };
}

function latestOf(metrics: MetricsHistory, pod: Pod): ReplicaSample | undefined {
	return metrics.latest(pod.metadata.namespace ?? '', pod.metadata.name);
}
