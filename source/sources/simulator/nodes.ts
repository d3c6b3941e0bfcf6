// GPU nodes: the Node objects the API shows, and the bookkeeping of their GPUs.
import { rfc3339 } from '../../domain/format';
import type { Node } from '../../domain/k8s';
import { GPU_PRODUCT_LABEL, GPU_RESOURCE } from '../../domain/node-capacity';
import type { NodeState, SimContext } from './context';
import type { NodePool, Scenario } from './scenario';

export { GPU_PRODUCT_LABEL, GPU_RESOURCE };

const DAY = 86_400_000;

/** CPU cores and memory that come with a GPU node of this size (typical cloud shapes). */
function hostShape(pool: NodePool): { cpu: number; memoryKi: number } {
	const cpu = pool.gpusPerNode * 26;
	return { cpu, memoryKi: pool.gpusPerNode * 234 * 1024 * 1024 };
}

function nodeObject(state: NodeState, scenario: Scenario, createdAt: number): Node {
	const { pool } = state;
	const shape = hostShape(pool);
	const zone = pool.zone ?? 'us-central1-a';
	const capacity = {
		cpu: String(shape.cpu),
		memory: `${shape.memoryKi}Ki`,
		[GPU_RESOURCE]: String(pool.gpusPerNode),
		'ephemeral-storage': '3094550Mi',
		pods: '110',
	};
	const allocatable = {
		...capacity,
		cpu: `${shape.cpu * 1000 - 2000}m`,
		memory: `${shape.memoryKi - 12 * 1024 * 1024}Ki`,
	};
	const since = rfc3339(createdAt);
	const condition = (type: string, status: string, reason: string, message: string) => ({
		type,
		status,
		reason,
		message,
		lastHeartbeatTime: since,
		lastTransitionTime: since,
	});
	return {
		apiVersion: 'v1',
		kind: 'Node',
		metadata: {
			name: state.name,
			creationTimestamp: since,
			labels: {
				'kubernetes.io/hostname': state.name,
				'kubernetes.io/os': 'linux',
				'kubernetes.io/arch': 'amd64',
				'node.kubernetes.io/instance-type': pool.instanceType ?? `gpu-${pool.gpusPerNode}x`,
				'topology.kubernetes.io/zone': zone,
				'topology.kubernetes.io/region': zone.replace(/-[a-z]$/, ''),
				'cloud.google.com/gke-nodepool': `${pool.name}-pool`,
				'nvidia.com/gpu.present': 'true',
				[GPU_PRODUCT_LABEL]: pool.gpuProduct,
				'nvidia.com/gpu.count': String(pool.gpusPerNode),
				'nvidia.com/gpu.memory': String(pool.gpuMemoryMiB),
			},
			annotations: { 'node.alpha.kubernetes.io/ttl': '0', 'volumes.kubernetes.io/controller-managed-attach-detach': 'true' },
		},
		spec: {
			podCIDR: `10.${64 + Math.floor(state.index / 256)}.${state.index % 256}.0/24`,
			providerID: `gce://${scenario.cluster.name}/${zone}/${state.name}`,
			taints: [{ key: GPU_RESOURCE, value: 'present', effect: 'NoSchedule' }],
		},
		status: {
			capacity,
			allocatable,
			conditions: [
				condition('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
				condition('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
				condition('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
				condition('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
			],
			addresses: [
				{ type: 'InternalIP', address: state.internalIP },
				{ type: 'Hostname', address: state.name },
			],
			nodeInfo: {
				architecture: 'amd64',
				operatingSystem: 'linux',
				osImage: 'Ubuntu 22.04.5 LTS',
				kernelVersion: '6.8.0-1015-gcp',
				containerRuntimeVersion: 'containerd://1.7.22',
				kubeletVersion: 'v1.30.5',
				kubeProxyVersion: 'v1.30.5',
			},
		},
	};
}

/** Creates the scenario's nodes in the store, weeks old, all Ready with every GPU free. */
export function createNodes(ctx: SimContext, scenario: Scenario): void {
	let index = 0;
	for (const pool of scenario.cluster.nodePools) {
		const group = ctx.random.names.hex(8);
		for (let i = 0; i < pool.count; i++, index++) {
			const state: NodeState = {
				name: `gke-${scenario.cluster.name}-${pool.name}-pool-${group}-${ctx.random.names.chars(4)}`,
				pool,
				index,
				gpusUsed: 0,
				images: new Set(),
				internalIP: `10.128.${Math.floor(index / 250)}.${(index % 250) + 2}`,
				nextPodIP: 2,
				...(i === 0 && pool.xidError ? { xid: pool.xidError } : {}),
			};
			ctx.addNode(state);
			const createdAt = ctx.now - 21 * DAY - ctx.random.names.int(0, 7 * DAY);
			ctx.store.put(nodeObject(state, scenario, createdAt));
		}
	}
}

const UNSCHEDULABLE_TAINT = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' };

/** The node lifecycle controller's part: a cordoned node carries the unschedulable taint, an uncordoned one loses it. */
export function syncCordonTaints(ctx: SimContext): void {
	for (const obj of ctx.store.list('Node')) {
		const node = obj as Node;
		const taints = node.spec?.taints ?? [];
		const tainted = taints.some((t) => t.key === UNSCHEDULABLE_TAINT.key);
		const cordoned = node.spec?.unschedulable === true;
		if (tainted === cordoned) continue;
		const next = cordoned ? [...taints, UNSCHEDULABLE_TAINT] : taints.filter((t) => t.key !== UNSCHEDULABLE_TAINT.key);
		ctx.store.put({ ...node, spec: { ...node.spec, taints: next } });
	}
}

export function allocatePodIP(node: NodeState): string {
	const host = node.nextPodIP;
	node.nextPodIP = host >= 254 ? 2 : host + 1;
	return `10.${64 + Math.floor(node.index / 256)}.${node.index % 256}.${host}`;
}
