// Objects deleted over the API while the controllers use them, as Argo and Kubernetes react:
// a Rollout's current AnalysisRun is created anew, a referenced AnalysisTemplate that disappears
// makes the Rollout InvalidSpec until it is back, a deleted Rollout takes its runs along, and a
// deleted HPA leaves its target's replicas.
import { describe, expect, it } from 'vitest';
import type { AnalysisRun, AnalysisTemplate, HorizontalPodAutoscaler } from '../../source/domain/k8s';
import { advanceUntil, CANARY, NS, rollout, simulator } from './helpers';

const backgroundRun = (sim: ReturnType<typeof simulator>) =>
	(sim.store.list('AnalysisRun', NS) as AnalysisRun[]).find((r) => r.metadata.labels?.['rollout-type'] === 'Background' && !r.spec?.terminate);

describe('deletions over the API', () => {
	it("deleting the Rollout's running AnalysisRun: the controller creates it anew and the rollout carries on", () => {
		const sim = simulator('analysis-pass');
		advanceUntil(sim, () => backgroundRun(sim)?.status?.phase === 'Running', 200_000, 'a running background analysis');
		const run = backgroundRun(sim) as AnalysisRun;
		sim.remove({ kind: 'AnalysisRun', namespace: NS, name: run.metadata.name });
		sim.advance(1000);
		const again = backgroundRun(sim) as AnalysisRun;
		expect(again.metadata.name).toBe(run.metadata.name);
		expect(again.metadata.uid).not.toBe(run.metadata.uid);
		expect(rollout(sim).status?.canary?.currentBackgroundAnalysisRunStatus?.name).toBe(run.metadata.name);
		advanceUntil(sim, () => rollout(sim).status?.phase === 'Healthy', 400_000, 'Healthy');
	});

	it('deleting a referenced AnalysisTemplate makes the Rollout InvalidSpec (Degraded, halted); recreating it clears that', () => {
		const sim = simulator('analysis-pass');
		sim.advance(10_000);
		const ref = { kind: 'AnalysisTemplate' as const, namespace: NS, name: 'vllm-canary-slo' };
		const template = sim.store.get(ref) as AnalysisTemplate;
		sim.remove(ref);
		sim.advance(1000);
		const message = `The Rollout "${CANARY}" is invalid: spec.strategy.canary.steps[2].analysis.templates: Invalid value: "vllm-canary-slo": AnalysisTemplate 'vllm-canary-slo' not found`;
		expect(rollout(sim).status?.conditions?.find((c) => c.type === 'InvalidSpec')).toMatchObject({ status: 'True', reason: 'InvalidSpec', message });
		expect(rollout(sim).status).toMatchObject({ phase: 'Degraded', message: `InvalidSpec: ${message}` });
		const step = rollout(sim).status?.currentStepIndex;
		sim.advance(60_000);
		expect(rollout(sim).status?.currentStepIndex).toBe(step);

		sim.store.put({ ...template, metadata: { name: template.metadata.name, namespace: NS } });
		sim.advance(1000);
		expect(rollout(sim).status?.conditions?.some((c) => c.type === 'InvalidSpec')).toBe(false);
		advanceUntil(sim, () => rollout(sim).status?.phase === 'Healthy', 400_000, 'Healthy');
	});

	it('deleting a Rollout takes its AnalysisRuns with it, as the garbage collector does', () => {
		const sim = simulator('analysis-pass');
		advanceUntil(sim, () => backgroundRun(sim)?.status?.phase === 'Running', 200_000, 'a running background analysis');
		sim.remove({ kind: 'Rollout', namespace: NS, name: CANARY });
		expect(sim.store.list('AnalysisRun', NS)).toEqual([]);
		sim.advance(5000);
		expect(sim.store.list('AnalysisRun', NS)).toEqual([]);
	});

	it("a deleted HPA stops scaling; its target keeps the replicas it had", () => {
		const sim = simulator('traffic-spike');
		const hpa = sim.store.list('HorizontalPodAutoscaler')[0] as HorizontalPodAutoscaler | undefined;
		expect(hpa).toBeDefined();
		const { name, kind } = (hpa as HorizontalPodAutoscaler).spec.scaleTargetRef;
		const target = { kind, namespace: hpa?.metadata.namespace, name } as { kind: 'Deployment' | 'Rollout'; namespace: string; name: string };
		sim.remove({ kind: 'HorizontalPodAutoscaler', namespace: hpa?.metadata.namespace, name: hpa?.metadata.name as string });
		const replicas = (sim.store.get(target) as { spec: { replicas?: number } }).spec.replicas;
		sim.advance(300_000);
		expect((sim.store.get(target) as { spec: { replicas?: number } }).spec.replicas).toBe(replicas);
	});
});
