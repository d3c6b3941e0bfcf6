// Offered load per workload (scripted level, ramps, seeded noise) and how the load balancer or
// service mesh splits it: Rollout weights for canaries, the active stack for blue-green, evenly
// for Deployments; within a version over Ready pods by the workload's balancing policy (with a
// little imbalance).
import type { Rollout } from '../../domain/k8s';
import { lbWeights, type LbPolicy } from '../../domain/load-balancing';
import type { PodRuntime, SimContext } from './context';
import type { Workload } from './scenario';

function workloadKey(w: Workload): string {
	return `${w.namespace}/${w.name}`;
}

/** The scripted level at `t` seconds after start: steps or linear ramps between levels. */
export function scriptedLoad(w: Workload, t: number): number {
	let level = w.load.rps;
	const changes = [...(w.load.changes ?? [])].sort((a, b) => a.at - b.at);
	for (const change of changes) {
		if (t < change.at) break;
		const ramp = change.rampSeconds ?? 0;
		level = ramp > 0 && t < change.at + ramp ? level + ((change.rps - level) * (t - change.at)) / ramp : change.rps;
	}
	return level;
}

interface Side {
	share: number;
	hash?: string;
}

function sidesOf(ctx: SimContext, w: Workload): Side[] {
	if (w.strategy === 'rolling') return [{ share: 1 }];
	const ro = ctx.store.get({ kind: 'Rollout', namespace: w.namespace, name: w.name }) as Rollout | undefined;
	const status = ro?.status;
	if (w.strategy === 'blueGreen') return [{ share: 1, hash: status?.blueGreen?.activeSelector }];
	const weights = status?.canary?.weights;
	if (!weights) return [{ share: 1 }];
	if (weights.canary.podTemplateHash === weights.stable.podTemplateHash) return [{ share: 1, hash: weights.stable.podTemplateHash }];
	return [
		{ share: weights.canary.weight / 100, hash: weights.canary.podTemplateHash },
		{ share: weights.stable.weight / 100, hash: weights.stable.podTemplateHash },
	];
}

export class Traffic {
	private readonly noise = new Map<string, number>();
	private readonly offered = new Map<string, number>();
	/** Policies changed at run time (`:lb`); others come from the scenario. */
	private readonly policies = new Map<string, LbPolicy>();

	setPolicy(namespace: string, name: string, policy: LbPolicy): void {
		this.policies.set(`${namespace}/${name}`, policy);
	}

	policyOf(w: Workload): LbPolicy {
		return this.policies.get(workloadKey(w)) ?? w.loadBalancing ?? 'round-robin';
	}

	offeredLoad(namespace: string, name: string): number {
		return this.offered.get(`${namespace}/${name}`) ?? 0;
	}

	/** Advances the load one second and assigns each Ready pod its requests per second. */
	step(ctx: SimContext, secondsSinceStart: number): void {
		// By the record itself, not its name: a bare pod's own record may share a workload's name, and gets no traffic.
		const podsByWorkload = new Map<Workload, PodRuntime[]>();
		for (const pod of ctx.pods.values()) {
			pod.load = 0;
			if (pod.stage !== 'Ready') continue;
			const list = podsByWorkload.get(pod.workload) ?? [];
			list.push(pod);
			podsByWorkload.set(pod.workload, list);
		}
		const random = ctx.random.traffic;
		for (const w of ctx.workloads.values()) {
			const key = workloadKey(w);
			// Mean-reverting noise: slow drifts rather than white jitter, as real request rates look.
			const amplitude = w.load.noise ?? 0.05;
			const drift = 0.92 * (this.noise.get(key) ?? 0) + random.gaussian() * amplitude * 0.4;
			this.noise.set(key, drift);
			const offered = Math.max(0, scriptedLoad(w, secondsSinceStart) * (1 + drift));
			this.offered.set(key, offered);
			const ready = podsByWorkload.get(w) ?? [];
			// A side with no Ready pod (say, a crash-looping canary's share) simply fails: nobody reports it.
			for (const side of sidesOf(ctx, w)) {
				const demand = offered * side.share;
				const pods = side.hash === undefined ? ready : ready.filter((p) => p.hash === side.hash);
				if (!pods.length) continue;
				const capacities = pods.map((p) => ({ actual: p.profile.capacityRps * p.speed, nominal: p.profile.capacityRps * Math.max(1, p.gpus) }));
				const shares = lbWeights(this.policyOf(w), capacities);
				const weights = pods.map((p, i) => shares[i] * p.skew * (1 + random.between(-0.03, 0.03)));
				const sum = weights.reduce((a, b) => a + b, 0);
				pods.forEach((pod, i) => (pod.load = (demand * weights[i]) / sum));
			}
		}
	}
}
