// What `kubectl argo rollouts get rollout` shows for each fixture, field by field.
import { describe, expect, it } from 'vitest';
import type { Rollout } from '../../source/domain/k8s';
import { replicaSetNote, SCALE_DOWN_DEADLINE_ANNOTATION } from '../../source/domain/replica-set';
import { rolloutStatus } from '../../source/domain/rollout';
import { formatStep } from '../../source/domain/rollout-steps';
import { describeWaiting } from '../../source/domain/rollout-waiting';
import { NOW, rolloutFixture } from './fixtures';

function statusOf(name: string) {
	const { ro, replicaSets } = rolloutFixture(name);
	return rolloutStatus(ro, replicaSets, NOW);
}

describe('rolloutStatus on fixtures (plugin get rollout)', () => {
	it('canary past its progress deadline: Degraded at step 0/8, set 20, actual 0', () => {
		const s = statusOf('canary-deadline');
		expect(s).toMatchObject({
			phase: 'Degraded',
			glyph: '✖',
			message: 'ProgressDeadlineExceeded: ReplicaSet "llama-3-70b-5f6d7c8b94" has timed out progressing.',
			strategy: 'canary',
			step: { index: 0, count: 8 },
			setWeight: 20,
			actualWeight: 0,
			replicas: { desired: 5, current: 6, updated: 1, ready: 5, available: 5 },
			revision: 31,
			paused: false,
			aborted: false,
			age: '7d3h',
		});
		expect(formatStep(s.step!)).toBe('0/8');
		expect(s.images).toEqual([
			{ image: 'vllm/vllm-openai:v0.6.3', tags: ['stable'] },
			{ image: 'vllm/vllm-openai:v0.6.4-does-not-exist', tags: ['canary'] },
		]);
		expect(s.replicaSets.map((rs) => [rs.revision, rs.name, `${rs.glyph} ${rs.phase}`, rs.tags.join(',')])).toEqual([
			[31, 'llama-3-70b-5f6d7c8b94', '◌ Progressing', 'canary'],
			[30, 'llama-3-70b-7c9d8f6b5', '✔ Healthy', 'stable'],
			[29, 'llama-3-70b-84b6c9d7f', '• ScaledDown', ''],
		]);
		expect(s.waitingFor).toBeUndefined();
	});

	it('blue-green awaiting promotion: Paused (BlueGreenPause), waits for the operator', () => {
		const s = statusOf('bluegreen-paused');
		expect(s).toMatchObject({
			phase: 'Paused',
			glyph: '॥',
			message: 'BlueGreenPause',
			strategy: 'blueGreen',
			replicas: { desired: 3, current: 6, updated: 3, ready: 6, available: 3 },
			revision: 11,
			paused: true,
			waitingFor: { kind: 'manual', reason: 'BlueGreenPause' },
		});
		expect(s.step).toBeUndefined();
		expect(s.setWeight).toBeUndefined();
		expect(s.actualWeight).toBeUndefined();
		expect(s.images).toEqual([
			{ image: 'ghcr.io/huggingface/text-generation-inference:2.3.1', tags: ['stable', 'active'] },
			{ image: 'ghcr.io/huggingface/text-generation-inference:2.4.0', tags: ['preview'] },
		]);
		expect(s.replicaSets.map((rs) => [rs.revision, rs.phase, rs.tags])).toEqual([
			[11, 'Healthy', ['preview']],
			[10, 'Healthy', ['stable', 'active']],
			[8, 'ScaledDown', []],
		]);
		// The console adds the key for the remedy: "— press P to promote/resume" (test/keymap/remedy.test.ts).
		expect(describeWaiting(s.waitingFor)).toEqual({ text: 'paused (BlueGreenPause)', remedy: { action: 'promote', verb: 'promote/resume' } });
	});

	it('experiment step with inconclusive analysis: Degraded by deadline, step 1/2, set 25, actual 25', () => {
		const s = statusOf('experiment-inconclusive');
		expect(s).toMatchObject({
			phase: 'Degraded',
			message: 'ProgressDeadlineExceeded: ReplicaSet "embedder-6f646bf7b7" has timed out progressing.',
			step: { index: 1, count: 2 },
			setWeight: 25,
			actualWeight: 25,
			revision: 2,
			waitingFor: { kind: 'manual', reason: 'InconclusiveAnalysisRun' },
		});
		// The Experiment's own ReplicaSet is not the Rollout's.
		expect(s.replicaSets.map((rs) => rs.name)).toEqual(['embedder-6f646bf7b7', 'embedder-f6db98dff']);
		expect(s.images).toEqual([
			{ image: 'nvcr.io/nvidia/tritonserver:24.04-py3', tags: ['stable'] },
			{ image: 'nvcr.io/nvidia/tritonserver:24.05-py3', tags: ['canary'] },
		]);
	});

	it('timed pause from a 1.x controller: its phase/message, 40 s left of 60 s', () => {
		const s = statusOf('canary-timed-pause');
		expect(s).toMatchObject({
			phase: 'Paused',
			message: 'CanaryPauseStep',
			step: { index: 3, count: 7 },
			setWeight: 25,
			actualWeight: 25,
			waitingFor: { kind: 'pause', reason: 'CanaryPauseStep', remainingMs: 40_000 },
		});
		expect(describeWaiting(s.waitingFor)).toEqual({ text: 'paused: 40s left' });
	});

	it('aborted canary: Degraded, setWeight 0, waiting on retry/undo', () => {
		const s = statusOf('canary-aborted');
		expect(s).toMatchObject({
			phase: 'Degraded',
			glyph: '✖',
			setWeight: 0,
			aborted: true,
			waitingFor: { kind: 'aborted' },
		});
		expect(s.message).toMatch(/^RolloutAborted: Rollout aborted update to revision 4/);
		expect(s.images).toEqual([{ image: 'vllm/vllm-openai:v0.6.3', tags: ['stable'] }]);
	});
});

