// Every Deployment action → what `kubectl rollout …` / `kubectl scale` would send, and refusals.
import { describe, expect, it } from 'vitest';
import type { Action, ActionKind, PlanResult } from '../../source/domain/action';
import { refOf, type Deployment, type ReplicaSet } from '../../source/domain/k8s';
import { planAction } from '../../source/domain/plan-action';
import { deploymentFixture, NOW } from './fixtures';

function planFor(d: Deployment, replicaSets: ReplicaSet[], kind: ActionKind, extra: Partial<Action> = {}): PlanResult {
	return planAction({ kind, target: refOf(d), ...extra }, { object: d, replicaSets, now: NOW });
}

function okPlan(result: PlanResult) {
	if (!result.ok) throw new Error(`expected a plan, got refusal: ${result.reason}`);
	return result.plan;
}

const ref = { kind: 'Deployment', namespace: 'triton', name: 'embedder' };
const paused = () => {
	const f = deploymentFixture('deployment-rolling');
	f.d.spec.paused = true;
	return f;
};

describe('deployment actions', () => {
	it.each<[string, () => ReturnType<typeof deploymentFixture>, ActionKind, Partial<Action>, unknown[], string, boolean]>([
		['pause', () => deploymentFixture('deployment-rolling'), 'pause', {}, [{ target: ref, patchType: 'strategic', body: { spec: { paused: true } } }], 'pause deployment triton/embedder', false],
		['resume', paused, 'resume', {}, [{ target: ref, patchType: 'strategic', body: { spec: { paused: null } } }], 'resume deployment triton/embedder', false],
		[
			'restart',
			() => deploymentFixture('deployment-rolling'),
			'restart',
			{},
			[{ target: ref, patchType: 'strategic', body: { spec: { template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': '2024-06-01T12:00:00Z' } } } } } }],
			'restart deployment triton/embedder: restartedAt=2024-06-01T12:00:00Z',
			true,
		],
		[
			'scale',
			() => deploymentFixture('deployment-rolling'),
			'scale',
			{ replicas: 6 },
			[{ target: ref, subresource: 'scale', patchType: 'merge', body: { spec: { replicas: 6 } } }],
			'scale deployment triton/embedder: 4 → 6 replicas',
			false,
		],
		[
			'scale to zero',
			() => deploymentFixture('deployment-rolling'),
			'scale',
			{ replicas: 0 },
			[{ target: ref, subresource: 'scale', patchType: 'merge', body: { spec: { replicas: 0 } } }],
			'scale deployment triton/embedder: 4 → 0 replicas',
			true,
		],
	])('%s', (_name, make, kind, extra, requests, summary, destructive) => {
		const { d, replicaSets } = make();
		const plan = okPlan(planFor(d, replicaSets, kind, extra));
		expect(plan.requests).toEqual(requests);
		expect(plan).toMatchObject({ summary, destructive });
	});

	it('undo: template of the previous revision and the annotations kubectl computes', () => {
		const { d, replicaSets } = deploymentFixture('deployment-rolling');
		const plan = okPlan(planFor(d, replicaSets, 'undo'));
		const template = structuredClone(replicaSets.find((rs) => rs.metadata.name === 'embedder-5c8b7a6d9')!.spec.template!);
		delete template.metadata!.labels!['pod-template-hash'];
		expect(plan.requests).toEqual([
			{
				target: ref,
				patchType: 'json',
				body: [
					{ op: 'replace', path: '/spec/template', value: template },
					{
						op: 'replace',
						path: '/metadata/annotations',
						value: {
							// Kept from the Deployment…
							'deployment.kubernetes.io/revision': '3',
							'kubectl.kubernetes.io/last-applied-configuration': '{"apiVersion":"apps/v1","kind":"Deployment"}',
							// …the rest from the ReplicaSet (its desired/max-replicas bookkeeping skipped).
							'kubernetes.io/change-cause': 'kubectl set image deployment/embedder triton=nvcr.io/nvidia/tritonserver:24.04-py3',
						},
					},
				],
			},
		]);
		expect(plan.summary).toBe(
			'undo deployment triton/embedder: roll back to revision 2 (image nvcr.io/nvidia/tritonserver:24.05-py3 → nvcr.io/nvidia/tritonserver:24.04-py3)',
		);
		expect(plan.destructive).toBe(true);
	});

	it.each<[string, () => ReturnType<typeof deploymentFixture>, ActionKind, Partial<Action>, string]>([
		['pause when paused', paused, 'pause', {}, 'already paused'],
		['resume when not paused', () => deploymentFixture('deployment-rolling'), 'resume', {}, 'not paused'],
		['restart while paused', paused, 'restart', {}, "can't restart a paused deployment; resume it first"],
		['undo while paused', paused, 'undo', {}, 'cannot undo a paused deployment; resume it first'],
		['undo to a missing revision (checked before the pause)', paused, 'undo', { toRevision: 9 }, 'unable to find specified revision 9 in history'],
		[
			'undo with no earlier revision',
			() => {
				const f = deploymentFixture('deployment-rolling');
				f.replicaSets = f.replicaSets.slice(0, 1);
				return f;
			},
			'undo',
			{},
			'no rollout history found for deployment "embedder"',
		],
		[
			'undo when the template already matches',
			() => {
				const f = deploymentFixture('deployment-rolling');
				f.d.spec.template!.spec!.containers![0].image = 'nvcr.io/nvidia/tritonserver:24.04-py3';
				return f;
			},
			'undo',
			{},
			'skipped rollback (current template already matches revision 2)',
		],
		['scale negative', () => deploymentFixture('deployment-rolling'), 'scale', { replicas: -2 }, 'replicas must be a whole number ≥ 0 (got -2)'],
		['promote', () => deploymentFixture('deployment-rolling'), 'promote', {}, 'deployments have no promote (Argo Rollouts only)'],
		['promoteFull', () => deploymentFixture('deployment-rolling'), 'promoteFull', {}, 'deployments have no full promote (Argo Rollouts only)'],
		['abort', () => deploymentFixture('deployment-rolling'), 'abort', {}, 'deployments have no abort (Argo Rollouts only)'],
		['retry', () => deploymentFixture('deployment-rolling'), 'retry', {}, 'deployments have no retry (Argo Rollouts only)'],
	])('refuses: %s', (_name, make, kind, extra, reason) => {
		const { d, replicaSets } = make();
		expect(planFor(d, replicaSets, kind, extra)).toEqual({ ok: false, reason });
	});

	it('a template differing only in an annotation the ReplicaSet lacks is no match (exact compare for Deployments)', () => {
		const { d, replicaSets } = deploymentFixture('deployment-rolling');
		d.spec.template!.spec!.containers![0].image = 'nvcr.io/nvidia/tritonserver:24.04-py3';
		d.spec.template!.metadata!.annotations = { 'kubectl.kubernetes.io/restartedAt': '2024-05-30T00:00:00Z' };
		expect(okPlan(planFor(d, replicaSets, 'undo')).summary).toMatch(/\(pod template change\)$/);
	});
});
