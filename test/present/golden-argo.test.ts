// Golden lines against the Argo Rollouts kubectl plugin (v1.9.1): for each Rollout situation its
// own tests assert (shared/reference/argo-rollouts/EXPECTED.md), the exact workloads row and
// Rollout pane rolltop builds from a fixture reproducing it.
//
// Where rolltop shows things its own way, on purpose:
// - STRATEGY uses the spec's field names (canary, blueGreen), not the plugin's Canary/BlueGreen.
// - WEIGHT is `set/actual` in one cell; READY is ready/desired, as kubectl's READY for Deployments
//   (the plugin's list prints ready/current); PEND counts replicas the scheduler has not placed.
// - IMAGE is the tag of the newest revision that runs pods, and each revision line carries its own
//   tag: the panes have no Images block, so the plugin's Images facts are checked on the domain
//   status the panes are built from.
// - The replicas line leaves out Current (the pods that exist; the Replicas pane lists them).
// - Revisions list the ReplicaSets that run, are wanted or have a role; a scaled-down one with no
//   role is left out, where the plugin prints it as `• ScaledDown`.
// - Pods, Experiments and AnalysisRuns are not rows of the Rollout pane.
import { describe, expect, it } from 'vitest';
import { rolloutStatus } from '../../source/domain/rollout';
import { loadFixture, NOW } from '../domain/fixtures';
import { fixturePanes } from '../helpers/fixture-panes';

const panes = (fixture: string) => fixturePanes(loadFixture(`golden/${fixture}`), NOW);

function imagesOf(fixture: string): string[] {
	const { rollouts, replicaSets } = loadFixture(`golden/${fixture}`);
	return rolloutStatus(rollouts[0], replicaSets, NOW).images.map(({ image, tags }) => (tags.length ? `${image} (${tags.join(', ')})` : image));
}

/** canary-demo and its variants: the same ReplicaSets, so the same lines but for the name, weights and INFO. */
function canaryDemo(name: string, actualWeight: number, info = { canary: 'canary', stable: 'stable' }) {
	const width = Math.max(8, info.canary.length + 1, info.stable.length + 1);
	return {
		row: {
			STATUS: '✖ Degraded',
			NAME: name,
			NAMESPACE: 'jesse-test',
			STRATEGY: 'canary',
			STEP: '0/8',
			WEIGHT: `20/${actualWeight}`,
			READY: '5/5',
			// The golden fixtures hold the Rollouts' analysis status but no AnalysisRun objects.
			ANALYSIS: '—',
			PEND: '—',
			REV: '31',
			IMAGE: 'does-not-exist',
			AGE: '7d',
		},
		rollout: [
			'✖ Degraded  canary  jesse-test',
			`step 0/8 · weight set 20% · actual ${actualWeight}%`,
			'5 desired · 1 updated · 5 ready · 5 available',
			'ProgressDeadlineExceeded: ReplicaSet "canary-demo-65fb5ffc84" has timed out progressing.',
			'steps',
			' ▶ 1. setWeight 20',
			'   2. pause (until promoted)',
			'   3. setWeight 40',
			'   4. pause 10s',
			'   5. setWeight 60',
			'   6. pause 10s',
			'   7. setWeight 80',
			'   8. pause 10s',
			'revisions',
			` rev 31  ${info.canary.padEnd(width)}◌ 0/1    does-not-exist canary-demo-65fb5ffc84`,
			` rev 30  ${info.stable.padEnd(width)}✔ 5/5    green      canary-demo-877894d5b`,
		],
	};
}

