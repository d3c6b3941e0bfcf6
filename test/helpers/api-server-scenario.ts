// A small simulator scenario for serving tests: a canary Rollout whose v2 arrives 5 simulated
// seconds in and pauses at step 2/2, and a rolling Deployment.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const FAST_START = { startupSeconds: [1, 2], pullSeconds: [1, 2] };

export const SERVE_SCENARIO = {
	name: 'serve-test',
	description: 'One canary rollout that pauses, one deployment',
	cluster: {
		name: 'serve-test',
		nodePools: [{ name: 'h100', count: 2, gpusPerNode: 8, gpuProduct: 'NVIDIA-H100-80GB-HBM3', gpuMemoryMiB: 81559, gpuPowerLimitW: 700 }],
	},
	workloads: [
		{
			name: 'chat',
			namespace: 'llm',
			strategy: 'canary',
			replicas: 2,
			gpusPerReplica: 1,
			server: 'vllm',
			model: 'meta-llama/Llama-3.1-8B-Instruct',
			profile: FAST_START,
			versions: [{ image: 'vllm/vllm-openai:v0.8.0' }, { image: 'vllm/vllm-openai:v0.8.1', deployAt: 5 }],
			canary: { steps: [{ setWeight: 50 }, { pause: {} }] },
			load: { rps: 5 },
		},
		{
			name: 'embed',
			namespace: 'llm',
			strategy: 'rolling',
			replicas: 1,
			gpusPerReplica: 1,
			server: 'tgi',
			model: 'BAAI/bge-large-en',
			profile: FAST_START,
			versions: [{ image: 'ghcr.io/huggingface/text-embeddings-inference:1.5' }],
			load: { rps: 2 },
		},
	],
};

/** A blue-green Rollout that stays on its one version (active and preview on the same stack). */
export const BLUE_GREEN_WORKLOAD = {
	name: 'search',
	namespace: 'llm',
	strategy: 'blueGreen',
	replicas: 2,
	gpusPerReplica: 1,
	server: 'vllm',
	model: 'BAAI/bge-reranker-large',
	profile: FAST_START,
	versions: [{ image: 'vllm/vllm-openai:v0.8.0' }],
	load: { rps: 1 },
};

/** Writes the scenario (optionally with the blue-green workload) to a temporary file and returns its path (loadScenario accepts paths). */
export function serveScenarioFile(options: { blueGreen?: boolean } = {}): string {
	const file = join(mkdtempSync(join(tmpdir(), 'rolltop-scenario-')), 'serve-test.json');
	const scenario = options.blueGreen ? { ...SERVE_SCENARIO, workloads: [...SERVE_SCENARIO.workloads, BLUE_GREEN_WORKLOAD] } : SERVE_SCENARIO;
	writeFileSync(file, JSON.stringify(scenario));
	return file;
}
