// The rollout pane alone: the status headline, what the workload waits for, its steps with the
// current one marked, and its revisions, exactly as drawn from the rollout-detail builder.
import { afterEach, describe, expect, it } from 'vitest';
import { buildRolloutDetail } from '../../../source/present/rollout-detail';
import { RolloutPane } from '../../../source/views/panes/rollout-pane';
import { fixtureStore } from '../../helpers/fixture-store';
import { cleanup, renderComponent, withStyles } from '../../helpers/render-component';

afterEach(cleanup);

const pane = (fixtures: string[], width = 60, height = 16) => <RolloutPane lines={buildRolloutDetail(fixtureStore(fixtures).getSnapshot(), width, height).lines} />;
const lines = (fixtures: string[], width?: number, height?: number) => renderComponent(pane(fixtures, width, height)).lines();

describe('rollout pane', () => {
	it('a canary in a timed pause: steps done, the current one marked, the ones to come; canary and stable revisions', () => {
		expect(lines(['canary-timed-pause'])).toEqual([
			'॥ Paused  canary  llm',
			'step 3/7 · weight set 25% · actual 25%',
			'waiting: paused: 40s left',
			'8 desired · 2 updated · 8 ready · 8 available',
			'CanaryPauseStep',
			'steps',
			' ✔ 1. setWeight 10',
			' ✔ 2. pause (until promoted)',
			' ✔ 3. setWeight 25',
			' ▶ 4. pause 60s',
			'   5. setWeight 50',
			'   6. pause 60s',
			'   7. setWeight 100',
			'revisions',
			' rev 5   canary  ✔ 2/2    v0.6.4     qwen2-72b-59d7b8c6f4',
			' rev 4   stable  ✔ 6/6    v0.6.3     qwen2-72b-6c8f7d9b5',
		]);
	});

	it('with less room the step list keeps the current step in view', () => {
		expect(lines(['canary-timed-pause'], 60, 12)).toEqual([
			'॥ Paused  canary  llm',
			'step 3/7 · weight set 25% · actual 25%',
			'waiting: paused: 40s left',
			'8 desired · 2 updated · 8 ready · 8 available',
			'CanaryPauseStep',
			'steps',
			' ✔ 3. setWeight 25',
			' ▶ 4. pause 60s',
			'   5. setWeight 50',
			'revisions',
			' rev 5   canary  ✔ 2/2    v0.6.4     qwen2-72b-59d7b8c6f4',
			' rev 4   stable  ✔ 6/6    v0.6.3     qwen2-72b-6c8f7d9b5',
		]);
	});

	it('a paused blue-green: what promotes it, its preview and active revisions', () => {
		expect(lines(['bluegreen-paused'])).toEqual([
			'॥ Paused  blueGreen  llm',
			'waiting: paused (BlueGreenPause) — press P to promote/resume',
			'3 desired · 3 updated · 6 ready · 3 available',
			'revisions',
			// The active revision carries both of the plugin's tags; the tag column widens for them.
			' rev 11  preview       ✔ 3/3    2.4.0      mistral-7b-74b94…',
			' rev 10  stable,active ✔ 3/3    2.3.1      mistral-7b-6cbcc…',
		]);
	});

	it('an aborted canary: the abort reason wrapped at spaces to the pane width', () => {
		expect(lines(['canary-aborted'])).toEqual([
			'✖ Degraded  canary  llm',
			'step 0/4 · weight set 0% · actual 0%',
			'waiting: aborted: Rollout aborted update to revision 4:',
			'Metric "p99-latency" assessed Failed due to failed (1) >',
			'failureLimit (0) — retry or undo',
			'analysis: step ✖ Failed  a: details',
			'4 desired · 0 updated · 4 ready · 4 available',
			'RolloutAborted: Rollout aborted update to revision 4:',
			'Metric "p99-latency" assessed Failed due to failed (1) >',
			'failureLimit (0)',
			'steps',
			' ▶ 1. setWeight 20',
			'   2. analysis',
			'revisions',
			' rev 4   canary  • 0/0    v0.6.4     llama-3-8b-7f8c9d6b5a',
			' rev 3   stable  ✔ 4/4    v0.6.3     llama-3-8b-5b6c7d8e9f',
		]);
	});

	it('a rolling Deployment: the controller’s message, new and old revisions', () => {
		expect(lines(['deployment-rolling'])).toEqual([
			'◌ Progressing  rolling  triton',
			'4 desired · 2 updated · 4 ready · 4 available',
			'Waiting for rollout to finish: 2 out of 4 new replicas have',
			'been updated...',
			'revisions',
			' rev 3   new     ◌ 1/2    24.05-py3  embedder-7d9f8c6b5',
			' rev 2   old     ✔ 3/3    24.04-py3  embedder-5c8b7a6d9',
		]);
	});

	it('nothing selected', () => {
		expect(lines([])).toEqual(['select a workload']);
	});

	describe('styles', () => {
		withStyles();

		it('in mono the phase, the section headings and the current step are bold, nothing else', () => {
			const raw = renderComponent(pane(['canary-timed-pause'])).raw();
			const bold = raw.split('\n').flatMap((line) => [...line.matchAll(/\x1b\[1m(.*?)\x1b\[22m/g)].map((m) => m[1]));
			expect(bold).toEqual(['॥ Paused', 'steps', ' ▶ 4. pause 60s', 'revisions']);
		});
	});
});
