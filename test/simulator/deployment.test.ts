import { describe, expect, it } from 'vitest';
import { advanceUntil, deployment, patch, pods, replicaSets, simulator } from './helpers';

const NS = 'code-assist';
const NAME = 'codestral-22b';
const target = { kind: 'Deployment' as const, namespace: NS, name: NAME };

function progressing(sim: ReturnType<typeof simulator>) {
	return deployment(sim, NAME, NS).status?.conditions?.find((c) => c.type === 'Progressing');
}

describe('rolling Deployment', () => {
	it('a restart (restartedAt annotation) rolls a new ReplicaSet out within maxSurge/maxUnavailable', async () => {
		const sim = simulator();
		await patch(sim, {
			target,
			patchType: 'strategic',
			body: { spec: { template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': '2026-01-01T00:00:00Z' } } } } },
		});
		sim.advance(1000);
		expect(replicaSets(sim, NAME, NS)).toHaveLength(3);
		expect(deployment(sim, NAME, NS).metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('3');
		advanceUntil(
			sim,
			() => {
				const live = pods(sim, NAME, NS).filter((p) => !p.metadata.deletionTimestamp);
				// 4 replicas, 25%: at most 5 pods, at least 3 available.
				expect(live.length).toBeLessThanOrEqual(5);
				expect(deployment(sim, NAME, NS).status?.availableReplicas ?? 0).toBeGreaterThanOrEqual(3);
				return progressing(sim)?.reason === 'NewReplicaSetAvailable';
			},
			600_000,
			'rollout complete',
		);
		const status = deployment(sim, NAME, NS).status ?? {};
		expect(status).toMatchObject({ replicas: 4, updatedReplicas: 4, availableReplicas: 4, observedGeneration: 2 });
		const newRS = replicaSets(sim, NAME, NS).find((rs) => rs.metadata.annotations?.['deployment.kubernetes.io/revision'] === '3');
		expect(newRS?.spec.replicas).toBe(4);
		expect(replicaSets(sim, NAME, NS).filter((rs) => rs !== newRS).every((rs) => rs.spec.replicas === 0)).toBe(true);
	});

	it('spec.paused halts a rollout; resuming lets it complete', async () => {
		const sim = simulator();
		await patch(sim, { target, patchType: 'strategic', body: { spec: { paused: true } } });
		await patch(sim, { target, patchType: 'strategic', body: { spec: { template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': '2026-01-01T00:00:01Z' } } } } } });
		sim.advance(30_000);
		expect(replicaSets(sim, NAME, NS)).toHaveLength(2);
		expect(progressing(sim)?.reason).toBe('DeploymentPaused');
		await patch(sim, { target, patchType: 'strategic', body: { spec: { paused: null } } });
		advanceUntil(sim, () => progressing(sim)?.reason === 'NewReplicaSetAvailable' && replicaSets(sim, NAME, NS).length === 3, 600_000, 'complete after resume');
	});
});
