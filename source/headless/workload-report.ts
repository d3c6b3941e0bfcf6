// One workload as the headless commands report it (status lines, JSON, get snapshots): the same
// computed status the console shows, flattened into plain data for scripts.
import type { Rollout } from '../domain/k8s';
import type { Workload } from '../domain/replica-set';
import type { RolloutStatus } from '../domain/rollout';
import type { Phase, ReplicaCounts } from '../domain/status';
import type { ClusterState } from '../store/cluster-state';
import { verdictState, type VerdictCount, type VerdictState } from '../domain/verdict';
import { selectReplicaSets, workloadKey } from '../store/selectors';
import type { Verdicts } from '../store/verdicts';
import { workloadStatus, type WorkloadStatus } from '../domain/workload-status';

export interface AnalysisReport {
	name: string;
	phase: string | null;
	message: string | null;
}

export interface WorkloadReport {
	kind: Workload['kind'];
	namespace: string;
	name: string;
	strategy: string;
	phase: Phase;
	message: string;
	/** Canary with steps: the zero-based index of the current step and the step count, shown `index/count`. */
	step: { index: number; count: number } | null;
	setWeight: number | null;
	actualWeight: number | null;
	replicas: ReplicaCounts;
	revision: number | null;
	/** Present only when the Rollout's status names an AnalysisRun (the controller's view of it). */
	analysis?: AnalysisReport;
	/** rolltop's own canary verdict; null until it judges this workload. */
	verdict: VerdictReport | null;
}

export interface VerdictReport {
	state: VerdictState;
	/** The judged pod-template hash. */
	revision: string;
	failedChecks: number;
	threshold: number;
}

type RunStatus = { name?: string; status?: string; message?: string } | undefined;

/** The AnalysisRun the Rollout's status points at: the current step's, else blue-green's pre/post promotion. */
function analysisOf(ro: Rollout): AnalysisReport | undefined {
	const runs: RunStatus[] = [
		ro.status?.canary?.currentStepAnalysisRunStatus,
		ro.status?.blueGreen?.prePromotionAnalysisRunStatus as RunStatus,
		ro.status?.blueGreen?.postPromotionAnalysisRunStatus as RunStatus,
	];
	const run = runs.find((r) => r?.name);
	return run?.name ? { name: run.name, phase: run.status || null, message: run.message || null } : undefined;
}

export function reportOf(workload: Workload, status: WorkloadStatus, verdict?: VerdictCount): WorkloadReport {
	const rollout = status.kind === 'Rollout' ? (status as RolloutStatus & WorkloadStatus) : undefined;
	const analysis = workload.kind === 'Rollout' ? analysisOf(workload) : undefined;
	return {
		kind: workload.kind,
		namespace: workload.metadata.namespace ?? '',
		name: workload.metadata.name,
		strategy: status.strategy,
		phase: status.phase,
		message: status.message,
		step: rollout?.step ?? null,
		setWeight: rollout?.setWeight ?? null,
		actualWeight: rollout?.actualWeight ?? null,
		replicas: status.replicas,
		revision: status.revision ?? null,
		...(analysis ? { analysis } : {}),
		verdict: verdict ? { state: verdictState(verdict), revision: verdict.revision, failedChecks: verdict.failedChecks, threshold: verdict.threshold } : null,
	};
}

/** `verdicts`: the store's counts, when metrics are being judged. */
export function workloadReport(state: ClusterState, workload: Workload, verdicts?: Verdicts): WorkloadReport {
	return reportOf(workload, workloadStatus(workload, selectReplicaSets(state, workload), state.now), verdicts?.get(workloadKey(workload)));
}

/** `Phase - message` as the Argo plugin's `status` prints it; the phase alone when there is no message. */
export function statusLine(report: Pick<WorkloadReport, 'phase' | 'message'>): string {
	return report.message ? `${report.phase} - ${report.message}` : report.phase;
}
