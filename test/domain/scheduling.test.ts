// Pending replicas and the scheduler's reason, from FailedScheduling events.
import { describe, expect, it } from 'vitest';
import type { KubeEvent, Pod } from '../../source/domain/k8s';
import { pendingReplicas } from '../../source/domain/scheduling';

const MESSAGE = '0/8 nodes are available: 4 Insufficient nvidia.com/gpu, 4 node(s) were unschedulable. preemption: 0/8 nodes are available: 4 No preemption victims found for incoming pod, 4 Preemption is not helpful for scheduling..';

const pod = (name: string, phase: string, nodeName?: string, condition?: string): Pod => ({
	kind: 'Pod',
	metadata: { name, namespace: 'llm' },
	spec: { nodeName },
	status: { phase, ...(condition ? { conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: condition }] } : {}) },
});
const event = (podName: string, message: string, at: string): KubeEvent => ({
	kind: 'Event',
	metadata: { name: `${podName}.1`, namespace: 'llm' },
	involvedObject: { kind: 'Pod', name: podName, namespace: 'llm' },
	reason: 'FailedScheduling',
	type: 'Warning',
	message,
	lastTimestamp: at,
});

describe('pending replicas', () => {
	const events = [event('a', '0/8 nodes are available: 8 Insufficient nvidia.com/gpu. preemption: …', '2026-01-01T00:00:00Z'), event('b', MESSAGE, '2026-01-01T00:01:00Z')];
	const eventsOf = (p: Pod) => events.filter((e) => e.involvedObject.name === p.metadata.name);
	const time = (e: KubeEvent) => Date.parse(e.lastTimestamp ?? '');

	it.each([
		['the newest FailedScheduling message, without the preemption post-script', [pod('a', 'Pending'), pod('b', 'Pending'), pod('c', 'Running', 'n1')], 2, '0/8 nodes are available: 4 Insufficient nvidia.com/gpu, 4 node(s) were unschedulable.'],
		['bound Pending pods (ContainerCreating) are not waiting for the scheduler', [pod('a', 'Pending', 'n1')], 0, undefined],
		['the PodScheduled condition when no event is there (yet)', [pod('x', 'Pending', undefined, '0/2 nodes are available: 2 Insufficient cpu.')], 1, '0/2 nodes are available: 2 Insufficient cpu.'],
		['no reason known', [pod('y', 'Pending')], 1, undefined],
	])('%s', (_, pods, count, reason) => {
		expect(pendingReplicas(pods, eventsOf, time)).toEqual(reason === undefined ? { count } : { count, reason });
	});
});
