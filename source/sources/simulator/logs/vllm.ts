// vLLM's OpenAI-compatible server: `LEVEL MM-DD HH:MM:SS [file.py:line] message` from its own loggers,
// uvicorn's access lines for requests, and the Python traceback of a failed engine.
import type { Termination } from '../context';
import { clientAddress, gib, kvRoomMiB, monthDayTime, type RunFacts, type ServerLog, type StartupLine } from './server-log';

const line = (level: string, at: number, where: string, message: string) => `${level} ${monthDayTime(at)} [${where}] ${message}`;
const info = (where: string, message: string) => (at: number) => line('INFO', at, where, message);
const plain = (text: string) => () => text;

/** KV blocks of 16 tokens, about 2 MiB each for an 8B model. */
function gpuBlocks(f: RunFacts): number {
	return Math.floor(kvRoomMiB(f) / 2);
}

function startup(f: RunFacts): StartupLine[] {
	const span = f.readyAt - f.startedAt;
	const at = (fraction: number) => f.startedAt + Math.round(span * fraction);
	const blocks = gpuBlocks(f);
	const graphSeconds = Math.max(3, Math.round((span * 0.22) / 1000));
	return [
		{ at: at(0), text: info('api_server.py:585', `vLLM API server version ${f.version.replace(/^v/, '').replace(/-.*/, '')}`) },
		{ at: at(0), text: info('api_server.py:586', `args: Namespace(host=None, port=8000, model='${f.model}', tensor_parallel_size=${f.gpus}, max_model_len=8192, gpu_memory_utilization=0.92)`) },
		{ at: at(0.04), text: info('config.py:350', "This model supports multiple tasks: {'generate', 'embed'}. Defaulting to 'generate'.") },
		{ at: at(0.06), text: info('llm_engine.py:249', `Initializing an LLM engine (${f.version}) with config: model='${f.model}', dtype=torch.bfloat16, max_seq_len=8192, tensor_parallel_size=${f.gpus}, enforce_eager=False, seed=0`) },
		{ at: at(0.08), text: info('selector.py:135', 'Using Flash Attention backend.') },
		{ at: at(0.1), text: info('model_runner.py:1072', `Starting to load model ${f.model}...`) },
		{ at: at(0.12), text: info('weight_utils.py:243', "Using model weights format ['*.safetensors']") },
		{ at: at(0.55), text: info('model_runner.py:1077', `Loading model weights took ${gib(f.weightsMiB, 4)} GB`) },
		{ at: at(0.62), text: info('gpu_executor.py:122', `# GPU blocks: ${blocks}, # CPU blocks: 2048`) },
		{ at: at(0.62), text: info('gpu_executor.py:126', `Maximum concurrency for 8192 tokens per request: ${((blocks * 16) / 8192).toFixed(2)}x`) },
		{
			at: at(0.68),
			text: info('model_runner.py:1400', "Capturing cudagraphs for decoding. This may lead to unexpected consequences if the model is not static. To run the model in eager mode, set 'enforce_eager=True' or use '--enforce-eager' in the CLI."),
		},
		{ at: at(0.9), text: info('model_runner.py:1524', `Graph capturing finished in ${graphSeconds} secs, took 0.${(blocks % 7) + 2}${blocks % 10} GiB`) },
		{ at: at(0.97), text: info('api_server.py:640', 'Starting vLLM API server on http://0.0.0.0:8000') },
		{ at: at(0.98), text: plain('INFO:     Started server process [1]') },
		{ at: at(0.98), text: plain('INFO:     Waiting for application startup.') },
		{ at: at(1), text: plain('INFO:     Application startup complete.') },
		{ at: at(1), text: plain('INFO:     Uvicorn running on http://0.0.0.0:8000 (Press CTRL+C to quit)') },
	];
}

const TRACEBACK = [
	'Traceback (most recent call last):',
	'  File "/usr/local/lib/python3.12/dist-packages/vllm/engine/multiprocessing/engine.py", line 357, in run_mp_engine',
	'    engine = MQLLMEngine.from_engine_args(engine_args=engine_args,',
	'  File "/usr/local/lib/python3.12/dist-packages/vllm/worker/model_runner.py", line 1400, in capture_model',
];

