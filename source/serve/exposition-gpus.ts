// Which physical GPUs of a node a replica holds, and how the DCGM exporter would name them. The
// samples only say how many GPUs a replica owns, so indices are handed out per node, lowest free first.

export interface GpuIdentity {
	index: number;
	uuid: string;
	device: string;
	pciBusId: string;
	modelName: string;
}

/** Per-GPU framebuffer sizes (MiB) as DCGM reports them, to name the card from its memory. */
const GPU_MODELS: Array<{ totalMiB: number; name: string }> = [
	{ totalMiB: 23034, name: 'NVIDIA L4' },
	{ totalMiB: 40960, name: 'NVIDIA A100-SXM4-40GB' },
	{ totalMiB: 46068, name: 'NVIDIA L40S' },
	{ totalMiB: 81559, name: 'NVIDIA H100 80GB HBM3' },
	{ totalMiB: 143771, name: 'NVIDIA H200' },
];

export function gpuModelName(perGpuTotalMiB: number | undefined): string {
	if (perGpuTotalMiB === undefined) return GPU_MODELS[3].name;
	let best = GPU_MODELS[0];
	for (const model of GPU_MODELS) {
		if (Math.abs(model.totalMiB - perGpuTotalMiB) < Math.abs(best.totalMiB - perGpuTotalMiB)) best = model;
	}
	return best.name;
}

/** FNV-1a, 32 bits, as hex: stable identifiers from names. */
function fnvHex(text: string): string {
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return hash.toString(16).padStart(8, '0');
}

export function gpuUuid(node: string, index: number): string {
	const hex = [0, 1, 2, 3].map((part) => fnvHex(`${part}:${node}/${index}`)).join('');
	return `GPU-${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

function identity(node: string, index: number, modelName: string): GpuIdentity {
	const bus = (0x18 + index * 0x10).toString(16).toUpperCase().padStart(2, '0');
	return { index, uuid: gpuUuid(node, index), device: `nvidia${index}`, pciBusId: `00000000:${bus}:00.0`, modelName };
}

export class GpuAllocator {
	/** node → replica key → GPU indices */
	private readonly nodes = new Map<string, Map<string, number[]>>();

	/** The replica's GPUs on `node`, allocating (or resizing) its share on first sight. */
	gpusFor(node: string, replica: string, count: number, modelName: string): GpuIdentity[] {
		let held = this.nodes.get(node);
		if (!held) this.nodes.set(node, (held = new Map()));
		let indices = held.get(replica);
		if (!indices || indices.length !== count) {
			held.delete(replica);
			const used = new Set([...held.values()].flat());
			indices = [];
			for (let i = 0; indices.length < count; i++) if (!used.has(i)) indices.push(i);
			held.set(replica, indices);
		}
		return indices.map((index) => identity(node, index, modelName));
	}

	release(replica: string): void {
		for (const held of this.nodes.values()) held.delete(replica);
	}
}
