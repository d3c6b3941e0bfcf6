// The resource metrics API (`metrics.k8s.io/v1beta1`, what metrics-server serves and `kubectl top`
// reads): per-pod and per-node CPU and memory, derived from the simulator's per-replica model.
// A model server's host side is a tokenizer/scheduler process: CPU grows with GPU utilisation and
// request rate, memory with the weights it staged. Nodes add their system daemons.
import type { Node, Pod } from '../domain/k8s';
import type { ReplicaSample } from '../domain/metrics';
import type { ObjectStore } from '../sources/simulator/object-store';
import { selectorFilter } from './selectors';

export const METRICS_GROUP = 'metrics.k8s.io';
export const METRICS_VERSION = 'v1beta1';
const GROUP_VERSION = `${METRICS_GROUP}/${METRICS_VERSION}`;
/** metrics-server's default resolution. */
const WINDOW = '15s';
const SYSTEM_CPU_NANO = 450_000_000;
const SYSTEM_MEMORY_BYTES = 3.2 * 2 ** 30;

interface Usage {
	cpuNano: number;
	memoryBytes: number;
}

function usageOf(sample: ReplicaSample): Usage {
	const gpus = Math.max(1, sample.gpus ?? 1);
	const util = sample.values.gpuUtil ?? 0;
	const rps = sample.values.rps ?? 0;
	const cpuNano = Math.round((0.18 + 0.012 * util * gpus + 0.02 * rps) * 1e9);
	const memoryBytes = Math.round((1.4 + 0.04 * ((sample.values.gpuMemUsed ?? 0) / 1024)) * 2 ** 30);
	return { cpuNano, memoryBytes };
}

const cpu = (nano: number) => `${Math.round(nano)}n`;
/** RFC 3339 at whole seconds, as Kubernetes serialises times. */
const stamp = (ms: number) => new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');
const memory = (bytes: number) => `${Math.round(bytes / 1024)}Ki`;

export class ResourceMetrics {
	constructor(
		private readonly store: ObjectStore,
		private readonly samples: () => ReplicaSample[],
	) {}

	/** The APIResourceList of the group version. */
	resourceList(): object {
		return {
			kind: 'APIResourceList',
			apiVersion: 'v1',
			groupVersion: GROUP_VERSION,
			resources: [
				{ name: 'nodes', singularName: '', namespaced: false, kind: 'NodeMetrics', verbs: ['get', 'list'] },
				{ name: 'pods', singularName: '', namespaced: true, kind: 'PodMetrics', verbs: ['get', 'list'] },
			],
		};
	}

	/** Answers a metrics.k8s.io path (`nodes[/NAME]`, `[namespaces/NS/]pods[/NAME]`); undefined when it names nothing. */
	answer(rest: string[], labelSelector: string | null): { status: number; body: object } | undefined {
		const [first, second, third, fourth] = rest;
		if (first === 'nodes') return this.one(this.nodes(labelSelector), 'NodeMetrics', second);
		if (first === 'pods') return this.one(this.pods(undefined, labelSelector), 'PodMetrics', second);
		if (first === 'namespaces' && third === 'pods') return this.one(this.pods(second, labelSelector), 'PodMetrics', fourth);
		return undefined;
	}

	private one(items: Array<{ metadata: { name: string } }>, kind: string, name: string | undefined): { status: number; body: object } {
		if (name === undefined) return { status: 200, body: { kind: `${kind}List`, apiVersion: GROUP_VERSION, metadata: {}, items } };
		const found = items.find((item) => item.metadata.name === name);
		const resource = kind === 'PodMetrics' ? 'pods' : 'nodes';
		if (found) return { status: 200, body: found };
		return { status: 404, body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: `${resource}.${METRICS_GROUP} "${name}" not found`, reason: 'NotFound', details: { name, group: METRICS_GROUP, kind: resource }, code: 404 } };
	}

	private usageByPod(): Map<string, { sample: ReplicaSample; usage: Usage }> {
		const result = new Map<string, { sample: ReplicaSample; usage: Usage }>();
		for (const sample of this.samples()) result.set(`${sample.namespace}/${sample.pod}`, { sample, usage: usageOf(sample) });
		return result;
	}

	private pods(namespace: string | undefined, labelSelector: string | null) {
		const filter = selectorFilter(labelSelector, null);
		const usage = this.usageByPod();
		return (this.store.list('Pod', namespace) as Pod[])
			.filter(filter)
			.flatMap((pod) => {
				const found = usage.get(`${pod.metadata.namespace}/${pod.metadata.name}`);
				if (!found || pod.status?.phase !== 'Running') return [];
				const container = pod.spec.containers?.[0]?.name ?? 'server';
				return [
					{
						metadata: { name: pod.metadata.name, namespace: pod.metadata.namespace, labels: pod.metadata.labels, creationTimestamp: stamp(this.store.now()) },
						timestamp: stamp(found.sample.at),
						window: WINDOW,
						containers: [{ name: container, usage: { cpu: cpu(found.usage.cpuNano), memory: memory(found.usage.memoryBytes) } }],
					},
				];
			})
			.sort((a, b) => `${a.metadata.namespace}/${a.metadata.name}`.localeCompare(`${b.metadata.namespace}/${b.metadata.name}`));
	}

	private nodes(labelSelector: string | null) {
		const filter = selectorFilter(labelSelector, null);
		const usage = this.usageByPod();
		const perNode = new Map<string, Usage>();
		for (const pod of this.store.list('Pod') as Pod[]) {
			const found = usage.get(`${pod.metadata.namespace}/${pod.metadata.name}`);
			const node = pod.spec.nodeName;
			if (!found || !node) continue;
			const total = perNode.get(node) ?? { cpuNano: 0, memoryBytes: 0 };
			perNode.set(node, { cpuNano: total.cpuNano + found.usage.cpuNano, memoryBytes: total.memoryBytes + found.usage.memoryBytes });
		}
		const now = stamp(this.store.now());
		return (this.store.list('Node') as Node[])
			.filter(filter)
			.map((node) => {
				const pods = perNode.get(node.metadata.name) ?? { cpuNano: 0, memoryBytes: 0 };
				return {
					metadata: { name: node.metadata.name, labels: node.metadata.labels, creationTimestamp: now },
					timestamp: now,
					window: WINDOW,
					usage: { cpu: cpu(pods.cpuNano + SYSTEM_CPU_NANO), memory: memory(pods.memoryBytes + SYSTEM_MEMORY_BYTES) },
				};
			})
			.sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
	}
}
