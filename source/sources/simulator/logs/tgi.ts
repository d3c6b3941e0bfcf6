// Hugging Face text-generation-inference: the launcher's and router's `tracing` lines,
// `2026-01-01T00:00:12.345678Z  INFO target: message`, with one `generate{…}` span per request.
import type { Termination } from '../context';
import { gib, kvRoomMiB, micros, type RunFacts, type ServerLog, type StartupLine } from './server-log';

const stamp = (at: number) => `${new Date(at).toISOString().slice(0, 19)}.${micros(at)}Z`;
const line = (level: string, at: number, target: string, message: string) => `${stamp(at)} ${level.padStart(5)} ${target}: ${message}`;

function startup(f: RunFacts): StartupLine[] {
	const span = f.readyAt - f.startedAt;
	const at = (fraction: number) => f.startedAt + Math.round(span * fraction);
	const text = (target: string, message: string, level = 'INFO') => (t: number) => line(level, t, target, message);
	return [
		{ at: at(0), text: text('text_generation_launcher', `Args { model_id: "${f.model}", num_shard: Some(${f.gpus}), port: 8000, max_input_tokens: None, max_total_tokens: None }`) },
		{ at: at(0.02), text: text('download: text_generation_launcher', `Starting check and download process for ${f.model}`) },
		{ at: at(0.2), text: text('download: text_generation_launcher', 'Successfully downloaded weights.') },
		{ at: at(0.22), text: text('shard-manager: text_generation_launcher', 'Starting shard rank=0') },
		{ at: at(0.6), text: text('shard-manager: text_generation_launcher', 'Waiting for shard to be ready... rank=0') },
		{ at: at(0.8), text: (t) => line('INFO', t, 'shard-manager: text_generation_launcher', `Shard ready in ${((t - f.startedAt) / 1000).toFixed(2)}s rank=0`) },
		{ at: at(0.82), text: text('text_generation_launcher', 'Starting Webserver') },
		{ at: at(0.85), text: text('text_generation_router_v3', 'backends/v3/src/lib.rs:125: Warming up model') },
		{ at: at(0.95), text: text('text_generation_router_v3', `backends/v3/src/lib.rs:137: Setting max batch total tokens to ${Math.floor(kvRoomMiB(f) * 8)}`) },
		{ at: at(1), text: text('text_generation_router::server', 'router/src/server.rs:2200: Connected') },
	];
}

function failure(f: RunFacts, at: number, termination: Termination): string[] {
	const cause =
		termination.reason === 'OOMKilled'
			? `torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 1.50 GiB. GPU 0 has a total capacity of ${gib(f.gpuMemoryMiB)} GiB of which 212.00 MiB is free.`
			: 'RuntimeError: CUDA error: no kernel image is available for execution on the device';
	return [
		line('ERROR', at, 'shard-manager: text_generation_launcher', 'Shard complete standard error output: rank=0'),
		cause,
		line('ERROR', at, 'text_generation_launcher', 'Shard 0 failed to start'),
		line('INFO', at, 'text_generation_launcher', 'Shutting down shards'),
	];
}

export const TGI_LOG: ServerLog = {
	startup,
	request(f, at, random, utilisation) {
		const total = (f.p50Ms / 1000) * (1 + Math.max(0, utilisation - 0.5)) * (0.6 + random.next() * 0.8);
		const tokens = random.int(40, 400);
		const span = `generate{parameters=GenerateParameters { max_new_tokens: Some(${tokens}), temperature: Some(0.7) } total_time="${total.toFixed(2)}s" validation_time="${random.int(90, 400)}µs" queue_time="${random.int(30, 900)}µs" inference_time="${total.toFixed(2)}s" time_per_token="${Math.round((total * 1000) / tokens)}ms"}`;
		return line('INFO', at, `${span}: text_generation_router::server`, 'router/src/server.rs:422: Success');
	},
	statsEvery: 30,
	stats: (f, at, load) => line('INFO', at, 'text_generation_router_v3::queue', `backends/v3/src/queue.rs:312: batch of ${Math.max(1, Math.round((load / f.capacityRps) * 16))} requests`),
	pressure(_f, at, utilisation, random) {
		if (utilisation < 1 || random.next() > 0.5) return undefined;
		return line('ERROR', at, 'compat_generate: text_generation_router::infer', 'router/src/infer/mod.rs:105: Model is overloaded');
	},
	failure,
	shutdown: (_f, at) => [line('INFO', at, 'text_generation_launcher', 'Terminating webserver'), line('INFO', at, 'text_generation_launcher', 'Shutting down shards')],
};
