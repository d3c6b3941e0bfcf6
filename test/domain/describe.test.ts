import { describe as group, expect, it } from 'vitest';
import { describePod, describeTime } from '../../source/domain/describe';
import type { KubeEvent, Pod } from '../../source/domain/k8s';
import { podStatus, schedulingReason } from '../../source/domain/pod';
import { advanceUntil, CANARY, NS, pods, rollout, simulator } from '../simulator/helpers';

const pending: Pod = {
	kind: 'Pod',
	metadata: { name: 'llama-7f59d9-abcde', namespace: 'llm' },
	spec: { containers: [{ name: 'vllm' }] },
	status: {
		phase: 'Pending',
		conditions: [
			{
				type: 'PodScheduled',
				status: 'False',
				reason: 'Unschedulable',
				message:
					'0/8 nodes are available: 4 Insufficient nvidia.com/gpu, 4 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. preemption: 0/8 nodes are available: 4 No preemption victims found for incoming pod, 4 Preemption is not helpful for scheduling..',
			},
		],
	},
};

group('why a replica is not serving', () => {
	it('a Pending pod carries the scheduler reason, shortened', () => {
		expect(podStatus(pending).status).toBe('Pending');
		expect(schedulingReason(pending)).toBe('0/8 nodes: 4 Insufficient nvidia.com/gpu, 4 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }');
		expect(schedulingReason({ ...pending, spec: { ...pending.spec, nodeName: 'n1' } })).toBeUndefined();
	});

	it("kubectl's time format", () => {
		expect(describeTime('2026-01-01T00:00:12Z')).toBe('Thu, 01 Jan 2026 00:00:12 +0000');
	});

	it('describes a crash-looping canary as kubectl describe pod does: states, exit code, GPUs, events', () => {
		const sim = simulator('crashloop-canary');
		const canary = () => pods(sim, CANARY, NS).find((p) => p.metadata.labels?.['rollouts-pod-template-hash'] === rollout(sim).status?.currentPodHash);
		advanceUntil(sim, () => canary()?.status?.containerStatuses?.[0]?.state?.waiting?.reason === 'CrashLoopBackOff', 120_000, 'back-off');
		const pod = canary()!;
		const events = (sim.store.list('Event') as KubeEvent[]).filter((e) => e.involvedObject.name === pod.metadata.name);
		const text = describePod(pod, events, sim.now()).map((r) => r.text);
		expect(text[0]).toBe(`Name:             ${pod.metadata.name}`);
		expect(text).toContain('    State:          Waiting');
		expect(text).toContain('      Reason:       CrashLoopBackOff');
		expect(text).toContain('    Last State:     Terminated');
		expect(text).toContain('      Reason:       Error');
		expect(text).toContain('      Exit Code:    1');
		expect(text).toContain('    Restart Count:  1');
		expect(text).toContain('      nvidia.com/gpu: 1');
		expect(text.some((t) => /^Node: {13}gke|^Node: {13}\S+\/10\./.test(t))).toBe(true);
		expect(text.some((t) => /^ {2}Warning +BackOff +\S+ +kubelet +Back-off restarting failed container vllm/.test(t))).toBe(true);
		expect(text.some((t) => t.startsWith('Controlled By:    ReplicaSet/llama-3-1-8b-chat-'))).toBe(true);
	});
});
