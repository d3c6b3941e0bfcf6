// Argo analysis in the simulator: runs created as the rollout controller names and labels them,
// measured from the model, and the Rollout's reaction (continue, abort, pause) as ANALYSIS.md says.
import { describe, expect, it } from 'vitest';
import type { AnalysisRun } from '../../source/domain/k8s';
import { executePlan } from '../../source/domain/execute-plan';
import { planAction } from '../../source/domain/plan-action';
import { createSimulator, loadScenario, type Simulator } from '../../source/sources/simulator';
import { advanceUntil, CANARY, NS, replicaSets, rollout, samples, simulator, sum } from './helpers';

const runs = (sim: Simulator) => sim.store.list('AnalysisRun', NS) as AnalysisRun[];
const stepRun = (sim: Simulator) => runs(sim).find((r) => r.metadata.labels?.['rollout-type'] === 'Step');
const backgroundRun = (sim: Simulator) => runs(sim).find((r) => r.metadata.labels?.['rollout-type'] === 'Background');

describe('analysis-pass', () => {
	it('runs background and step analysis, named and labelled as Argo does, and completes the rollout', () => {
		const sim = simulator('analysis-pass');
		advanceUntil(sim, () => rollout(sim).status?.phase === 'Healthy' && backgroundRun(sim)?.status?.phase === 'Successful', 400_000, 'Healthy, background analysis ended');
		const ro = rollout(sim);
		const hash = ro.status?.currentPodHash as string;
		const step = stepRun(sim) as AnalysisRun;
		expect(step.metadata.name).toBe(`${CANARY}-${hash}-3-2`);
		expect(step.metadata.labels).toMatchObject({ app: CANARY, 'rollouts-pod-template-hash': hash, 'rollout-type': 'Step', 'step-index': '2' });
		expect(step.metadata.annotations?.['rollout.argoproj.io/revision']).toBe('3');
		expect(step.metadata.ownerReferences).toEqual([{ apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', name: CANARY, uid: ro.metadata.uid, controller: true, blockOwnerDeletion: true }]);
		expect(step.spec?.args).toEqual([{ name: 'canary-hash', value: hash }]);
		expect(step.status?.phase).toBe('Successful');
		const p99 = step.status?.metricResults?.find((m) => m.name === 'p99-latency');
		expect(p99).toMatchObject({ phase: 'Successful', count: 3, successful: 3 });
		expect(p99?.measurements?.[0].metadata?.ResolvedPrometheusQuery).toContain(`rollouts_pod_template_hash="${hash}"`);
		expect(p99?.measurements?.[0].value).toMatch(/^\[\d+(\.\d+)?\]$/);
		expect(step.status?.dryRunSummary).toEqual({ count: 1, successful: 1, failed: 0, inconclusive: 0, error: 0 });
		const background = backgroundRun(sim) as AnalysisRun;
		expect(background.metadata.name).toBe(`${CANARY}-${hash}-3`);
		expect(background.spec?.terminate).toBe(true);
		expect(background.status).toMatchObject({ phase: 'Successful', message: 'Run Terminated' });
	});

	it('is deterministic by seed', () => {
		const a = simulator('analysis-pass', 3);
		const b = simulator('analysis-pass', 3);
		a.advance(120_000);
		b.advance(120_000);
		expect(JSON.stringify(runs(a))).toBe(JSON.stringify(runs(b)));
		expect(runs(a).length).toBeGreaterThan(0);
	});
});

describe('analysis-fail', () => {
	it('a p99 regression trips the failure limit: the Rollout aborts by itself, traffic goes back to stable, the canary scales down', () => {
		const sim = simulator('analysis-fail');
		advanceUntil(sim, () => rollout(sim).status?.abort === true, 200_000, 'abort');
		const ro = rollout(sim);
		const step = stepRun(sim) as AnalysisRun;
		const runMessage = 'Metric "p99-latency" assessed Failed due to failed (2) > failureLimit (1)';
		expect(step.status).toMatchObject({ phase: 'Failed', message: runMessage });
		expect(ro.status?.phase).toBe('Degraded');
		expect(ro.status?.message).toBe(`RolloutAborted: Rollout aborted update to revision 3: Step-based analysis phase error/failed: ${runMessage}`);
		expect(ro.status?.abortedAt).toBeDefined();
		expect(ro.status?.canary?.currentStepAnalysisRunStatus).toEqual({ name: step.metadata.name, status: 'Failed', message: runMessage });
		expect(ro.status?.canary?.weights?.canary.weight).toBe(0);
		// The background run is cancelled with the abort.
		expect(backgroundRun(sim)?.spec?.terminate).toBe(true);
		const canaryHash = ro.status?.currentPodHash as string;
		sim.advance(2000);
		expect(sum(samples(sim, CANARY, NS, canaryHash).map((s) => s.values.rps))).toBe(0);
		advanceUntil(sim, () => replicaSets(sim, CANARY, NS).find((rs) => rs.metadata.labels?.['rollouts-pod-template-hash'] === canaryHash)?.spec.replicas === 0, 60_000, 'canary scaled down');
		// The condition keeps its first message on later reconciles.
		sim.advance(30_000);
		expect(rollout(sim).status?.message).toBe(ro.status?.message);
	});
});

describe('analysis-inconclusive', () => {
	it('pauses with InconclusiveAnalysisRun; promote (the plugin’s patch) skips the analysis step and the rollout completes', async () => {
		const sim = simulator('analysis-inconclusive');
		advanceUntil(sim, () => rollout(sim).status?.phase === 'Paused' && rollout(sim).status?.currentStepIndex === 2, 200_000, 'inconclusive pause');
		const ro = rollout(sim);
		expect(ro.status?.message).toBe('InconclusiveAnalysisRun');
		expect(ro.status?.pauseConditions?.map((c) => c.reason)).toEqual(['InconclusiveAnalysisRun']);
		expect(ro.status?.controllerPause).toBe(true);
		expect(ro.status?.canary?.currentStepAnalysisRunStatus?.status).toBe('Inconclusive');
		expect(stepRun(sim)?.status?.message).toBe('Metric "p99-latency" assessed Inconclusive due to inconclusive (1) > inconclusiveLimit (0)');
		// It stays paused: time alone does not move it.
		sim.advance(60_000);
		expect(rollout(sim).status?.currentStepIndex).toBe(2);
		const result = planAction({ kind: 'promote', target: { kind: 'Rollout', namespace: NS, name: CANARY } }, { object: rollout(sim), replicaSets: replicaSets(sim, CANARY, NS), now: sim.now() });
		if (!result.ok) throw new Error(result.reason);
		expect(result.plan.requests[0].body).toEqual({ status: { pauseConditions: null, controllerPause: false, currentStepIndex: 3 } });
		expect((await executePlan(result.plan, (r) => sim.patch(r))).ok).toBe(true);
		sim.advance(1000);
		expect(rollout(sim).status?.currentStepIndex).toBeGreaterThanOrEqual(3);
		expect(runs(sim).filter((r) => r.metadata.labels?.['rollout-type'] === 'Step')).toHaveLength(1);
		advanceUntil(sim, () => rollout(sim).status?.phase === 'Healthy', 300_000, 'Healthy after promote');
	});
});

describe('a query the simulator does not understand', () => {
	it('gives Error measurements with the reason; five in a row (consecutiveErrorLimit 4) error the run and abort the Rollout', () => {
		const scenario = loadScenario('analysis-fail');
		const metrics = scenario.analysisTemplates?.[0].spec.metrics ?? [];
		metrics[0].provider = { prometheus: { query: 'up{job="vllm"}' } };
		const sim = createSimulator(scenario, { seed: 7 });
		advanceUntil(sim, () => rollout(sim).status?.abort === true, 300_000, 'abort after errors');
		const result = stepRun(sim)?.status?.metricResults?.find((m) => m.name === 'p99-latency');
		expect(result).toMatchObject({ phase: 'Error', error: 5, consecutiveError: 5 });
		expect(result?.count ?? 0).toBe(0);
		const times = result?.measurements?.map((m) => Date.parse(m.startedAt ?? '')) ?? [];
		expect(times.slice(1).map((t, i) => t - times[i])).toEqual([10_000, 10_000, 10_000, 10_000]);
		const why = 'the simulator does not model metric "up"';
		expect(result?.measurements?.[0]).toMatchObject({ phase: 'Error' });
		expect(result?.measurements?.[0].message).toContain(why);
		expect(rollout(sim).status?.message).toMatch(
			/^RolloutAborted: Rollout aborted update to revision 3: Step-based analysis phase error\/failed: Metric "p99-latency" assessed Error due to consecutiveErrors \(5\) > consecutiveErrorLimit \(4\): "Error Message: the simulator does not model metric "up"/,
		);
	});
});
