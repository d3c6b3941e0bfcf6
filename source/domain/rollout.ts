// Everything the console shows about one Argo Rollout, computed as `kubectl argo rollouts get
// rollout` does (info/rollout_info.go), plus what it is waiting for.
import type { ReplicaSet, Rollout } from './k8s';
import { formatAge, parseTime } from './format';
import { replicaSetInfos, revisionOf, ROLLOUT_REVISION_ANNOTATION, type ReplicaSetInfo, type ReplicaSetTag } from './replica-set';
import { rolloutPhase } from './rollout-phase';
import { canarySteps, currentStep, currentStepIndex, setWeightAt, strategyOf, type RolloutStrategy } from './rollout-steps';
import { waitingFor, type WaitingFor } from './rollout-waiting';
import { replicaCounts, type ReplicaCounts, type WorkloadHealth } from './status';

export interface ImageInfo {
	image: string;
	tags: ReplicaSetTag[];
}

export interface RolloutStatus extends WorkloadHealth {
	strategy: RolloutStrategy;
	/** Canary with steps only; index is zero-based and shown as `index/count`. */
	step?: { index: number; count: number };
	/** Canary only: the weight the current step asks for (0 when aborted). */
	setWeight?: number;
	/** Canary only: the weight traffic actually carries, as far as the rollout can tell. */
	actualWeight?: number;
	replicas: ReplicaCounts;
	revision?: number;
	images: ImageInfo[];
	waitingFor?: WaitingFor;
	replicaSets: ReplicaSetInfo[];
	paused: boolean;
	aborted: boolean;
	age?: string;
}

/**
 * Plugin ActualWeight: 100 past the last step; with traffic routing the routed weight (or the set
 * weight until the controller reports one); without, the canary's share of available pods.
 */
function actualWeight(ro: Rollout, setWeight: number, replicaSets: ReplicaSetInfo[]): number {
	if (!currentStep(ro)) return 100;
	const available = ro.status?.availableReplicas ?? 0;
	if (available <= 0) return 0;
	if (ro.spec.strategy?.canary?.trafficRouting) return ro.status?.canary?.weights?.canary.weight ?? setWeight;
	const canary = replicaSets.filter((rs) => rs.tags.includes('canary')).at(-1);
	return canary ? Math.trunc((canary.available * 100) / available) : 0;
}

/** The order the plugin adds an image's tags in (info.Images), which differs from the ReplicaSet INFO order. */
const IMAGE_TAG_ORDER: readonly ReplicaSetTag[] = ['canary', 'stable', 'active', 'preview', 'ping', 'pong'];

/**
 * Running images with their tags, sorted by image (plugin: Images). Tags keep the plugin's order;
 * an image run by several ReplicaSets gets their tags merged and sorted, as mergeTags does.
 */
function images(replicaSets: ReplicaSetInfo[]): ImageInfo[] {
	const byImage = new Map<string, ReplicaSetTag[]>();
	for (const rs of replicaSets) {
		if (rs.replicas <= 0) continue;
		const tags = IMAGE_TAG_ORDER.filter((tag) => rs.tags.includes(tag));
		for (const image of rs.images) {
			const seen = byImage.get(image);
			byImage.set(image, seen ? [...new Set([...seen, ...tags])].sort() : tags);
		}
	}
	return [...byImage].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([image, tags]) => ({ image, tags }));
}

export function rolloutStatus(ro: Rollout, replicaSets: ReplicaSet[], now: number): RolloutStatus {
	const infos = replicaSetInfos(ro, replicaSets);
	const strategy = strategyOf(ro);
	const status = ro.status ?? {};
	const canary: Partial<RolloutStatus> = {};
	if (strategy === 'canary') {
		const steps = canarySteps(ro);
		if (status.currentStepIndex !== undefined && steps.length > 0) {
			canary.step = { index: status.currentStepIndex, count: steps.length };
		}
		canary.setWeight = setWeightAt(ro, currentStepIndex(ro));
		canary.actualWeight = actualWeight(ro, canary.setWeight, infos);
	}
	const revision = revisionOf(ro, ROLLOUT_REVISION_ANNOTATION);
	const created = parseTime(ro.metadata.creationTimestamp);
	const wait = waitingFor(ro, now);
	return {
		...rolloutPhase(ro),
		strategy,
		...canary,
		replicas: replicaCounts(ro.spec.replicas, status),
		...(revision > 0 ? { revision } : {}),
		images: images(infos),
		...(wait ? { waitingFor: wait } : {}),
		replicaSets: infos,
		paused: Boolean(ro.spec.paused) || (status.pauseConditions ?? []).length > 0,
		aborted: Boolean(status.abort),
		...(created !== undefined ? { age: formatAge(now - created) } : {}),
	};
}
