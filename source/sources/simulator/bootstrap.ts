// The cluster as it is when the scenario starts: nodes, workloads with their revision history,
// and the current version's pods already running and Ready for a while.
import type { ReplicaSet } from '../../domain/k8s';
import type { Workload as WorkloadObject } from '../../domain/replica-set';
import { hpaObject } from './autoscaler';
import type { SimContext } from './context';
import { createNodes } from './nodes';
import { createReplicaSet, newPod } from './replicasets';
import { uuid } from './random';
import type { Scenario, ServingWorkload } from './scenario';
import { placeSilently } from './scheduler';
import { rfc3339 } from '../../domain/format';
import { podTemplateHash } from './template-hash';
import { podTemplate, workloadObject } from './workload-objects';

const MINUTE = 60_000;
const DAY = 86_400_000;

function startRunningPods(ctx: SimContext, rs: ReplicaSet, count: number, since: number): void {
	const random = ctx.random.lifecycle;
	for (let i = 0; i < count; i++) {
		const pod = newPod(ctx, rs);
		if (!pod) return;
		pod.createdAt = since + random.int(0, 20) * 1000;
		if (!placeSilently(ctx, pod)) continue;
		pod.scheduledAt = pod.createdAt;
		pod.startedAt = pod.createdAt + random.int(10, 40) * 1000;
		pod.containerId = `containerd://${random.hex(64)}`;
		pod.readyChangedAt = pod.startedAt + random.int(20, 40) * 1000;
		pod.run = { id: pod.containerId, startedAt: pod.startedAt, readyAt: pod.readyChangedAt };
		pod.stage = 'Ready';
	}
}

function bootstrapWorkload(ctx: SimContext, w: ServingWorkload): void {
	ctx.setWorkload(w.strategy === 'rolling' ? 'Deployment' : 'Rollout', w);
	const random = ctx.random.lifecycle;
	const createdAt = ctx.now - random.int(20, 90) * DAY;
	const owner = ctx.store.put(workloadObject(w, uuid(ctx.random.names), createdAt)) as WorkloadObject;
	const history = w.versions.filter((v) => v.deployAt === undefined);
	const versions = history.length ? history : [w.versions[0]];
	// Revisions spread between the workload's creation and a few hours ago.
	const span = ctx.now - createdAt;
	let current: ReplicaSet | undefined;
	let currentCreatedAt = createdAt;
	versions.forEach((version, i) => {
		const template = podTemplate(w, version.image);
		const at = i === versions.length - 1 ? ctx.now - random.int(3, 72) * 60 * MINUTE : createdAt + Math.floor((span * i) / versions.length);
		const withTemplate = { ...owner, spec: { ...owner.spec, template } } as WorkloadObject;
		current = createReplicaSet(ctx, withTemplate, podTemplateHash(template), i + 1, at);
		currentCreatedAt = at;
	});
	if (!current) return;
	const hpa = hpaObject(ctx, w, createdAt);
	if (hpa) ctx.store.put(hpa);
	const scaled = ctx.store.put({ ...current, spec: { ...current.spec, replicas: w.replicas } }) as ReplicaSet;
	startRunningPods(ctx, scaled, w.replicas, currentCreatedAt + MINUTE);
}

function createAnalysisTemplates(ctx: SimContext, scenario: Scenario): void {
	for (const t of scenario.analysisTemplates ?? []) {
		ctx.store.put({
			apiVersion: 'argoproj.io/v1alpha1',
			kind: 'AnalysisTemplate',
			metadata: { name: t.name, namespace: t.namespace, creationTimestamp: rfc3339(ctx.now - DAY) },
			spec: structuredClone(t.spec),
		});
	}
}

export function bootstrap(ctx: SimContext, scenario: Scenario): void {
	createNodes(ctx, scenario);
	createAnalysisTemplates(ctx, scenario);
	for (const w of scenario.workloads) bootstrapWorkload(ctx, w);
}