describe('canary (plugin: canary-demo and its variants)', () => {
	it('canary-demo: Degraded by the progress deadline at step 0/8, set weight 20, actual 0 (0 of 5 available pods are canary)', () => {
		const { row, rollout } = canaryDemo('canary-demo', 0);
		expect(panes('canary-demo')).toEqual({ rows: [row], rollout });
		expect(imagesOf('canary-demo')).toEqual(['argoproj/rollouts-demo:does-not-exist (canary)', 'argoproj/rollouts-demo:green (stable)']);
	});

	it('canary-demo-pingpong: the canary is behind ping, stable behind pong', () => {
		const { row, rollout } = canaryDemo('canary-demo-pingpong', 0, { canary: 'canary,ping', stable: 'stable,pong' });
		expect(panes('canary-pingpong')).toEqual({ rows: [row], rollout });
		expect(imagesOf('canary-pingpong')).toEqual([
			'argoproj/rollouts-demo:does-not-exist (canary, ping)',
			'argoproj/rollouts-demo:green (stable, pong)',
		]);
	});

	it('canary-demo-weights: with traffic routing the actual weight is the routed canary weight, 20', () => {
		const { row, rollout } = canaryDemo('canary-demo-weights', 20);
		expect(panes('canary-weights')).toEqual({ rows: [row], rollout });
	});

	it('canary-demo-weights-na: traffic routing without reported weights falls back to the set weight, 20', () => {
		const { row, rollout } = canaryDemo('canary-demo-weights-na', 20);
		expect(panes('canary-weights-na')).toEqual({ rows: [row], rollout });
	});

	// The plugin would look this ReplicaSet workloadRef up as a Deployment and most likely fail
	// (EXPECTED.md 3.6, not verified upstream); rolltop shows the Rollout from its own status.
	it('canary-demo-workloadRef (a ReplicaSet): the same lines as canary-demo', () => {
		const { row, rollout } = canaryDemo('canary-demo-workloadRef', 0);
		expect(panes('canary-workloadref')).toEqual({ rows: [row], rollout });
	});

	it('canary-demo-workloadRef-deploy: the same lines as canary-demo; the referenced Deployment is not a row of its own', () => {
		const { row, rollout } = canaryDemo('canary-demo-workloadRef-deploy', 0);
		expect(panes('canary-workloadref-deploy')).toEqual({ rows: [row], rollout });
		// The images come from the ReplicaSets, not from the Deployment's template (:red).
		expect(imagesOf('canary-workloadref-deploy')).toEqual(imagesOf('canary-demo'));
	});
});

describe('blue-green (plugin: bluegreen-demo)', () => {
	const head = [
		'॥ Paused  blueGreen  jesse-test',
		'waiting: paused (BlueGreenPause) — press P to promote/resume',
		'3 desired · 3 updated · 6 ready · 3 available',
		'revisions',
	];

	// The message (BlueGreenPause, the first pause condition's reason) is said once, in the waiting line.
	it('Paused (BlueGreenPause) with no step or weights; revision 11 preview, revision 10 stable and active', () => {
		expect(panes('bluegreen-demo')).toEqual({
			rows: [
				{ STATUS: '॥ Paused', NAME: 'bluegreen-demo', NAMESPACE: 'jesse-test', STRATEGY: 'blueGreen', STEP: '—', WEIGHT: '—', READY: '6/3', PEND: '—', ANALYSIS: '—', REV: '11', IMAGE: 'green', AGE: '7d' },
			],
			rollout: [
				...head,
				' rev 11  preview       ✔ 3/3    green      bluegreen-demo-74b948fccb',
				' rev 10  stable,active ✔ 3/3    blue       bluegreen-demo-6cbccd9f99',
			],
		});
		expect(imagesOf('bluegreen-demo')).toEqual(['argoproj/rollouts-demo:blue (stable, active)', 'argoproj/rollouts-demo:green (preview)']);
	});

	it('a scale-down deadline on the active ReplicaSet shows as the time left', () => {
		expect(panes('bluegreen-active-delay').rollout).toEqual([
			...head,
			' rev 11  preview                   ✔ 3/3    green      bluegreen-demo-74b948fccb',
			' rev 10  stable,active,delay:3h59m ✔ 3/3    blue       bluegreen-demo-6cbccd9f99',
		]);
	});

	it.each([
		['bluegreen-preview-delay', 'delay:3h59m   '],
		['bluegreen-preview-delay-passed', 'delay:passed  '],
	])('%s: the preview ReplicaSet without its hash label loses its role and tag, keeps its delay', (fixture, info) => {
		expect(panes(fixture).rollout).toEqual([
			...head,
			` rev 11  ${info}✔ 3/3    green      bluegreen-demo-74b948fccb`,
			' rev 10  stable,active ✔ 3/3    blue       bluegreen-demo-6cbccd9f99',
		]);
		expect(imagesOf(fixture)).toEqual(['argoproj/rollouts-demo:blue (stable, active)', 'argoproj/rollouts-demo:green']);
	});
});

