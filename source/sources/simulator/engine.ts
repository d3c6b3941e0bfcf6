// One simulated second: scripted changes, then the controllers (Argo Rollouts, Deployment,
// ReplicaSet), the scheduler and the kubelets, then traffic and metrics. Pure computation on
// the simulated clock; timers and listeners live in simulator.ts.
import { keyOf, type Deployment, type Rollout } from '../../domain/k8s';
import type { ReplicaSample } from '../../domain/metrics';
import { reconcileAnalysisRuns } from './analysis-controller';
import { HpaController } from './autoscaler';
import { bootstrap } from './bootstrap';
import { SimContext } from './context';
import { reconcileDeployment } from './deployment-controller';
import { runKubelets } from './kubelet';
import { recordLoads } from './logs/load-history';
import { markNodesWithoutKubelet } from './node-lifecycle';
import { syncCordonTaints } from './nodes';
import { sampleAll } from './metrics-model';
import { replicaSetsByOwner, runReplicaSetController, writePods, writeReplicaSetStatuses } from './replicasets';
import { reconcileBlueGreen } from './rollout-bluegreen';
import { reconcileCanary } from './rollout-canary';
import { markInvalidSpec, missingReference } from './rollout-references';
import { DEFAULT_START_TIME, type Scenario } from './scenario';
import { schedulePending } from './scheduler';
import { Traffic } from './traffic';
import { podTemplate } from './workload-objects';

export class Engine {
	readonly ctx: SimContext;
	readonly traffic = new Traffic();
	private readonly autoscaler = new HpaController();
	private readonly start: number;
	private readonly deployed = new Set<string>();
	private samples: ReplicaSample[] = [];

	constructor(readonly scenario: Scenario, seed: number) {
		this.start = Date.parse(scenario.startTime ?? DEFAULT_START_TIME);
		this.ctx = new SimContext(this.start, seed);
		bootstrap(this.ctx, scenario);
		this.reconcile();
		// A release at second 0 is under way in the first frame, as on a cluster mid-release.
		if (this.applyScriptedVersions()) this.reconcile();
		this.measure();
		this.publish();
	}

	get now(): number {
		return this.ctx.now;
	}

	get latestSamples(): ReplicaSample[] {
		return this.samples;
	}

	tick(): void {
		this.ctx.now += 1000;
		this.applyScriptedVersions();
		// Measurements read last second's model; the rollouts then react to the runs' phases.
		// (Runs come from the scenario's Rollouts or from the API; series are built only when a run measures.)
		reconcileAnalysisRuns(this.ctx, this.samples);
		this.reconcile();
		syncCordonTaints(this.ctx);
		markNodesWithoutKubelet(this.ctx);
		schedulePending(this.ctx);
		runKubelets(this.ctx);
		this.measure();
		this.autoscaler.run(this.ctx);
		this.publish();
	}

	/** Versions with `deployAt` are applied like `kubectl apply` of a new image. */
	/** Answers whether a version was applied. */
	private applyScriptedVersions(): boolean {
		const elapsed = (this.ctx.now - this.start) / 1000;
		let applied = false;
		for (const w of this.scenario.workloads) {
			w.versions.forEach((version, i) => {
				const id = `${w.namespace}/${w.name}#${i}`;
				if (version.deployAt === undefined || version.deployAt > elapsed || this.deployed.has(id)) return;
				this.deployed.add(id);
				const kind = w.strategy === 'rolling' ? 'Deployment' : 'Rollout';
				const ref = { kind, namespace: w.namespace, name: w.name } as const;
				if (!this.ctx.store.get(ref)) return;
				this.ctx.store.patch(ref, undefined, 'merge', { spec: { template: podTemplate(w, version.image) } });
				applied = true;
			});
		}
		return applied;
	}

	private reconcile(): void {
		const ctx = this.ctx;
		const replicaSets = replicaSetsByOwner(ctx);
		for (const obj of ctx.store.list('Rollout')) {
			const ro = obj as Rollout;
			if (!ctx.workload('Rollout', ro.metadata.namespace, ro.metadata.name)) continue;
			const invalid = missingReference(ctx, ro);
			if (invalid) {
				markInvalidSpec(ctx, ro, invalid);
				continue;
			}
			const owned = replicaSets.get(keyOf(ro)) ?? [];
			if (ro.spec.strategy?.blueGreen) reconcileBlueGreen(ctx, ro, owned);
			else reconcileCanary(ctx, ro, owned);
		}
		for (const obj of ctx.store.list('Deployment')) {
			const d = obj as Deployment;
			if (!ctx.workload('Deployment', d.metadata.namespace, d.metadata.name)) continue;
			reconcileDeployment(ctx, d, replicaSets.get(keyOf(d)) ?? []);
		}
		runReplicaSetController(ctx);
	}

	private measure(): void {
		this.traffic.step(this.ctx, (this.ctx.now - this.start) / 1000);
		this.samples = sampleAll(this.ctx);
		recordLoads(this.ctx);
	}

	private publish(): void {
		writeReplicaSetStatuses(this.ctx);
		writePods(this.ctx);
	}
}
