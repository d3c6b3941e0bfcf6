// Synthetic large clusters for benchmarks: many workloads of every strategy, some of them
// mid-update, on enough GPU nodes for all their pods (including canary and preview surges).
import { Random } from './random';
import type { Scenario, ServingWorkload, Strategy } from './scenario';

export interface GenerateOptions {
	workloads: number;
	replicas: number;
	seed?: number;
}

const GPUS_PER_NODE = 8;
const NAMESPACES = ['search', 'chat', 'agents', 'ads-ranking', 'recsys', 'speech', 'vision', 'code-assist'];
const MODELS = ['llama-3-1-8b', 'mistral-7b', 'qwen-2-5-14b', 'gemma-2-9b', 'phi-3-medium', 'reranker-bge', 'whisper-v3'];
/** GPUs a strategy needs at its peak, per desired replica (canary at 100% and preview double up). */
const PEAK_FACTOR: Record<Strategy, number> = { canary: 2, blueGreen: 2, rolling: 1.25 };

function strategyFor(random: Random): Strategy {
	const draw = random.next();
	return draw < 0.5 ? 'rolling' : draw < 0.85 ? 'canary' : 'blueGreen';
}

function workload(random: Random, index: number, replicas: number): ServingWorkload {
	const strategy = strategyFor(random);
	const model = MODELS[index % MODELS.length];
	const capacityRps = Math.round(random.between(8, 16));
	const updating = random.next() < 0.25;
	const versions: ServingWorkload['versions'] = [{ image: 'vllm/vllm-openai:v0.6.2' }, { image: 'vllm/vllm-openai:v0.6.3' }];
	if (updating) versions.push({ image: 'vllm/vllm-openai:v0.6.4', deployAt: random.int(2, 300), profile: { tailFactor: random.between(2.4, 3.4) } });
	return {
		name: `${model}-${String(index).padStart(3, '0')}`,
		namespace: NAMESPACES[index % NAMESPACES.length],
		strategy,
		replicas,
		gpusPerReplica: 1,
		server: 'vllm',
		model: `org/${model}`,
		profile: { capacityRps, startupSeconds: [15, 35], pullSeconds: [5, 20] },
		versions,
		...(strategy === 'canary'
			? { canary: { steps: [{ setWeight: 10 }, { pause: { duration: '60s' } }, { setWeight: 50 }, { pause: { duration: '60s' } }, { setWeight: 100 }] } }
			: {}),
		...(strategy === 'blueGreen' ? { blueGreen: { autoPromotionEnabled: random.next() < 0.5 } } : {}),
		load: { rps: Math.round(replicas * capacityRps * random.between(0.4, 0.75) * 10) / 10, noise: 0.05 },
	};
}

export function generateScenario(options: GenerateOptions): Scenario {
	const random = new Random(options.seed ?? 1, 'generator');
	const count = Math.max(1, Math.floor(options.workloads));
	const total = Math.max(count, Math.floor(options.replicas));
	const workloads: ServingWorkload[] = [];
	for (let i = 0; i < count; i++) {
		const share = Math.floor(total / count) + (i < total % count ? 1 : 0);
		workloads.push(workload(random, i, share));
	}
	const peakGpus = workloads.reduce((n, w) => n + Math.ceil(w.replicas * PEAK_FACTOR[w.strategy]), 0);
	return {
		name: `generated-${count}x${total}`,
		description: `Synthetic cluster: ${count} workloads, ${total} replicas (seed ${options.seed ?? 1})`,
		cluster: {
			name: 'bench',
			nodePools: [
				{
					name: 'h100',
					count: Math.ceil((peakGpus * 1.1) / GPUS_PER_NODE),
					gpusPerNode: GPUS_PER_NODE,
					gpuProduct: 'NVIDIA-H100-80GB-HBM3',
					gpuMemoryMiB: 81559,
					gpuPowerLimitW: 700,
					instanceType: 'a3-highgpu-8g',
				},
			],
		},
		workloads,
	};
}