describe('experiment and analysis (plugin: rollout-experiment-analysis)', () => {
	// The plugin does not show the InconclusiveAnalysisRun pause behind the Degraded phase; rolltop
	// says it, because promoting is what moves the rollout on.
	it('Degraded by the progress deadline at step 1/2, set 25, actual 25 (1 of 4 available pods); the Experiment’s ReplicaSets are not the Rollout’s', () => {
		expect(panes('rollout-experiment-analysis')).toEqual({
			rows: [
				{ STATUS: '✖ Degraded', NAME: 'rollout-experiment-analysis', NAMESPACE: 'jesse-test', STRATEGY: 'canary', STEP: '1/2', WEIGHT: '25/25', READY: '4/4', PEND: '—', ANALYSIS: '—', REV: '2', IMAGE: 'yellow', AGE: '7d' },
			],
			rollout: [
				'✖ Degraded  canary  jesse-test',
				'step 1/2 · weight set 25% · actual 25%',
				'waiting: paused (InconclusiveAnalysisRun) — press P to promote/resume',
				'4 desired · 1 updated · 4 ready · 4 available',
				'ProgressDeadlineExceeded: ReplicaSet "rollout-experiment-analysis-6f646bf7b7" has timed out progressing.',
				'steps',
				' ✔ 1. setWeight 25',
				' ▶ 2. experiment',
				'revisions',
				' rev 2   canary  ✔ 1/1    yellow     rollout-experiment-analysis-6f646bf7b7',
				' rev 1   stable  ✔ 3/3    blue       rollout-experiment-analysis-f6db98dff',
			],
		});
		expect(imagesOf('rollout-experiment-analysis')).toEqual(['argoproj/rollouts-demo:blue (stable)', 'argoproj/rollouts-demo:yellow (canary)']);
	});
});

// Upstream situations whose dumps the reference folder lacks (EXPECTED.md §4), from the plugin's
// TestGetAbortedRollout and TestGetInvalidRollout.
describe('aborted and invalid (plugin: rollout-background-analysis, rollout-invalid)', () => {
	it('aborted by its background analysis: Degraded, set weight 0, only the stable image runs', () => {
		expect(panes('rollout-aborted')).toEqual({
			rows: [
				{ STATUS: '✖ Degraded', NAME: 'rollout-background-analysis', NAMESPACE: 'default', STRATEGY: 'canary', STEP: '0/2', WEIGHT: '0/0', READY: '1/1', PEND: '—', ANALYSIS: '—', REV: '2', IMAGE: 'blue', AGE: '7d' },
			],
			rollout: [
				'✖ Degraded  canary  default',
				'step 0/2 · weight set 0% · actual 0%',
				'waiting: aborted: metric "web" assessed Failed due to failed (1) > failureLimit (0) — retry or undo',
				'analysis: background ✖ Failed  a: details',
				'1 desired · 0 updated · 1 ready · 1 available',
				'RolloutAborted: metric "web" assessed Failed due to failed (1) > failureLimit (0)',
				'steps',
				' ▶ 1. setWeight 10',
				'   2. pause (until promoted)',
				'revisions',
				' rev 2   canary  • 0/0    yellow     rollout-background-analysis-db976bc44',
				' rev 1   stable  ✔ 1/1    blue       rollout-background-analysis-7d84d44bb8',
			],
		});
		expect(imagesOf('rollout-aborted')).toEqual(['argoproj/rollouts-demo:blue (stable)']);
	});

	it('InvalidSpec: Degraded with the condition as message, no step, set and actual weight 100, no image', () => {
		expect(panes('rollout-invalid')).toEqual({
			rows: [
				{ STATUS: '✖ Degraded', NAME: 'rollout-invalid', NAMESPACE: 'default', STRATEGY: 'canary', STEP: '—', WEIGHT: '100/100', READY: '0/1', PEND: '—', ANALYSIS: '—', REV: '—', IMAGE: '—', AGE: '7d' },
			],
			rollout: [
				'✖ Degraded  canary  default',
				'weight set 100% · actual 100%',
				'1 desired · 0 updated · 0 ready · 0 available',
				'InvalidSpec: The Rollout "rollout-invalid" is invalid: spec.template.metadata.labels: Invalid value:',
				'map[string]string{"app":"doesnt-match"}: `selector` does not match template `labels`',
			],
		});
		expect(imagesOf('rollout-invalid')).toEqual([]);
	});
});
