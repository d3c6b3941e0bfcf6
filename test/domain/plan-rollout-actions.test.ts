// Every Rollout action → the exact requests `kubectl argo rollouts` would send, and every refusal.
import { describe, expect, it } from 'vitest';
import type { Action, ActionKind, PlanResult, Refusal } from '../../source/domain/action';
import { refOf, type ReplicaSet, type Rollout } from '../../source/domain/k8s';
import { planAction } from '../../source/domain/plan-action';
import { NOW, rolloutFixture } from './fixtures';

function planFor(ro: Rollout, replicaSets: ReplicaSet[], kind: ActionKind, extra: Partial<Action> = {}): PlanResult {
	return planAction({ kind, target: refOf(ro), ...extra }, { object: ro, replicaSets, now: NOW });
}

function okPlan(result: PlanResult) {
	if (!result.ok) throw new Error(`expected a plan, got refusal: ${result.reason}`);
	return result.plan;
}

const statusReq = (ref: object, status: object, fallbackBody: object) => ({
	target: ref,
	subresource: 'status',
	patchType: 'merge',
	body: { status },
	fallbackBody,
});
const mainReq = (ref: object, patchType: string, body: unknown) => ({ target: ref, patchType, body });

describe('promote', () => {
	it('canary paused at a step: clears pause conditions (status first, combined fallback)', () => {
		const { ro, replicaSets } = rolloutFixture('canary-timed-pause');
		const plan = okPlan(planFor(ro, replicaSets, 'promote'));
		const ref = refOf(ro);
		expect(plan.requests).toEqual([
			statusReq(ref, { pauseConditions: null }, { spec: { paused: false }, status: { pauseConditions: null } }),
		]);
		expect(plan.summary).toBe('promote rollout llm/qwen2-72b: step 3/7 → 4/7 (setWeight 50)');
		expect(plan.destructive).toBe(false);
	});

	it('also spec.paused: a second, main-object unpause', () => {
		const { ro, replicaSets } = rolloutFixture('canary-timed-pause');
		ro.spec.paused = true;
		const ref = refOf(ro);
		expect(okPlan(planFor(ro, replicaSets, 'promote')).requests).toEqual([
			statusReq(ref, { pauseConditions: null }, { spec: { paused: false }, status: { pauseConditions: null } }),
			mainReq(ref, 'merge', { spec: { paused: false } }),
		]);
	});

	it('canary with no pause condition (mid analysis): steps on to i+1', () => {
		const { ro, replicaSets } = rolloutFixture('canary-aborted');
		Object.assign(ro.status!, { abort: false, currentStepIndex: 1, conditions: [], phase: 'Progressing' });
		const plan = okPlan(planFor(ro, replicaSets, 'promote'));
		expect(plan.requests).toEqual([
			statusReq(refOf(ro), { pauseConditions: null, currentStepIndex: 2 }, { spec: { paused: false }, status: { pauseConditions: null, currentStepIndex: 2 } }),
		]);
		expect(plan.summary).toBe('promote rollout llm/llama-3-8b: step 1/4 → 2/4 (setWeight 60)');
	});

	it('inconclusive step analysis paused by the controller: also clears controllerPause, steps on', () => {
		const { ro, replicaSets } = rolloutFixture('canary-aborted');
		Object.assign(ro.status!, {
			abort: false,
			currentStepIndex: 1,
			controllerPause: true,
			pauseConditions: [{ reason: 'InconclusiveAnalysisRun', startTime: '2024-06-01T11:58:00Z' }],
			canary: { currentStepAnalysisRunStatus: { name: 'llama-3-8b-7f8c9d6b5a-4-1', status: 'Inconclusive' } },
		});
		const status = { pauseConditions: null, controllerPause: false, currentStepIndex: 2 };
		expect(okPlan(planFor(ro, replicaSets, 'promote')).requests).toEqual([statusReq(refOf(ro), status, { spec: { paused: false }, status })]);
	});

	it('inconclusive experiment (no step analysis status): only clears the pause condition', () => {
		const { ro, replicaSets } = rolloutFixture('experiment-inconclusive');
		const plan = okPlan(planFor(ro, replicaSets, 'promote'));
		expect(plan.requests).toEqual([statusReq(refOf(ro), { pauseConditions: null }, { spec: { paused: false }, status: { pauseConditions: null } })]);
		expect(plan.summary).toBe('promote rollout search/embedder: step 1/2 → 2/2 (setWeight 100)');
	});

	it('past the last step but not yet stable: the step index stays capped at the count', () => {
		const { ro, replicaSets } = rolloutFixture('canary-timed-pause');
		Object.assign(ro.status!, { currentStepIndex: 7, pauseConditions: null, controllerPause: false });
		ro.spec.paused = true;
		const status = { pauseConditions: null, currentStepIndex: 7 };
		expect(okPlan(planFor(ro, replicaSets, 'promote')).requests[0]).toEqual(statusReq(refOf(ro), status, { spec: { paused: false }, status }));
	});

	it('blue-green awaiting promotion: clears BlueGreenPause', () => {
		const { ro, replicaSets } = rolloutFixture('bluegreen-paused');
		const plan = okPlan(planFor(ro, replicaSets, 'promote'));
		expect(plan.requests).toEqual([statusReq(refOf(ro), { pauseConditions: null }, { spec: { paused: false }, status: { pauseConditions: null } })]);
		expect(plan.summary).toBe('promote rollout llm/mistral-7b: switch active service to preview 74b948fccb');
	});

	it('blue-green only spec.paused: just the main-object unpause', () => {
		const { ro, replicaSets } = rolloutFixture('bluegreen-paused');
		Object.assign(ro.status!, { pauseConditions: null, controllerPause: false });
		ro.spec.paused = true;
		expect(okPlan(planFor(ro, replicaSets, 'promote')).requests).toEqual([mainReq(refOf(ro), 'merge', { spec: { paused: false } })]);
	});
});

