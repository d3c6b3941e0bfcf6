// What `rolltop get` reports about one workload: its status report plus revisions, ReplicaSets and
// pods with their latest metrics — the console's Workloads, Rollout and Replicas panes as data.
import { formatAge, parseTime } from '../domain/format';
import type { Pod } from '../domain/k8s';
import { isStale, METRIC_IDS, type MetricId } from '../domain/metrics';
import { podRole, podStatus } from '../domain/pod';
import { replicaSetNote, type Workload } from '../domain/replica-set';
import type { ImageInfo } from '../domain/rollout';
import { workloadStatus } from '../domain/workload-status';
import { selectPods, selectReplicaSets } from '../store/selectors';
import type { StoreSnapshot } from '../store/store';
import { reportOf, type WorkloadReport } from './workload-report';

export interface PodReport {
	name: string;
	/** kubectl's STATUS word, the reason when the pod is not running (CrashLoopBackOff, OOMKilled…). */
	status: string;
	glyph: string;
	ready: string;
	restarts: number;
	role: string;
	node: string | null;
	age: string | null;
	/** Latest fresh sample; null when the metrics source has none or it is stale. */
	metrics: Partial<Record<MetricId, number>> | null;
}

export interface ReplicaSetReport {
	name: string;
	revision: number;
	phase: string;
	glyph: string;
	info: string;
	desired: number;
	replicas: number;
	available: number;
	images: string[];
	age: string | null;
	pods: PodReport[];
}

export interface WorkloadSnapshot extends WorkloadReport {
	images: ImageInfo[];
	age: string | null;
	replicaSets: ReplicaSetReport[];
}

const ageOf = (timestamp: string | undefined, now: number) => {
	const created = parseTime(timestamp);
	return created === undefined ? null : formatAge(now - created);
};

function metricsOf(snapshot: StoreSnapshot, pod: Pod): PodReport['metrics'] {
	const sample = snapshot.metrics.latest(pod.metadata.namespace ?? '', pod.metadata.name);
	if (!sample || isStale(sample.at, snapshot.cluster.now)) return null;
	const values: Partial<Record<MetricId, number>> = {};
	for (const id of METRIC_IDS) if (sample.values[id] !== undefined) values[id] = sample.values[id];
	return values;
}

export function workloadSnapshot(snapshot: StoreSnapshot, workload: Workload): WorkloadSnapshot {
	const { cluster } = snapshot;
	const now = cluster.now;
	const replicaSets = selectReplicaSets(cluster, workload);
	const status = workloadStatus(workload, replicaSets, now);
	const pods = selectPods(cluster, workload);
	const podReport = (pod: Pod): PodReport => {
		const state = podStatus(pod);
		return {
			name: pod.metadata.name,
			status: state.status,
			glyph: state.glyph,
			ready: state.ready,
			restarts: state.restarts,
			role: podRole(pod, workload, replicaSets),
			node: pod.spec.nodeName ?? null,
			age: ageOf(pod.metadata.creationTimestamp, now),
			metrics: metricsOf(snapshot, pod),
		};
	};
	// The plugin's order inside a ReplicaSet: oldest first, then by name.
	const podsOf = (rsName: string) =>
		pods
			.filter((pod) => pod.metadata.ownerReferences?.some((o) => o.kind === 'ReplicaSet' && o.name === rsName))
			.sort((a, b) => (parseTime(a.metadata.creationTimestamp) ?? 0) - (parseTime(b.metadata.creationTimestamp) ?? 0) || (a.metadata.name < b.metadata.name ? -1 : 1))
			.map(podReport);
	const images: ImageInfo[] = status.kind === 'Rollout' ? (status as { images: ImageInfo[] }).images : (status.images as string[]).map((image) => ({ image, tags: [] }));
	return {
		...reportOf(workload, status),
		images,
		age: ageOf(workload.metadata.creationTimestamp, now),
		replicaSets: status.replicaSets.map((rs) => ({
			name: rs.name,
			revision: rs.revision,
			phase: rs.phase,
			glyph: rs.glyph,
			info: replicaSetNote(rs, now),
			desired: rs.desired,
			replicas: rs.replicas,
			available: rs.available,
			images: rs.images,
			age: ageOf(rs.creationTimestamp, now),
			pods: podsOf(rs.name),
		})),
	};
}
