// Why each key is disabled on each fixture: the same rules planAction applies, with the key that
// helps added from the keymap.
import { describe, expect, it } from 'vitest';
import type { ActionKind } from '../../source/domain/action';
import { actionDisabledReason } from '../../source/keymap/remedy';
import { deploymentFixture, rolloutFixture } from '../domain/fixtures';

const KINDS: ActionKind[] = ['promote', 'promoteFull', 'pause', 'resume', 'abort', 'retry', 'undo', 'restart', 'scale'];

describe('actionDisabledReason', () => {
	it.each([
		[
			'canary-timed-pause',
			{ resume: 'paused — press P to promote/resume', retry: 'not aborted: retry only applies to an aborted rollout' },
		],
		[
			'canary-aborted',
			{ promote: 'aborted: retry or undo it first', abort: 'already aborted', resume: 'not paused' },
		],
		[
			'bluegreen-paused',
			{ resume: 'paused — press P to promote/resume', retry: 'not aborted: retry only applies to an aborted rollout' },
		],
	])('rollout %s', (fixture, disabled: Partial<Record<ActionKind, string>>) => {
		const { ro, replicaSets } = rolloutFixture(fixture);
		const reasons = Object.fromEntries(KINDS.map((kind) => [kind, actionDisabledReason(kind, ro, replicaSets)]));
		expect(reasons).toEqual(Object.fromEntries(KINDS.map((kind) => [kind, disabled[kind] ?? null])));
	});

	it('deployment: Argo-only keys and resume disabled; pausing flips pause/resume/restart/undo', () => {
		const { d, replicaSets } = deploymentFixture('deployment-rolling');
		const reasons = () => Object.fromEntries(KINDS.map((kind) => [kind, actionDisabledReason(kind, d, replicaSets)]));
		const argoOnly = {
			promote: 'deployments have no promote (Argo Rollouts only)',
			promoteFull: 'deployments have no full promote (Argo Rollouts only)',
			abort: 'deployments have no abort (Argo Rollouts only)',
			retry: 'deployments have no retry (Argo Rollouts only)',
		};
		expect(reasons()).toEqual({ ...argoOnly, pause: null, resume: 'not paused', undo: null, restart: null, scale: null });
		d.spec.paused = true;
		expect(reasons()).toEqual({
			...argoOnly,
			pause: 'already paused',
			resume: null,
			undo: 'cannot undo a paused deployment; resume it first',
			restart: "can't restart a paused deployment; resume it first",
			scale: null,
		});
	});
});
