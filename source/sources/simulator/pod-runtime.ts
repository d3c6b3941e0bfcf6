// A new pod as the simulator runs it, whoever asked for it: the ReplicaSet controller (the pod is
// one of its replicas) or the API (`kubectl run`: a bare pod, owned by nobody and never replaced).
import type { PodTemplate } from '../../domain/k8s';
import { parseQuantity } from '../../domain/quantity';
import type { PodRuntime, SimContext } from './context';
import { GPU_RESOURCE } from './nodes';
import { uuid } from './random';
import { resolveProfile, type Workload } from './scenario';

export interface PodOwner {
	rsName: string;
	rsUid?: string;
	/** The pod-template hash label its owner's controller uses, and the hash; absent for a ReplicaSet nobody owns. */
	hashLabel?: string;
	hash: string;
}

export interface NewPod {
	namespace: string;
	name: string;
	/** What the pod serves (for a bare pod, a record of its own that no controller or traffic model knows). */
	workload: Workload;
	template: PodTemplate;
	owner?: PodOwner;
}

function gpusOf(template: PodTemplate): number {
	const limits = template.spec?.containers?.[0]?.resources?.limits ?? {};
	return parseQuantity(limits[GPU_RESOURCE]) ?? 0;
}

/** The speed of a new replica: slow while the workload has fewer slow replicas than its scenario says. */
function slowSpeed(ctx: SimContext, workload: Workload): number {
	const slow = workload.slowReplicas;
	if (!slow) return 1;
	const live = [...ctx.pods.values()].filter((p) => p.workload === workload && p.stage !== 'Terminating' && p.speed < 1).length;
	return live < slow.count ? slow.speed : 1;
}

/** Adds the pod, unscheduled, to the simulator (the scheduler and kubelet take it from there). */
export function admitPod(ctx: SimContext, init: NewPod): PodRuntime {
	const image = init.template.spec?.containers?.[0]?.image ?? '';
	const pod: PodRuntime = {
		namespace: init.namespace,
		name: init.name,
		uid: uuid(ctx.random.names),
		rsName: init.owner?.rsName,
		rsUid: init.owner?.rsUid,
		hashLabel: init.owner?.hashLabel,
		hash: init.owner?.hash ?? '',
		workload: init.workload,
		template: init.template,
		image,
		profile: resolveProfile(init.workload, image),
		gpus: gpusOf(init.template),
		createdAt: ctx.now,
		stage: 'Unscheduled',
		stageUntil: ctx.now,
		readyChangedAt: ctx.now,
		restartCount: 0,
		pulledImage: false,
		nextSchedulingEventAt: ctx.now,
		pressureSeconds: 0,
		load: 0,
		memDemandMiB: 0,
		skew: ctx.random.traffic.between(0.92, 1.08),
		speed: slowSpeed(ctx, init.workload),
		temperature: 0,
		dirty: true,
	};
	ctx.addPod(pod);
	return pod;
}