describe('other rollout actions', () => {
	it('promoteFull: status first; with spec.paused the fallback and a main patch also unpause', () => {
		const { ro, replicaSets } = rolloutFixture('canary-timed-pause');
		const ref = refOf(ro);
		let plan = okPlan(planFor(ro, replicaSets, 'promoteFull'));
		expect(plan.requests).toEqual([statusReq(ref, { promoteFull: true }, { status: { promoteFull: true } })]);
		expect(plan.destructive).toBe(true);
		expect(plan.summary).toBe('fully promote rollout llm/qwen2-72b: skip remaining steps, pauses and analysis → 100% 59d7b8c6f4');
		ro.spec.paused = true;
		plan = okPlan(planFor(ro, replicaSets, 'promoteFull'));
		expect(plan.requests).toEqual([
			statusReq(ref, { promoteFull: true }, { spec: { paused: false }, status: { promoteFull: true } }),
			mainReq(ref, 'merge', { spec: { paused: false } }),
		]);
	});

	it.each([
		['pause', 'canary-timed-pause', [mainReq({ kind: 'Rollout', namespace: 'llm', name: 'qwen2-72b' }, 'merge', { spec: { paused: true } })], false, 'pause rollout llm/qwen2-72b (spec.paused=true)'],
		['abort', 'canary-timed-pause', [statusReq({ kind: 'Rollout', namespace: 'llm', name: 'qwen2-72b' }, { abort: true }, { status: { abort: true } })], true, 'abort rollout llm/qwen2-72b: all traffic back to stable 6c8f7d9b5'],
		['retry', 'canary-aborted', [statusReq({ kind: 'Rollout', namespace: 'llm', name: 'llama-3-8b' }, { abort: false }, { status: { abort: false } })], false, 'retry rollout llm/llama-3-8b: restart the update from the first step'],
		['restart', 'canary-timed-pause', [mainReq({ kind: 'Rollout', namespace: 'llm', name: 'qwen2-72b' }, 'merge', { spec: { restartAt: '2024-06-01T12:00:00Z' } })], true, 'restart rollout llm/qwen2-72b: restartAt=2024-06-01T12:00:00Z'],
		['abort', 'bluegreen-paused', [statusReq({ kind: 'Rollout', namespace: 'llm', name: 'mistral-7b' }, { abort: true }, { status: { abort: true } })], true, 'abort rollout llm/mistral-7b: all traffic back to stable 6cbccd9f99'],
		['restart', 'bluegreen-paused', [mainReq({ kind: 'Rollout', namespace: 'llm', name: 'mistral-7b' }, 'merge', { spec: { restartAt: '2024-06-01T12:00:00Z' } })], true, 'restart rollout llm/mistral-7b: restartAt=2024-06-01T12:00:00Z'],
	] as const)('%s on %s', (kind, fixture, requests, destructive, summary) => {
		const { ro, replicaSets } = rolloutFixture(fixture);
		const plan = okPlan(planFor(ro, replicaSets, kind));
		expect(plan.requests).toEqual(requests);
		expect(plan).toMatchObject({ destructive, summary });
	});

	it.each([
		['canary-timed-pause', 10, 'scale rollout llm/qwen2-72b: 8 → 10 replicas', false],
		['bluegreen-paused', 0, 'scale rollout llm/mistral-7b: 3 → 0 replicas', true],
	])('scale %s to %d through the scale subresource', (fixture, replicas, summary, destructive) => {
		const { ro, replicaSets } = rolloutFixture(fixture);
		const plan = okPlan(planFor(ro, replicaSets, 'scale', { replicas }));
		expect(plan.requests).toEqual([{ target: refOf(ro), subresource: 'scale', patchType: 'merge', body: { spec: { replicas } } }]);
		expect(plan).toMatchObject({ summary, destructive });
	});

	it('undo: JSON patch restoring the previous revision template without the hash label', () => {
		const { ro, replicaSets } = rolloutFixture('canary-deadline');
		const plan = okPlan(planFor(ro, replicaSets, 'undo'));
		const expected = structuredClone(replicaSets.find((rs) => rs.metadata.name === 'llama-3-70b-7c9d8f6b5')!.spec.template!);
		delete expected.metadata!.labels!['rollouts-pod-template-hash'];
		expect(plan.requests).toEqual([mainReq(refOf(ro), 'json', [{ op: 'replace', path: '/spec/template', value: expected }])]);
		expect(expected.metadata!.labels).toEqual({ app: 'llama-3-70b' });
		expect(plan.summary).toBe('undo rollout llm/llama-3-70b: roll back to revision 30 (image vllm/vllm-openai:v0.6.4-does-not-exist → vllm/vllm-openai:v0.6.3)');
		expect(plan.destructive).toBe(true);
	});

	it('undo to an explicit revision; blue-green default is the revision before the newest', () => {
		const canary = rolloutFixture('canary-deadline');
		expect(okPlan(planFor(canary.ro, canary.replicaSets, 'undo', { toRevision: 29 })).summary).toMatch(/revision 29 \(image .* → vllm\/vllm-openai:v0\.6\.2\)$/);
		const bg = rolloutFixture('bluegreen-paused');
		expect(okPlan(planFor(bg.ro, bg.replicaSets, 'undo')).summary).toBe(
			'undo rollout llm/mistral-7b: roll back to revision 10 (image ghcr.io/huggingface/text-generation-inference:2.4.0 → ghcr.io/huggingface/text-generation-inference:2.3.1)',
		);
	});
});

