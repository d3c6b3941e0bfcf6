// What a node holds and what is left, computed as `kubectl describe node` does for "Allocated
// resources": the requests of the node's pods that are not Succeeded/Failed (bound Pending pods
// hold their GPUs too) against `status.allocatable`. GPU model and count from GPU feature discovery.
import { formatAge, parseTime } from './format';
import type { Container, Node, Pod, Taint } from './k8s';
import { parseQuantity } from './quantity';

export const GPU_RESOURCE = 'nvidia.com/gpu';
export const GPU_PRODUCT_LABEL = 'nvidia.com/gpu.product';
export const GPU_COUNT_LABEL = 'nvidia.com/gpu.count';
/** Mixed-strategy MIG slices: nvidia.com/mig-1g.10gb, nvidia.com/mig-3g.40gb, … */
const MIG_PREFIX = 'nvidia.com/mig-';

export type NodeReadiness = 'Ready' | 'NotReady' | 'Unknown';

export interface ResourceUse {
	resource: string;
	requested: number;
	allocatable: number;
}

export interface NodeCapacity {
	name: string;
	readiness: NodeReadiness;
	/** Cordoned: `spec.unschedulable`. */
	unschedulable: boolean;
	/** What `kubectl get nodes` prints in STATUS: Ready, NotReady, Ready,SchedulingDisabled. */
	statusText: string;
	gpuProduct?: string;
	gpus: ResourceUse;
	/** MIG slices by resource name, only those the node offers or pods ask for. */
	mig: ResourceUse[];
	/** Requests as % of allocatable; undefined when the node reports no allocatable amount. */
	cpuPercent?: number;
	memoryPercent?: number;
	pods: number;
	taints: string[];
	age?: string;
}

/** Whether the pod holds its requests on a node: bound and not terminated (kubectl's field selector). */
export function holdsResources(pod: Pod): boolean {
	const phase = pod.status?.phase;
	return Boolean(pod.spec.nodeName) && phase !== 'Succeeded' && phase !== 'Failed';
}

function containerRequest(container: Container, resource: string): number {
	// A limit alone is defaulted into the request (always so for extended resources).
	const resources = container.resources ?? {};
	return parseQuantity(resources.requests?.[resource] ?? resources.limits?.[resource]) ?? 0;
}

/** The pod's effective request: max(sum of app containers, largest init container) plus overhead. */
export function podRequest(pod: Pod, resource: string): number {
	const spec = pod.spec as { containers?: Container[]; initContainers?: Container[]; overhead?: Record<string, string> };
	const app = (spec.containers ?? []).reduce((sum, c) => sum + containerRequest(c, resource), 0);
	const init = Math.max(0, ...(spec.initContainers ?? []).map((c) => containerRequest(c, resource)));
	return Math.max(app, init) + (parseQuantity(spec.overhead?.[resource]) ?? 0);
}

export function gpuRequest(pod: Pod): number {
	return podRequest(pod, GPU_RESOURCE);
}

/** Taints as kubectl shows them: key=value:Effect. */
export function taintText(taint: Taint): string {
	return `${taint.key}${taint.value ? `=${taint.value}` : ''}:${taint.effect}`;
}

function readinessOf(node: Node): NodeReadiness {
	const ready = node.status?.conditions?.find((c) => c.type === 'Ready')?.status;
	return ready === 'True' ? 'Ready' : ready === 'False' ? 'NotReady' : 'Unknown';
}

function use(resource: string, pods: Pod[], allocatable: Record<string, string>): ResourceUse {
	return { resource, requested: pods.reduce((sum, pod) => sum + podRequest(pod, resource), 0), allocatable: parseQuantity(allocatable[resource]) ?? 0 };
}

function percent(used: ResourceUse): number | undefined {
	return used.allocatable > 0 ? Math.trunc((used.requested / used.allocatable) * 100) : undefined;
}

/** `podsOnNode`: the pods whose `spec.nodeName` is this node (any phase; terminated ones are left out here). */
export function nodeCapacity(node: Node, podsOnNode: Pod[], now: number): NodeCapacity {
	const holding = podsOnNode.filter(holdsResources);
	const allocatable = node.status?.allocatable ?? node.status?.capacity ?? {};
	const readiness = readinessOf(node);
	const unschedulable = node.spec?.unschedulable === true;
	const migResources = new Set(Object.keys(allocatable).filter((r) => r.startsWith(MIG_PREFIX)));
	for (const pod of holding) for (const c of pod.spec.containers ?? []) for (const r of Object.keys({ ...c.resources?.requests, ...c.resources?.limits })) if (r.startsWith(MIG_PREFIX)) migResources.add(r);
	const created = parseTime(node.metadata.creationTimestamp);
	return {
		name: node.metadata.name,
		readiness,
		unschedulable,
		statusText: unschedulable ? `${readiness},SchedulingDisabled` : readiness,
		gpuProduct: node.metadata.labels?.[GPU_PRODUCT_LABEL],
		gpus: use(GPU_RESOURCE, holding, allocatable),
		mig: [...migResources].sort().map((r) => use(r, holding, allocatable)),
		cpuPercent: percent(use('cpu', holding, allocatable)),
		memoryPercent: percent(use('memory', holding, allocatable)),
		pods: holding.length,
		taints: (node.spec?.taints ?? []).map(taintText),
		age: created === undefined ? undefined : formatAge(now - created),
	};
}

/** Pods the scheduler has not placed that ask for GPUs (whole or MIG). */
export function pendingForGpus(pod: Pod): boolean {
	if (pod.spec.nodeName || pod.status?.phase !== 'Pending') return false;
	return (pod.spec.containers ?? []).some((c) => Object.keys({ ...c.resources?.requests, ...c.resources?.limits }).some((r) => r === GPU_RESOURCE || r.startsWith(MIG_PREFIX)));
}

export interface GpuSummary {
	allocated: number;
	allocatable: number;
	free: number;
	pendingPods: number;
}

/** `GPUs 28/32 allocated · 4 free · 12 pods pending for GPUs` for a set of nodes. */
export function gpuSummary(nodes: NodeCapacity[], pendingPods: number): GpuSummary {
	const allocated = nodes.reduce((sum, n) => sum + n.gpus.requested, 0);
	const allocatable = nodes.reduce((sum, n) => sum + n.gpus.allocatable, 0);
	// Cordoned and NotReady nodes take no new pods: their free GPUs are not free to anyone.
	const free = nodes.filter((n) => n.readiness === 'Ready' && !n.unschedulable).reduce((sum, n) => sum + Math.max(0, n.gpus.allocatable - n.gpus.requested), 0);
	return { allocated, allocatable, free, pendingPods };
}

export function gpuSummaryText(summary: GpuSummary): string {
	const pending = summary.pendingPods ? ` · ${summary.pendingPods} pod${summary.pendingPods === 1 ? '' : 's'} pending for GPUs` : '';
	return `GPUs ${summary.allocated}/${summary.allocatable} allocated · ${summary.free} free${pending}`;
}
