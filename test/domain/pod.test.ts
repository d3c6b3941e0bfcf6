// kubectl's STATUS / READY / RESTARTS columns and the rollout role of each pod.
import { describe, expect, it } from 'vitest';
import { podRole, podStatus } from '../../source/domain/pod';
import { deploymentFixture, loadFixture, rolloutFixture } from './fixtures';

const pods = loadFixture('pods').pods;
const pod = (name: string) => pods.find((p) => p.metadata.name === name)!;

describe('podStatus (kubectl get pods)', () => {
	it.each([
		['running', 'Running', '✔', '1/1', 0],
		['unscheduled', 'Pending', '◌', '0/1', 0],
		['creating', 'ContainerCreating', '◌', '0/1', 0],
		['crashloop', 'CrashLoopBackOff', '✖', '0/1', 7],
		['oomkilled', 'OOMKilled', '✖', '0/1', 2],
		['terminating', 'Terminating', '◌', '1/1', 0],
		['completed', 'Completed', '✔', '0/1', 0],
		['init-download', 'Init:0/1', '◌', '0/1', 0],
		['init-failed', 'Init:ExitCode:2', '◌', '0/1', 3],
		['sidecar', 'Running', '✔', '2/2', 1],
		['evicted', 'Evicted', '✖', '0/1', 0],
	])('%s → %s %s ready %s restarts %d', (name, status, glyph, ready, restarts) => {
		expect(podStatus(pod(name))).toMatchObject({ status, glyph, ready, restarts });
	});

	it('keeps the time of the latest restart', () => {
		expect(podStatus(pod('crashloop')).lastRestartAt).toBe(Date.parse('2024-06-01T11:55:00Z'));
		expect(podStatus(pod('running')).lastRestartAt).toBeUndefined();
	});

	it('ImagePullBackOff from the canary fixture is a warning', () => {
		const { pods: canaryPods } = rolloutFixture('canary-deadline');
		expect(podStatus(canaryPods[0])).toMatchObject({ status: 'ImagePullBackOff', glyph: '⚠', ready: '0/1' });
	});
});

describe('podRole', () => {
	it('canary rollout: canary and stable pods', () => {
		const { ro, replicaSets, pods: rolloutPods } = rolloutFixture('canary-deadline');
		expect(rolloutPods.map((p) => podRole(p, ro, replicaSets))).toEqual(['canary', 'stable']);
	});

	it('blue-green: preview and active (active wins over stable)', () => {
		const { ro, replicaSets, pods: bgPods } = rolloutFixture('bluegreen-paused');
		expect(bgPods.map((p) => podRole(p, ro, replicaSets))).toEqual(['preview', 'active']);
	});

	it('falls back to the pod label when its ReplicaSet is not known', () => {
		const { ro, pods: rolloutPods } = rolloutFixture('canary-deadline');
		expect(podRole(rolloutPods[1], ro, [])).toBe('stable');
	});

	it('no role for deployments or for pods of a ReplicaSet the rollout does not own', () => {
		const { d, replicaSets } = deploymentFixture('deployment-rolling');
		const { ro, pods: rolloutPods } = rolloutFixture('canary-deadline');
		expect(podRole(rolloutPods[0], d, replicaSets)).toBe('');
		const foreign = structuredClone(rolloutFixture('canary-deadline').replicaSets);
		for (const rs of foreign) rs.metadata.ownerReferences = [{ kind: 'Experiment', name: 'x', uid: 'other' }];
		expect(podRole(rolloutPods[0], ro, foreign)).toBe('');
	});
});
