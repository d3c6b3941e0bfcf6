// The simulator's shared state: the object store (what the API shows) plus what only the "hardware"
// knows — where each pod's process is in its lifecycle, GPU allocations, traffic levels.
import type { PodTemplate } from '../../domain/k8s';
import { EventRecorder } from './events';
import type { LoadHistory } from './logs/load-history';
import { ObjectStore } from './object-store';
import { Random } from './random';
import type { NodePool, VersionProfile, Workload } from './scenario';

export type PodStage = 'Unscheduled' | 'ContainerCreating' | 'Loading' | 'Ready' | 'BackOff' | 'Terminating';

export interface Termination {
	reason: 'Error' | 'OOMKilled';
	exitCode: number;
	startedAt: number;
	finishedAt: number;
}

/** One run of the server container, from start to its end (if it ended): what its log is about. */
export interface ContainerRun {
	id: string;
	startedAt: number;
	/** When the model is loaded and the server answers (planned at start). */
	readyAt: number;
	termination?: Termination;
}

export interface PodRuntime {
	namespace: string;
	name: string;
	uid: string;
	/** The owning ReplicaSet; undefined for a bare pod (`kubectl run`), which nothing replaces. */
	rsName?: string;
	rsUid?: string;
	/** The owner's pod-template hash label (undefined when the pod or its ReplicaSet has no owner). */
	hashLabel?: string;
	hash: string;
	/** The workload it serves: a scenario's or an API-created one's, or a bare pod's own record. */
	workload: Workload;
	template: PodTemplate;
	image: string;
	profile: VersionProfile;
	gpus: number;
	createdAt: number;
	stage: PodStage;
	/** When the current stage ends (image pulled, model loaded, back-off over, grace period over). */
	stageUntil: number;
	node?: string;
	podIP?: string;
	scheduledAt?: number;
	startedAt?: number;
	containerId?: string;
	readySince?: number;
	/** Last time the Ready condition flipped. */
	readyChangedAt: number;
	restartCount: number;
	lastTermination?: Termination;
	deletedAt?: number;
	pulledImage: boolean;
	nextSchedulingEventAt: number;
	unschedulableMessage?: string;
	/** Seconds in a row the replica's memory demand exceeded its GPUs. */
	pressureSeconds: number;
	/** Latest traffic and memory demand (from the metrics step). */
	load: number;
	memDemandMiB: number;
	/** Stable per-replica imbalance of the load balancer (≈1). */
	skew: number;
	/** Serving speed relative to the version's profile (1; less on a throttled GPU). */
	speed: number;
	temperature: number;
	/** The container's current run and the one before it (what `--previous` reads). */
	run?: ContainerRun;
	previousRun?: ContainerRun;
	/** Recent load per second, for log lines generated when read. */
	loadHistory?: LoadHistory;
	/** The pod object needs re-rendering into the store. */
	dirty: boolean;
}

export interface NodeState {
	name: string;
	pool: NodePool;
	index: number;
	gpusUsed: number;
	images: Set<string>;
	internalIP: string;
	nextPodIP: number;
	/** The last XID error its GPUs report (DCGM_FI_DEV_XID_ERRORS), if any. */
	xid?: number;
}

export interface Streams {
	names: Random;
	lifecycle: Random;
	traffic: Random;
	metrics: Random;
}

export class SimContext {
	readonly store: ObjectStore;
	readonly events: EventRecorder;
	readonly pods = new Map<string, PodRuntime>();
	readonly podsByReplicaSet = new Map<string, Set<PodRuntime>>();
	readonly nodes: NodeState[] = [];
	private readonly nodesByName = new Map<string, NodeState>();
	/** By kind/namespace/name: a Deployment and a Rollout may share a name. */
	readonly workloads = new Map<string, Workload>();
	/** What the pods of ReplicaSets created over the API without an owner run, by namespace/name. */
	readonly ownerlessReplicaSets = new Map<string, Workload>();
	readonly random: Streams;
	now: number;

	constructor(
		start: number,
		readonly seed: number,
	) {
		this.now = start;
		this.store = new ObjectStore(() => this.now);
		this.events = new EventRecorder(this.store, () => this.now);
		this.random = {
			names: new Random(seed, 'names'),
			lifecycle: new Random(seed, 'lifecycle'),
			traffic: new Random(seed, 'traffic'),
			metrics: new Random(seed, 'metrics'),
		};
	}

	workload(kind: string, namespace: string | undefined, name: string): Workload | undefined {
		return this.workloads.get(`${kind}/${namespace ?? ''}/${name}`);
	}

	setWorkload(kind: 'Deployment' | 'Rollout', workload: Workload): void {
		this.workloads.set(`${kind}/${workload.namespace}/${workload.name}`, workload);
	}

	deleteWorkload(kind: 'Deployment' | 'Rollout', namespace: string | undefined, name: string): void {
		this.workloads.delete(`${kind}/${namespace ?? ''}/${name}`);
	}

	podsOf(namespace: string | undefined, rsName: string): Set<PodRuntime> {
		const key = `${namespace ?? ''}/${rsName}`;
		let set = this.podsByReplicaSet.get(key);
		if (!set) this.podsByReplicaSet.set(key, (set = new Set()));
		return set;
	}

	addPod(pod: PodRuntime): void {
		this.pods.set(`${pod.namespace}/${pod.name}`, pod);
		if (pod.rsName !== undefined) this.podsOf(pod.namespace, pod.rsName).add(pod);
	}

	removePod(pod: PodRuntime): void {
		this.pods.delete(`${pod.namespace}/${pod.name}`);
		if (pod.rsName !== undefined) this.podsOf(pod.namespace, pod.rsName).delete(pod);
	}

	addNode(node: NodeState): void {
		this.nodes.push(node);
		this.nodesByName.set(node.name, node);
	}

	removeNode(name: string): void {
		const node = this.nodesByName.get(name);
		if (!node) return;
		this.nodesByName.delete(name);
		this.nodes.splice(this.nodes.indexOf(node), 1);
	}

	node(name: string | undefined): NodeState | undefined {
		return name === undefined ? undefined : this.nodesByName.get(name);
	}

	/** A unique pod name, `<replicaset>-<5 chars>` as the ReplicaSet controller generates them. */
	podName(namespace: string, rsName: string): string {
		for (;;) {
			const name = `${rsName}-${this.random.names.chars(5)}`;
			if (!this.pods.has(`${namespace}/${name}`)) return name;
		}
	}
}
