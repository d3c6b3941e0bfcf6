// The default scheduler, reduced to what matters for GPU serving: a pod fits a node with enough
// free GPUs of the requested product; among those it prefers the least allocated node.
import type { Node } from '../../domain/k8s';
import type { NodeState, PodRuntime, SimContext } from './context';
import { conditionTaint } from './node-lifecycle';
import { allocatePodIP, GPU_PRODUCT_LABEL, GPU_RESOURCE } from './nodes';
import { fnv1a } from './random';

/** How often an unschedulable pod's FailedScheduling event is repeated (ms). */
const RETRY_EVENT_MS = 30_000;

function requestedProduct(pod: PodRuntime): string | undefined {
	const selector = pod.template.spec?.nodeSelector as Record<string, string> | undefined;
	return selector?.[GPU_PRODUCT_LABEL];
}

/** `foreign`: the Nodes the simulator has no kubelet for (created over the API). */
function findNode(ctx: SimContext, pod: PodRuntime, foreign: Node[] = []): { node?: NodeState; message: string } {
	const product = requestedProduct(pod);
	let best: NodeState | undefined;
	let mismatched = 0;
	let insufficient = 0;
	let cordoned = 0;
	for (const node of ctx.nodes) {
		if ((ctx.store.get({ kind: 'Node', name: node.name }) as Node | undefined)?.spec?.unschedulable) cordoned++;
		else if (product && node.pool.gpuProduct !== product) mismatched++;
		else if (node.pool.gpusPerNode - node.gpusUsed < pod.gpus) insufficient++;
		else if (!best || node.gpusUsed < best.gpusUsed) best = node;
	}
	// Nodes created over the API have no kubelet: nothing binds there (tainted from admission on).
	const untolerated = new Map<string, number>();
	for (const node of foreign) {
		const taint = conditionTaint(node);
		if (node.spec?.unschedulable) cordoned++;
		else if (taint) untolerated.set(taint, (untolerated.get(taint) ?? 0) + 1);
		else insufficient++;
	}
	const total = ctx.nodes.length + foreign.length;
	// The scheduler sorts its histogram as plain strings.
	const reasons = [
		insufficient ? `${insufficient} Insufficient ${GPU_RESOURCE}` : '',
		mismatched ? `${mismatched} node(s) didn't match Pod's node affinity/selector` : '',
		cordoned ? `${cordoned} node(s) were unschedulable` : '',
		...[...untolerated].map(([key, count]) => `${count} node(s) had untolerated taint {${key}: }`),
	]
		.filter(Boolean)
		.sort();
	const notHelpful = mismatched + cordoned + [...untolerated.values()].reduce((a, b) => a + b, 0);
	const preemption = [
		insufficient ? `${insufficient} No preemption victims found for incoming pod` : '',
		notHelpful ? `${notHelpful} Preemption is not helpful for scheduling` : '',
	].filter(Boolean);
	const message = `0/${total} nodes are available: ${reasons.join(', ')}. preemption: 0/${total} nodes are available: ${preemption.join(', ')}.`;
	return { node: best, message };
}

/** Binds the pod to the node: GPUs reserved, IP assigned, image pull started. */
export function bind(ctx: SimContext, pod: PodRuntime, node: NodeState): void {
	node.gpusUsed += pod.gpus;
	pod.node = node.name;
	pod.podIP = allocatePodIP(node);
	pod.scheduledAt = ctx.now;
	pod.unschedulableMessage = undefined;
	pod.dirty = true;
}

/** Places a pod that was already running when the scenario starts (no events, image cached). */
export function placeSilently(ctx: SimContext, pod: PodRuntime): boolean {
	const { node } = findNode(ctx, pod);
	if (!node) return false;
	bind(ctx, pod, node);
	node.images.add(pod.image);
	return true;
}

export function releaseNode(ctx: SimContext, pod: PodRuntime): void {
	const node = ctx.node(pod.node);
	if (node) node.gpusUsed -= pod.gpus;
}

function imageSize(image: string): number {
	return 6_000_000_000 + (fnv1a(image) % 6_000_000_000);
}

export function schedulePending(ctx: SimContext): void {
	let foreign: Node[] | undefined;
	for (const pod of ctx.pods.values()) {
		if (pod.stage !== 'Unscheduled') continue;
		foreign ??= (ctx.store.list('Node') as Node[]).filter((n) => !ctx.node(n.metadata.name));
		const { node, message } = findNode(ctx, pod, foreign);
		const involved = { kind: 'Pod', name: pod.name, namespace: pod.namespace, uid: pod.uid, apiVersion: 'v1' };
		if (!node) {
			if (pod.unschedulableMessage !== message) pod.dirty = true;
			pod.unschedulableMessage = message;
			if (ctx.now >= pod.nextSchedulingEventAt) {
				ctx.events.warning(involved, 'FailedScheduling', message, { component: 'default-scheduler' });
				pod.nextSchedulingEventAt = ctx.now + RETRY_EVENT_MS;
			}
			continue;
		}
		bind(ctx, pod, node);
		ctx.events.normal(involved, 'Scheduled', `Successfully assigned ${pod.namespace}/${pod.name} to ${node.name}`, {
			component: 'default-scheduler',
		});
		const kubelet = { component: 'kubelet', host: node.name };
		pod.stage = 'ContainerCreating';
		pod.pulledImage = !node.images.has(pod.image);
		const [min, max] = pod.profile.pullSeconds;
		const pullMs = pod.pulledImage ? Math.round(ctx.random.lifecycle.between(min, max) * 1000) : 1000;
		pod.stageUntil = ctx.now + pullMs;
		if (pod.pulledImage) {
			ctx.events.normal(involved, 'Pulling', `Pulling image "${pod.image}"`, kubelet);
			node.images.add(pod.image);
		}
	}
}

export function pulledMessage(pod: PodRuntime, pullMs: number): string {
	if (!pod.pulledImage) return `Container image "${pod.image}" already present on machine`;
	const seconds = (pullMs / 1000).toFixed(3);
	return `Successfully pulled image "${pod.image}" in ${seconds}s (${seconds}s including waiting). Image size: ${imageSize(pod.image)} bytes.`;
}
