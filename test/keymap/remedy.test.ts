// The domain names the action that helps; the keymap turns it into the key to press.
import { describe, expect, it } from 'vitest';
import type { ActionKind } from '../../source/domain/action';
import { actionRefusal } from '../../source/domain/plan-action';
import { describeWaiting, waitingFor } from '../../source/domain/rollout-waiting';
import { withRemedy } from '../../source/keymap/remedy';
import { deploymentFixture, NOW, rolloutFixture } from '../domain/fixtures';

const KINDS: ActionKind[] = ['promote', 'promoteFull', 'pause', 'resume', 'abort', 'retry', 'undo', 'restart', 'scale'];
const ROLLOUT_FIXTURES = ['bluegreen-paused', 'canary-aborted', 'canary-deadline', 'canary-timed-pause', 'experiment-inconclusive'];

describe('withRemedy', () => {
	it.each([
		['paused (BlueGreenPause)', { action: 'promote', verb: 'promote/resume' }, 'paused (BlueGreenPause) — press P to promote/resume'],
		['paused', { action: 'resume', verb: 'resume' }, 'paused — press r to resume'],
		['aborted', { action: 'retry', verb: 'retry' }, 'aborted — press t to retry'],
		['paused: 40s left', undefined, 'paused: 40s left'],
	] as const)('%j with %j → %j', (text, remedy, line) => {
		expect(withRemedy(text, remedy)).toBe(line);
	});

	it('a manual pause on a fixture reads as before, the key coming from the keymap', () => {
		const { ro } = rolloutFixture('bluegreen-paused');
		const waiting = describeWaiting(waitingFor(ro, NOW))!;
		expect(withRemedy(waiting.text, waiting.remedy)).toBe('paused (BlueGreenPause) — press P to promote/resume');
	});
});

describe('domain texts name no keys', () => {
	const KEY_WORDS = /\bpress\b|\bkey\b|\b[A-Z]\b(?! ?[0-9])/;

	it('in any refusal or wait of the fixtures', () => {
		const texts: string[] = [];
		for (const name of ROLLOUT_FIXTURES) {
			const { ro, replicaSets } = rolloutFixture(name);
			for (const kind of KINDS) texts.push(actionRefusal(kind, ro, replicaSets)?.reason ?? '');
			const waiting = describeWaiting(waitingFor(ro, NOW));
			texts.push(waiting?.text ?? '');
		}
		const { d, replicaSets } = deploymentFixture('deployment-rolling');
		for (const kind of KINDS) texts.push(actionRefusal(kind, d, replicaSets)?.reason ?? '');
		expect(texts.filter((t) => t !== '').length).toBeGreaterThan(15);
		expect(texts.filter((t) => KEY_WORDS.test(t))).toEqual([]);
		expect(KEY_WORDS.test('paused — press P to promote/resume')).toBe(true);
	});
});
