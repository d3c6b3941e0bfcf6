// GPU allocation as `kubectl describe node` computes "Allocated resources", and the scope summary.
import { describe, expect, it } from 'vitest';
import type { Container, Node, Pod } from '../../source/domain/k8s';
import { gpuSummary, gpuSummaryText, nodeCapacity, pendingForGpus, podRequest } from '../../source/domain/node-capacity';
import { parseQuantity } from '../../source/domain/quantity';

const NOW = Date.parse('2026-01-10T00:00:00Z');

function node(extra: { unschedulable?: boolean; ready?: string; allocatable?: Record<string, string> } = {}): Node {
	return {
		kind: 'Node',
		metadata: { name: 'gpu-1', creationTimestamp: '2026-01-01T00:00:00Z', labels: { 'nvidia.com/gpu.product': 'NVIDIA-H100-80GB-HBM3' } },
		spec: { unschedulable: extra.unschedulable, taints: [{ key: 'nvidia.com/gpu', value: 'present', effect: 'NoSchedule' }] },
		status: {
			allocatable: extra.allocatable ?? { cpu: '206000m', memory: '1000Gi', 'nvidia.com/gpu': '8', 'nvidia.com/mig-1g.10gb': '7' },
			conditions: [{ type: 'Ready', status: extra.ready ?? 'True' }],
		},
	};
}

function pod(name: string, phase: string, requests: Record<string, string>, options: { nodeName?: string; limitsOnly?: boolean; init?: Container[] } = {}): Pod {
	const resources = options.limitsOnly ? { limits: requests } : { requests };
	return {
		kind: 'Pod',
		metadata: { name, namespace: 'llm' },
		spec: { nodeName: options.nodeName ?? 'gpu-1', containers: [{ name: 'server', resources }], ...(options.init ? { initContainers: options.init } : {}) },
		status: { phase },
	};
}

describe('quantities', () => {
	it.each([
		['26000m', 26],
		['8', 8],
		['1Ki', 1024],
		['1.5Gi', 1.5 * 2 ** 30],
		['2e3', 2000],
		['100M', 1e8],
		['', undefined],
		['8 GPUs', undefined],
	])('%j → %s', (text, value) => expect(parseQuantity(text)).toBe(value));
});

describe('node allocation (kubectl describe node)', () => {
	it.each([
		['Running pods count', [pod('a', 'Running', { 'nvidia.com/gpu': '2' }), pod('b', 'Running', { 'nvidia.com/gpu': '4' })], 6],
		['bound Pending (ContainerCreating) pods hold their GPUs', [pod('a', 'Pending', { 'nvidia.com/gpu': '2' })], 2],
		['Succeeded and Failed pods do not', [pod('a', 'Succeeded', { 'nvidia.com/gpu': '2' }), pod('b', 'Failed', { 'nvidia.com/gpu': '1' })], 0],
		['a limit alone is the request', [pod('a', 'Running', { 'nvidia.com/gpu': '3' }, { limitsOnly: true })], 3],
		['pods without GPUs add nothing', [pod('a', 'Running', { cpu: '2' })], 0],
	])('%s', (_, pods, allocated) => {
		const capacity = nodeCapacity(node(), pods, NOW);
		expect(capacity.gpus).toEqual({ resource: 'nvidia.com/gpu', requested: allocated, allocatable: 8 });
	});

	it('sums MIG slices per profile, and CPU and memory as % of allocatable (truncated like kubectl)', () => {
		const pods = [pod('a', 'Running', { 'nvidia.com/mig-1g.10gb': '2', cpu: '103', memory: '333Gi' }), pod('b', 'Running', { 'nvidia.com/mig-1g.10gb': '1' })];
		const capacity = nodeCapacity(node(), pods, NOW);
		expect(capacity.mig).toEqual([{ resource: 'nvidia.com/mig-1g.10gb', requested: 3, allocatable: 7 }]);
		expect(capacity).toMatchObject({ cpuPercent: 50, memoryPercent: 33, pods: 2, gpuProduct: 'NVIDIA-H100-80GB-HBM3', age: '9d' });
		expect(capacity.taints).toEqual(['nvidia.com/gpu=present:NoSchedule']);
	});

	it('takes the larger of the app containers and the largest init container', () => {
		const withInit = pod('a', 'Running', { cpu: '1' }, { init: [{ name: 'download', resources: { requests: { cpu: '4' } } }] });
		expect(podRequest(withInit, 'cpu')).toBe(4);
	});

	it.each([
		[{}, 'Ready'],
		[{ unschedulable: true }, 'Ready,SchedulingDisabled'],
		[{ ready: 'False' }, 'NotReady'],
		[{ ready: 'Unknown', unschedulable: true }, 'Unknown,SchedulingDisabled'],
	])('%j → %s', (extra, status) => expect(nodeCapacity(node(extra), [], NOW).statusText).toBe(status));

	it('summarises a scope: free GPUs only on schedulable Ready nodes, pending GPU pods counted', () => {
		const busy = nodeCapacity(node(), [pod('a', 'Running', { 'nvidia.com/gpu': '6' })], NOW);
		const cordoned = nodeCapacity(node({ unschedulable: true }), [], NOW);
		const pending = [pod('p1', 'Pending', { 'nvidia.com/gpu': '1' }, { nodeName: '' }), pod('p2', 'Pending', { cpu: '1' }, { nodeName: '' }), pod('p3', 'Pending', { 'nvidia.com/gpu': '1' })];
		const summary = gpuSummary([busy, cordoned], pending.filter(pendingForGpus).length);
		expect(gpuSummaryText(summary)).toBe('GPUs 6/16 allocated · 2 free · 1 pod pending for GPUs');
	});
});