function failure(f: RunFacts, at: number, termination: Termination): string[] {
	if (termination.reason === 'OOMKilled') {
		const total = f.gpuMemoryMiB;
		const free = 180 + (at % 400);
		const message = `CUDA out of memory. Tried to allocate 1.50 GiB. GPU 0 has a total capacity of ${gib(total)} GiB of which ${free}.00 MiB is free. Process 1 has ${gib(total - free)} GiB memory in use. If reserved but unallocated memory is large try setting PYTORCH_CUDA_ALLOC_CONF=expandable_segments:True to avoid fragmentation.`;
		return [
			line('WARNING', at, 'scheduler.py:1481', 'Sequence group cmpl-oom-0 is preempted by PreemptionMode.RECOMPUTE mode because there is not enough KV cache space.'),
			line('ERROR', at, 'engine.py:366', message),
			...TRACEBACK.slice(0, 2),
			'  File "/usr/local/lib/python3.12/dist-packages/torch/cuda/memory.py", line 180, in _alloc',
			`torch.OutOfMemoryError: ${message}`,
		];
	}
	const error = 'CUDA error: no kernel image is available for execution on the device';
	return [
		line('ERROR', at, 'engine.py:366', error),
		line('ERROR', at, 'engine.py:366', 'CUDA kernel errors might be asynchronously reported at some other API call, so the stacktrace below might be incorrect.'),
		...TRACEBACK,
		`RuntimeError: ${error}`,
		'Compile with `TORCH_USE_CUDA_DSA` to enable device-side assertions.',
		`RuntimeError: Engine process failed to start. See stack trace for the root cause. (exit code ${termination.exitCode})`,
	];
}

export const VLLM_LOG: ServerLog = {
	startup,
	request(f, _at, random, utilisation) {
		const failed = random.next() * 100 < f.errorRate + Math.max(0, utilisation - 1) * 100;
		const status = failed ? '500 Internal Server Error' : '200 OK';
		return `INFO:     ${clientAddress(f, random)} - "POST /v1/chat/completions HTTP/1.1" ${status}`;
	},
	statsEvery: 5,
	stats(f, at, load, random) {
		const utilisation = load / f.capacityRps;
		const running = Math.round(Math.min(utilisation, 1) * 24 * (0.9 + random.next() * 0.2));
		const pending = Math.max(0, Math.round((utilisation - 0.9) * 40));
		const kv = Math.min(99.9, Math.min(1, utilisation) * (f.kvCacheMiB / kvRoomMiB(f)) * 100);
		const prompt = (load * 310 * (0.9 + random.next() * 0.2)).toFixed(1);
		const generation = (load * 190 * (0.9 + random.next() * 0.2)).toFixed(1);
		return line('INFO', at, 'metrics.py:351', `Avg prompt throughput: ${prompt} tokens/s, Avg generation throughput: ${generation} tokens/s, Running: ${running} reqs, Swapped: 0 reqs, Pending: ${pending} reqs, GPU KV cache usage: ${kv.toFixed(1)}%, CPU KV cache usage: 0.0%.`);
	},
	pressure(f, at, utilisation, random) {
		if (utilisation < 0.92 && f.kvCacheMiB < kvRoomMiB(f) * 0.9) return undefined;
		if (random.next() > Math.min(0.6, utilisation - 0.7)) return undefined;
		const id = random.hex(32);
		return line('WARNING', at, 'scheduler.py:1481', `Sequence group cmpl-${id}-0 is preempted by PreemptionMode.RECOMPUTE mode because there is not enough KV cache space. This can affect the end-to-end performance. Increase gpu_memory_utilization or tensor_parallel_size to provide more KV cache memory.`);
	},
	failure,
	shutdown: (_f, at) => ['INFO:     Shutting down', 'INFO:     Waiting for application shutdown.', 'INFO:     Application shutdown complete.', line('INFO', at, 'launcher.py:57', 'Shutting down FastAPI HTTP server.')],
};