describe('rolloutStatus rules on variants of the fixtures', () => {
	it('traffic routing: actual weight from status.canary.weights, else the set weight', () => {
		const { ro, replicaSets } = rolloutFixture('canary-deadline');
		ro.spec.strategy!.canary!.trafficRouting = { smi: { trafficSplitName: 'llama' } };
		expect(rolloutStatus(ro, replicaSets, NOW).actualWeight).toBe(20);
		ro.status!.canary = { weights: { canary: { weight: 7 }, stable: { weight: 93 } } };
		expect(rolloutStatus(ro, replicaSets, NOW).actualWeight).toBe(7);
	});

	it('ping-pong: each ReplicaSet is tagged with the service it is behind (stable behind pong unless status says ping)', () => {
		const { ro, replicaSets } = rolloutFixture('canary-deadline');
		ro.spec.strategy!.canary!.pingPong = { pingService: 'llama-ping', pongService: 'llama-pong' };
		const tags = () => rolloutStatus(ro, replicaSets, NOW).replicaSets.map((rs) => rs.tags.join(','));
		expect(tags()).toEqual(['canary,ping', 'stable,pong', '']);
		ro.status!.canary = { stablePingPong: 'ping' };
		expect(tags()).toEqual(['canary,pong', 'stable,ping', '']);
		// Image tags come in the plugin's order: canary/stable first, then ping/pong.
		expect(rolloutStatus(ro, replicaSets, NOW).images.map((i) => i.tags)).toEqual([
			['stable', 'ping'],
			['canary', 'pong'],
		]);
	});

	it('an image run by two ReplicaSets gets their tags merged and sorted', () => {
		const { ro, replicaSets } = rolloutFixture('bluegreen-paused');
		const [preview, active] = replicaSets.map((rs) => rs.spec.template!.spec!.containers![0]);
		preview.image = active.image;
		expect(rolloutStatus(ro, replicaSets, NOW).images).toEqual([
			{ image: 'ghcr.io/huggingface/text-generation-inference:2.3.1', tags: ['active', 'preview', 'stable'] },
		]);
	});

	it('ReplicaSet INFO: the tags, then the time left before a scheduled scale-down, or passed', () => {
		const { ro, replicaSets } = rolloutFixture('bluegreen-paused');
		replicaSets[1].metadata.annotations![SCALE_DOWN_DEADLINE_ANNOTATION] = '2024-06-01T15:59:30Z';
		const infos = rolloutStatus(ro, replicaSets, NOW).replicaSets;
		expect(infos.map((rs) => replicaSetNote(rs, NOW))).toEqual(['preview', 'stable,active,delay:3h59m', '']);
		expect(replicaSetNote(infos[1], Date.parse('2024-06-01T16:00:00Z'))).toBe('stable,active,delay:passed');
	});

	it('actual weight truncates available canary ÷ available total', () => {
		const { ro, replicaSets } = rolloutFixture('canary-timed-pause');
		ro.status!.availableReplicas = 7;
		expect(rolloutStatus(ro, replicaSets, NOW).actualWeight).toBe(28); // 2*100/7 = 28.57
	});

	it('past the last step: set and actual weight 100, step n/n, Healthy when stable', () => {
		const { ro, replicaSets } = rolloutFixture('canary-timed-pause');
		const status = ro.status!;
		Object.assign(status, { currentStepIndex: 7, stableRS: status.currentPodHash, pauseConditions: null, controllerPause: false });
		Object.assign(status, { updatedReplicas: 8, phase: undefined, message: undefined });
		const s = rolloutStatus(ro, replicaSets, NOW);
		expect(s).toMatchObject({ phase: 'Healthy', glyph: '✔', message: '', step: { index: 7, count: 7 }, setWeight: 100, actualWeight: 100 });
		expect(s.waitingFor).toBeUndefined();
	});

	it('walks back to the nearest setWeight; 0 before any', () => {
		const { ro, replicaSets } = rolloutFixture('canary-timed-pause');
		ro.status!.currentStepIndex = 1;
		expect(rolloutStatus(ro, replicaSets, NOW).setWeight).toBe(10);
		ro.spec.strategy!.canary!.steps = [{ pause: {} }, { setWeight: 50 }];
		ro.status!.currentStepIndex = 0;
		expect(rolloutStatus(ro, replicaSets, NOW).setWeight).toBe(0);
	});

	it.each([
		['spec not yet observed', { observedGeneration: '8' }, 'Progressing', 'waiting for rollout spec update to be observed'],
		['pause conditions cleared, controller not yet reacted', { pauseConditions: null }, 'Progressing', 'waiting for rollout to unpause'],
	])('%s → %s', (_name, patch, phase, message) => {
		const { ro, replicaSets } = rolloutFixture('canary-timed-pause');
		Object.assign(ro.status!, patch);
		expect(rolloutStatus(ro, replicaSets, NOW)).toMatchObject({ phase, message });
	});

	it('an old v0.9 rollout with a hash as observedGeneration counts as observed', () => {
		const { ro, replicaSets } = rolloutFixture('canary-deadline');
		ro.status!.observedGeneration = '7d8f9c6b5';
		expect(rolloutStatus(ro, replicaSets, NOW).phase).toBe('Degraded');
	});

	it.each([
		['InvalidSpec wins over everything', (ro: Rollout) => ro.status!.conditions!.unshift({ type: 'InvalidSpec', status: 'True', message: 'The Rollout "x" is invalid' }), 'Degraded', 'InvalidSpec: The Rollout "x" is invalid'],
		['spec.paused', (ro: Rollout) => { ro.status!.conditions = []; ro.spec.paused = true; }, 'Paused', 'manually paused'],
		['restart pending', (ro: Rollout) => { ro.status!.conditions = []; ro.spec.restartAt = '2024-06-01T11:59:00Z'; }, 'Progressing', 'rollout is restarting'],
		['updated < desired', (ro: Rollout) => { ro.status!.conditions = []; }, 'Progressing', 'more replicas need to be updated'],
		['updated not yet available', (ro: Rollout) => { ro.status!.conditions = []; Object.assign(ro.status!, { updatedReplicas: 5, availableReplicas: 4 }); }, 'Progressing', 'updated replicas are still becoming available'],
		['old replicas pending termination', (ro: Rollout) => { ro.status!.conditions = []; ro.status!.updatedReplicas = 5; }, 'Progressing', 'old replicas are pending termination'],
		['steps left', (ro: Rollout) => { ro.status!.conditions = []; Object.assign(ro.status!, { updatedReplicas: 5, replicas: 5 }); }, 'Progressing', 'waiting for all steps to complete'],
	])('client-side phase: %s', (_name, tweak, phase, message) => {
		const { ro, replicaSets } = rolloutFixture('canary-deadline');
		tweak(ro);
		expect(rolloutStatus(ro, replicaSets, NOW)).toMatchObject({ phase, message });
	});

	it.each([
		['cutover pending', {}, 'Progressing', 'active service cutover pending'],
		['post-promotion verification', { blueGreen: { activeSelector: '74b948fccb' } }, 'Progressing', 'waiting for post-promotion verification to complete'],
		['fully promoted', { blueGreen: { activeSelector: '74b948fccb' }, stableRS: '74b948fccb' }, 'Healthy', ''],
	])('blue-green client-side phase: %s', (_name, patch, phase, message) => {
		const { ro, replicaSets } = rolloutFixture('bluegreen-paused');
		Object.assign(ro.status!, { pauseConditions: null, controllerPause: false, replicas: 3, readyReplicas: 3 }, patch);
		expect(rolloutStatus(ro, replicaSets, NOW)).toMatchObject({ phase, message });
	});

	it('blue-green auto-promotion counts down from the pause start', () => {
		const { ro, replicaSets } = rolloutFixture('bluegreen-paused');
		Object.assign(ro.spec.strategy!.blueGreen!, { autoPromotionEnabled: undefined, autoPromotionSeconds: 900 });
		expect(rolloutStatus(ro, replicaSets, NOW).waitingFor).toEqual({ kind: 'pause', reason: 'BlueGreenPause', remainingMs: 300_000 });
	});

	it('a pause that has run out shows 0 left, never negative', () => {
		const { ro, replicaSets } = rolloutFixture('canary-timed-pause');
		expect(rolloutStatus(ro, replicaSets, NOW + 5 * 60_000).waitingFor).toMatchObject({ remainingMs: 0 });
	});

	it('an indefinite canary pause and spec.paused wait for the operator', () => {
		const { ro, replicaSets } = rolloutFixture('canary-timed-pause');
		ro.status!.currentStepIndex = 1;
		expect(rolloutStatus(ro, replicaSets, NOW).waitingFor).toEqual({ kind: 'manual', reason: 'CanaryPauseStep' });
		ro.spec.paused = true;
		expect(rolloutStatus(ro, replicaSets, NOW).waitingFor).toEqual({ kind: 'manual', reason: 'manually paused' });
	});

	it('a running step analysis and a running experiment are what it waits for', () => {
		const { ro, replicaSets } = rolloutFixture('canary-aborted');
		Object.assign(ro.status!, { abort: false, currentStepIndex: 1 });
		ro.status!.canary = { currentStepAnalysisRunStatus: { name: 'llama-3-8b-7f8c9d6b5a-4-1', status: 'Running' } };
		expect(rolloutStatus(ro, replicaSets, NOW).waitingFor).toEqual({ kind: 'analysis', name: 'llama-3-8b-7f8c9d6b5a-4-1', phase: 'Running' });

		const exp = rolloutFixture('experiment-inconclusive');
		exp.ro.status!.pauseConditions = [];
		exp.ro.status!.controllerPause = false;
		expect(rolloutStatus(exp.ro, exp.replicaSets, NOW).waitingFor).toEqual({ kind: 'experiment', name: 'embedder-6f646bf7b7-1-vcv27' });
	});
});
