// Plans carried out against an in-memory API that behaves like a real one: a CRD either has a
// status subresource (then status changes sent to the main object are dropped) or it has not
// (then PATCH …/status answers 404 and the executor must fall back to the combined body).
import { describe, expect, it } from 'vitest';
import type { ActionKind, PatchRequest, PatchResponse } from '../../source/domain/action';
import { executePlan } from '../../source/domain/execute-plan';
import { refOf, type Deployment, type ReplicaSet, type Rollout } from '../../source/domain/k8s';
import { applyPatch, PatchError } from '../../source/domain/patch';
import { planAction } from '../../source/domain/plan-action';
import { rolloutStatus } from '../../source/domain/rollout';
import { deploymentFixture, NOW, rolloutFixture } from './fixtures';

class FakeApi<T extends Rollout | Deployment> {
	readonly log: Array<{ path: string; body: unknown; status: number }> = [];
	forbidMain = false;

	constructor(
		public object: T,
		private readonly statusSubresource: boolean,
	) {}

	patch = async (request: PatchRequest): Promise<PatchResponse> => {
		const path = `${request.target.namespace}/${request.target.name}${request.subresource ? `/${request.subresource}` : ''}`;
		const status = this.apply(request);
		this.log.push({ path, body: request.body, status });
		return { status };
	};

	private apply(request: PatchRequest): number {
		if (request.subresource === 'status' && !this.statusSubresource) return 404;
		if (!request.subresource && this.forbidMain) return 403;
		try {
			const patched = applyPatch(this.object, request.patchType, request.body);
			if (request.subresource === 'status') this.object = { ...this.object, status: patched.status };
			else if (request.subresource === 'scale') this.object = { ...this.object, spec: { ...this.object.spec, replicas: patched.spec.replicas } };
			else this.object = this.statusSubresource ? { ...patched, status: this.object.status } : patched;
			return 200;
		} catch (error) {
			return error instanceof PatchError ? error.status : 500;
		}
	}
}

function run<T extends Rollout | Deployment>(api: FakeApi<T>, kind: ActionKind, replicaSets: ReplicaSet[], replicas?: number) {
	const result = planAction({ kind, target: refOf(api.object), replicas }, { object: api.object, replicaSets, now: NOW });
	if (!result.ok) throw new Error(result.reason);
	return executePlan(result.plan, api.patch);
}

describe('executePlan with status-first fallback', () => {
	it('promote with a status subresource: status patch, then the spec unpause', async () => {
		const { ro, replicaSets } = rolloutFixture('canary-timed-pause');
		ro.spec.paused = true;
		const api = new FakeApi(ro, true);
		expect(await run(api, 'promote', replicaSets)).toEqual({ ok: true, message: 'promote rollout llm/qwen2-72b: step 3/7 → 4/7 (setWeight 50)' });
		expect(api.log.map((e) => [e.path, e.status])).toEqual([
			['llm/qwen2-72b/status', 200],
			['llm/qwen2-72b', 200],
		]);
		expect(api.object.status?.pauseConditions).toBeUndefined();
		expect(api.object.spec.paused).toBe(false);
	});

	it('promote without a status subresource: 404, then the combined body on the main object', async () => {
		const { ro, replicaSets } = rolloutFixture('bluegreen-paused');
		const api = new FakeApi(ro, false);
		expect((await run(api, 'promote', replicaSets)).ok).toBe(true);
		expect(api.log).toEqual([
			{ path: 'llm/mistral-7b/status', body: { status: { pauseConditions: null } }, status: 404 },
			{ path: 'llm/mistral-7b', body: { spec: { paused: false }, status: { pauseConditions: null } }, status: 200 },
		]);
		expect(api.object.status?.pauseConditions).toBeUndefined();
		expect(rolloutStatus(api.object, replicaSets, NOW).waitingFor).toBeUndefined();
	});

	it.each([
		['abort', 'canary-timed-pause', { abort: true }],
		['retry', 'canary-aborted', { abort: false }],
		['promoteFull', 'canary-timed-pause', { promoteFull: true }],
	] as const)('%s lands in status either way', async (kind, fixture, expected) => {
		for (const statusSubresource of [true, false]) {
			const { ro, replicaSets } = rolloutFixture(fixture);
			const api = new FakeApi(ro, statusSubresource);
			expect((await run(api, kind, replicaSets)).ok).toBe(true);
			expect(api.object.status).toMatchObject(expected);
			expect(api.log.at(-1)?.status).toBe(200);
		}
	});

	it('undo rewrites the template; a second undo to the same revision is then skipped', async () => {
		const { ro, replicaSets } = rolloutFixture('canary-deadline');
		const api = new FakeApi(ro, true);
		expect((await run(api, 'undo', replicaSets)).ok).toBe(true);
		expect(api.object.spec.template?.spec?.containers?.[0].image).toBe('vllm/vllm-openai:v0.6.3');
		expect(api.object.spec.template?.metadata?.labels).toEqual({ app: 'llama-3-70b' });
		const again = planAction({ kind: 'undo', target: refOf(ro), toRevision: 30 }, { object: api.object, replicaSets, now: NOW });
		expect(again).toEqual({ ok: false, reason: 'skipped rollback (current template already matches revision 30)' });
	});

	it('deployment undo replaces template and annotations; scale goes through /scale', async () => {
		const { d, replicaSets } = deploymentFixture('deployment-rolling');
		const api = new FakeApi(d, true);
		expect((await run(api, 'undo', replicaSets)).ok).toBe(true);
		expect(api.object.metadata.annotations?.['kubernetes.io/change-cause']).toMatch(/24\.04-py3$/);
		expect(api.object.spec.template?.spec?.containers?.[0].image).toBe('nvcr.io/nvidia/tritonserver:24.04-py3');
		expect((await run(api, 'scale', replicaSets, 6)).ok).toBe(true);
		expect(api.log.at(-1)?.path).toBe('triton/embedder/scale');
		expect(api.object.spec.replicas).toBe(6);
	});

	it('stops at the first failure and reports it, sending nothing after it', async () => {
		const { ro, replicaSets } = rolloutFixture('bluegreen-paused');
		const api = new FakeApi(ro, false);
		api.forbidMain = true;
		const result = await run(api, 'promote', replicaSets);
		expect(result).toMatchObject({ ok: false, status: 403 });
		expect(api.log.map((e) => e.status)).toEqual([404, 403]);
		expect(api.object.status?.pauseConditions).toHaveLength(1);
	});
});