describe('rollout refusals', () => {
	const healthy = () => {
		const f = rolloutFixture('canary-timed-pause');
		const status = f.ro.status!;
		Object.assign(status, { currentStepIndex: 7, stableRS: status.currentPodHash, pauseConditions: null, controllerPause: false, phase: 'Healthy', message: '' });
		return f;
	};
	it.each<[string, () => { ro: Rollout; replicaSets: ReplicaSet[] }, ActionKind, Partial<Action>, string | Refusal]>([
		['promote a healthy, fully promoted rollout', healthy, 'promote', {}, 'nothing to promote: already fully promoted'],
		['promoteFull when fully promoted', healthy, 'promoteFull', {}, 'already fully promoted'],
		['abort when fully promoted', healthy, 'abort', {}, 'nothing to abort: already fully promoted'],
		['promote an aborted rollout', () => rolloutFixture('canary-aborted'), 'promote', {}, 'aborted: retry or undo it first'],
		['abort twice', () => rolloutFixture('canary-aborted'), 'abort', {}, 'already aborted'],
		['retry when not aborted', () => rolloutFixture('canary-timed-pause'), 'retry', {}, 'not aborted: retry only applies to an aborted rollout'],
		['resume (no such verb) while paused', () => rolloutFixture('canary-timed-pause'), 'resume', {}, { reason: 'paused', remedy: { action: 'promote', verb: 'promote/resume' } }],
		['resume when not paused', healthy, 'resume', {}, 'not paused'],
		[
			'promote a blue-green rollout that is not paused',
			() => {
				const f = rolloutFixture('bluegreen-paused');
				Object.assign(f.ro.status!, { pauseConditions: null, controllerPause: false });
				return f;
			},
			'promote',
			{},
			'nothing to promote: not paused (promote full skips the rest)',
		],
		[
			'pause when already paused',
			() => {
				const f = rolloutFixture('canary-timed-pause');
				f.ro.spec.paused = true;
				return f;
			},
			'pause',
			{},
			'already paused',
		],
		[
			'restart while paused',
			() => {
				const f = rolloutFixture('canary-timed-pause');
				f.ro.spec.paused = true;
				return f;
			},
			'restart',
			{},
			'paused: promote/resume it before restarting',
		],
		['undo to a revision not in history', () => rolloutFixture('canary-deadline'), 'undo', { toRevision: 99 }, 'unable to find specified revision 99 in history'],
		[
			'undo with a single revision',
			() => {
				const f = rolloutFixture('canary-deadline');
				f.replicaSets = f.replicaSets.slice(0, 1);
				return f;
			},
			'undo',
			{},
			'no revision found for rollout "llama-3-70b"',
		],
		[
			'undo when the template already matches (ReplicaSet defaults ignored)',
			() => {
				const f = rolloutFixture('canary-deadline');
				f.ro.spec.template!.spec!.containers![0].image = 'vllm/vllm-openai:v0.6.3';
				return f;
			},
			'undo',
			{},
			'skipped rollback (current template already matches revision 30)',
		],
		[
			'undo of a workloadRef rollout',
			() => {
				const f = rolloutFixture('canary-deadline');
				f.ro.spec.workloadRef = { apiVersion: 'apps/v1', kind: 'Deployment', name: 'llama-3-70b' };
				return f;
			},
			'undo',
			{},
			'undo of a Rollout with workloadRef: roll back the referenced workload instead',
		],
		['scale to a negative count', () => rolloutFixture('canary-deadline'), 'scale', { replicas: -1 }, 'replicas must be a whole number ≥ 0 (got -1)'],
		['scale to a fraction', () => rolloutFixture('canary-deadline'), 'scale', { replicas: 1.5 }, 'replicas must be a whole number ≥ 0 (got 1.5)'],
		['scale without a count', () => rolloutFixture('canary-deadline'), 'scale', {}, 'replicas must be a whole number ≥ 0 (got nothing)'],
	])('%s', (_name, make, kind, extra, refusal) => {
		const { ro, replicaSets } = make();
		expect(planFor(ro, replicaSets, kind, extra)).toEqual({ ok: false, ...(typeof refusal === 'string' ? { reason: refusal } : refusal) });
	});

	it('refuses an action aimed at another object', () => {
		const { ro, replicaSets } = rolloutFixture('canary-deadline');
		const result = planAction({ kind: 'pause', target: { kind: 'Rollout', namespace: 'llm', name: 'other' } }, { object: ro, replicaSets, now: NOW });
		expect(result.ok).toBe(false);
	});
});
