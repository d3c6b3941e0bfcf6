import { describe, expect, it } from 'vitest';
import type { Pod } from '../../source/domain/k8s';
import type { LogLine, LogRequest } from '../../source/domain/logs';
import type { Simulator } from '../../source/sources/simulator';
import { advanceUntil, CANARY, NS, pods, rollout, simulator } from './helpers';

function canaryPod(sim: Simulator, name: string): Pod | undefined {
	const hash = rollout(sim, name).status?.currentPodHash;
	return pods(sim, name, NS).find((p) => p.metadata.labels?.['rollouts-pod-template-hash'] === hash);
}

interface Read {
	lines: LogLine[];
	ended: boolean;
	error?: { message: string; status?: number };
	close: () => void;
}

function read(sim: Simulator, pod: Pod, options: Partial<LogRequest> = {}): Read {
	const result: Read = { lines: [], ended: false, close: () => {} };
	const request: LogRequest = { namespace: pod.metadata.namespace ?? '', pod: pod.metadata.name, container: pod.spec.containers?.[0]?.name ?? '', follow: false, ...options };
	result.close = sim.openLogs!(request, {
		lines: (lines) => result.lines.push(...lines),
		end: () => (result.ended = true),
		error: (message, status) => (result.error = { message, status }),
	});
	return result;
}

const restarts = (pod: Pod | undefined) => pod?.status?.containerStatuses?.[0]?.restartCount ?? 0;

describe('simulated pod logs', () => {
	it('a stable vLLM replica logs request lines, stats every 5 s, and never more than a few lines a second', () => {
		const sim = simulator('default');
		sim.advance(60_000);
		const pod = pods(sim, CANARY, NS)[0];
		const { lines } = read(sim, pod, { sinceTime: sim.now() - 30_000 });
		expect(lines.length).toBeGreaterThan(20);
		expect(lines.some((l) => /^INFO: {5}10\.\d+\.\d+\.\d+:\d+ - "POST \/v1\/chat\/completions HTTP\/1\.1" 200 OK$/.test(l.text))).toBe(true);
		expect(lines.some((l) => /^INFO \d\d-\d\d \d\d:\d\d:\d\d \[metrics\.py:351\] Avg prompt throughput: /.test(l.text))).toBe(true);
		const perSecond = new Map<number, number>();
		for (const line of lines) perSecond.set(Math.floor(line.at / 1000), (perSecond.get(Math.floor(line.at / 1000)) ?? 0) + 1);
		expect(Math.max(...perSecond.values())).toBeLessThanOrEqual(5);
		expect(lines.map((l) => l.at)).toEqual([...lines.map((l) => l.at)].sort((a, b) => a - b));
	});

	it('is deterministic by seed and differs with another seed', () => {
		const texts = (seed: number) => {
			const sim = simulator('default', seed);
			sim.advance(20_000);
			const pod = pods(sim, CANARY, NS)[0];
			return read(sim, pod, { tailLines: 50 }).lines.map((l) => l.text);
		};
		expect(texts(3)).toEqual(texts(3));
		expect(texts(3)).not.toEqual(texts(4));
	});

	it('crashloop-canary: start-up, then a CUDA error; --previous reads the dead run, exit 1', () => {
		const sim = simulator('crashloop-canary');
		advanceUntil(sim, () => restarts(canaryPod(sim, CANARY)) >= 1, 120_000, 'first crash');
		const pod = canaryPod(sim, CANARY)!;
		const previous = read(sim, pod, { previous: true });
		const texts = previous.lines.map((l) => l.text);
		expect(texts[0]).toMatch(/^INFO \d\d-\d\d \d\d:\d\d:\d\d \[api_server\.py:585\] vLLM API server version 0\.6\.4$/);
		expect(texts.some((t) => t.includes('Starting to load model meta-llama/Llama-3.1-8B-Instruct'))).toBe(true);
		expect(texts.at(-1)).toContain('Engine process failed to start');
		expect(texts).toContain('RuntimeError: CUDA error: no kernel image is available for execution on the device');
		expect(pod.status?.containerStatuses?.[0]?.lastState?.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
		expect(previous.ended).toBe(true);
	});

	it('gpu-memory-pressure: KV-cache warnings, then CUDA out of memory and OOMKilled (137)', () => {
		const sim = simulator('gpu-memory-pressure');
		const name = 'qwen-2-5-7b-support';
		advanceUntil(sim, () => canaryPod(sim, name)?.status?.containerStatuses?.[0]?.lastState?.terminated?.reason === 'OOMKilled', 300_000, 'OOM kill');
		const pod = canaryPod(sim, name)!;
		const texts = read(sim, pod, { previous: true }).lines.map((l) => l.text);
		expect(texts.some((t) => t.startsWith('torch.OutOfMemoryError: CUDA out of memory.'))).toBe(true);
		expect(texts.some((t) => /^WARNING .*preempted by PreemptionMode\.RECOMPUTE/.test(t))).toBe(true);
		expect(pod.status?.containerStatuses?.[0]?.lastState?.terminated?.exitCode).toBe(137);
	});

	it('a follow sends each second what was written and ends when the container crashes', () => {
		const sim = simulator('crashloop-canary');
		advanceUntil(sim, () => restarts(canaryPod(sim, CANARY)) === 1, 120_000, 'first crash');
		advanceUntil(sim, () => canaryPod(sim, CANARY)?.status?.containerStatuses?.[0]?.state?.running !== undefined, 120_000, 'canary running again');
		const follow = read(sim, canaryPod(sim, CANARY)!, { follow: true });
		const before = follow.lines.length;
		advanceUntil(sim, () => follow.ended, 60_000, 'stream end');
		expect(follow.lines.length).toBeGreaterThan(before);
		expect(follow.lines.at(-1)?.text).toContain('Engine process failed to start');
		// Nothing sent twice.
		const keys = follow.lines.map((l) => `${l.at} ${l.text}`);
		expect(new Set(keys).size).toBe(keys.length);
	});

	it('answers like the kubelet when there is no log: waiting container, no previous run, unknown container', () => {
		const sim = simulator('crashloop-canary');
		advanceUntil(sim, () => canaryPod(sim, CANARY)?.status?.containerStatuses?.[0]?.state?.waiting?.reason === 'ContainerCreating', 60_000, 'creating');
		const pod = canaryPod(sim, CANARY)!;
		expect(read(sim, pod).error).toEqual({ status: 400, message: `container "vllm" in pod "${pod.metadata.name}" is waiting to start: ContainerCreating` });
		expect(read(sim, pods(sim, CANARY, NS)[0], { previous: true }).error?.message).toMatch(/^previous terminated container "vllm" in pod ".*" not found$/);
		expect(read(sim, pod, { container: 'nope' }).error?.message).toBe(`container nope is not valid for pod ${pod.metadata.name}`);
	});
});
