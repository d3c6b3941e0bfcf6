// NVIDIA Triton Inference Server: glog lines, `I0101 00:00:12.345678 1 file.cc:123] message`, with
// the verbose HTTP request lines of `--log-verbose=1`.
import type { Termination } from '../context';
import { micros, type RunFacts, type ServerLog, type StartupLine } from './server-log';

const pad = (n: number) => String(n).padStart(2, '0');

function line(level: 'I' | 'W' | 'E', at: number, where: string, message: string): string {
	const d = new Date(at);
	return `${level}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${micros(at)} 1 ${where}] ${message}`;
}

const modelName = (f: RunFacts) => f.model.split('/').pop() ?? f.model;

function startup(f: RunFacts): StartupLine[] {
	const span = f.readyAt - f.startedAt;
	const at = (fraction: number) => f.startedAt + Math.round(span * fraction);
	const text = (where: string, message: string) => (t: number) => line('I', t, where, message);
	const name = modelName(f);
	return [
		{ at: at(0), text: text('pinned_memory_manager.cc:277', "Pinned memory pool is created at '0x7f2a3c000000' with size 268435456") },
		{ at: at(0), text: text('cuda_memory_manager.cc:107', 'CUDA memory pool is created on device 0 with size 67108864') },
		{ at: at(0.1), text: text('model_lifecycle.cc:469', `loading: ${name}:1`) },
		{ at: at(0.2), text: text('onnxruntime.cc:2875', `TRITONBACKEND_ModelInstanceInitialize: ${name}_0_0 (GPU device 0)`) },
		{ at: at(0.9), text: text('model_lifecycle.cc:835', `successfully loaded '${name}'`) },
		{ at: at(0.95), text: text('grpc_server.cc:2466', 'Started GRPCInferenceService at 0.0.0.0:8001') },
		{ at: at(1), text: text('http_server.cc:4694', 'Started HTTPService at 0.0.0.0:8000') },
		{ at: at(1), text: text('http_server.cc:362', 'Started Metrics Service at 0.0.0.0:8002') },
	];
}

function failure(f: RunFacts, at: number, termination: Termination): string[] {
	const name = modelName(f);
	const cause = termination.reason === 'OOMKilled' ? 'CUDA runtime error: out of memory' : 'CUDA driver version is insufficient for CUDA runtime version';
	return [
		line('E', at, 'model_lifecycle.cc:638', `failed to load '${name}' version 1: Internal: ${cause}`),
		line('E', at, 'server.cc:259', 'Error: Failed to initialize NVML'),
		line('I', at, 'server.cc:305', 'Waiting for in-flight requests to complete.'),
		'error: creating server: Internal - failed to load all models',
	];
}

export const TRITON_LOG: ServerLog = {
	startup,
	request: (f, at) => line('I', at, 'http_server.cc:3437', `HTTP request: 2 /v2/models/${modelName(f)}/infer`),
	statsEvery: 60,
	stats: (f, at, load) => line('I', at, 'server.cc:674', `model '${modelName(f)}' version 1: ${Math.round(load * 60)} inferences in the last minute`),
	pressure(f, at, utilisation, random) {
		if (utilisation < 1 || random.next() > 0.5) return undefined;
		return line('W', at, 'dynamic_batch_scheduler.cc:381', `Exceeds maximum queue size for model '${modelName(f)}'`);
	},
	failure,
	shutdown: (_f, at) => [line('I', at, 'server.cc:305', 'Waiting for in-flight requests to complete.'), line('I', at, 'server.cc:336', 'All models are stopped, unloading models')],
};
