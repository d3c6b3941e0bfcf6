// What `kubectl rollout status` would say for the Deployment fixture and its variants.
import { describe, expect, it } from 'vitest';
import { deploymentStatus } from '../../source/domain/deployment';
import type { Deployment } from '../../source/domain/k8s';
import { deploymentFixture, NOW } from './fixtures';

describe('deploymentStatus', () => {
	it('mid-rollout fixture: 2 of 4 updated, revisions newest first', () => {
		const { d, replicaSets } = deploymentFixture('deployment-rolling');
		const s = deploymentStatus(d, NOW, replicaSets);
		expect(s).toMatchObject({
			phase: 'Progressing',
			glyph: '◌',
			message: 'Waiting for rollout to finish: 2 out of 4 new replicas have been updated...',
			strategy: 'rolling',
			paused: false,
			replicas: { desired: 4, current: 5, updated: 2, ready: 4, available: 4 },
			revision: 3,
			images: ['nvcr.io/nvidia/tritonserver:24.05-py3'],
			age: '22d',
		});
		expect(s.replicaSets.map((rs) => [rs.revision, rs.podTemplateHash, rs.phase, rs.tags])).toEqual([
			[3, '7d9f8c6b5', 'Progressing', []],
			[2, '5c8b7a6d9', 'Healthy', []],
			[1, '6f9e8d7c5', 'ScaledDown', []],
		]);
	});

	it.each<[string, (d: Deployment) => void, string, string]>([
		['spec not observed yet', (d) => (d.metadata.generation = 8), 'Progressing', 'Waiting for deployment spec update to be observed...'],
		[
			'progress deadline exceeded',
			(d) => (d.status!.conditions![1] = { type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded' }),
			'Degraded',
			'deployment "embedder" exceeded its progress deadline',
		],
		['paused', (d) => (d.spec.paused = true), 'Paused', 'deployment is paused'],
		['old replicas pending termination', (d) => (d.status!.updatedReplicas = 4), 'Progressing', 'Waiting for rollout to finish: 1 old replicas are pending termination...'],
		[
			'updated replicas becoming available',
			(d) => Object.assign(d.status!, { updatedReplicas: 4, replicas: 4, availableReplicas: 3 }),
			'Progressing',
			'Waiting for rollout to finish: 3 of 4 updated replicas are available...',
		],
		['rolled out', (d) => Object.assign(d.status!, { updatedReplicas: 4, replicas: 4, availableReplicas: 4 }), 'Healthy', 'successfully rolled out'],
	])('%s → %s', (_name, tweak, phase, message) => {
		const { d } = deploymentFixture('deployment-rolling');
		tweak(d);
		expect(deploymentStatus(d, NOW)).toMatchObject({ phase, message });
	});

	it('reports Recreate and a paused flag', () => {
		const { d } = deploymentFixture('deployment-rolling');
		d.spec.strategy = { type: 'Recreate' };
		d.spec.paused = true;
		expect(deploymentStatus(d, NOW)).toMatchObject({ strategy: 'recreate', paused: true, glyph: '॥' });
	});
});
