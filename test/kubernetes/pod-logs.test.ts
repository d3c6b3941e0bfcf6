// The live source's log streams through client-node over HTTP, against `rolltop sim serve`: lines
// with their times, the end of a followed stream when the container crashes, and the log service
// marking the restart and re-attaching to the next container.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startSimServe } from '../../source/cli/sim-serve';
import type { LogLine } from '../../source/domain/logs';
import { LogStreams } from '../../source/sources/log-streams';
import { selectLogDemand } from '../../source/store/demands';
import { Store } from '../../source/store/store';
import { writeKubeconfig } from '../../source/serve/kubeconfig';
import { cleanUp, cleanups, liveSource } from '../helpers/api-server-session';
import { waitFor } from '../helpers/api-server-mirror';

afterEach(cleanUp);

const NS = 'llm-serving';

async function servedCluster(speed: number) {
	const kubeconfig = join(mkdtempSync(join(tmpdir(), 'rolltop-livelogs-')), 'kubeconfig');
	const sim = await startSimServe({ listen: '127.0.0.1:0', kubeconfigOut: kubeconfig, scenario: 'crashloop-canary', speed, seed: 5 });
	cleanups.push(() => sim.stop());
	const source = liveSource(kubeconfig, { namespace: NS });
	const store = new Store({ now: Date.now(), themeName: 'dark', readonly: false, coalesceMs: 0 });
	source.start((events) => store.ingest(events));
	cleanups.push(() => store.dispose());
	return { source, store };
}

function canaryName(store: Store): string | undefined {
	const rollout = store.cluster.objects.get('Rollout')?.get(`${NS}/llama-3-1-8b-chat`) as { status?: { currentPodHash?: string; stableRS?: string } } | undefined;
	const hash = rollout?.status?.currentPodHash;
	if (!hash || hash === rollout?.status?.stableRS) return undefined;
	for (const pod of store.cluster.objects.get('Pod')?.values() ?? []) if (pod.metadata.labels?.['rollouts-pod-template-hash'] === hash) return pod.metadata.name;
	return undefined;
}

describe('live log streams (client-node over HTTP)', () => {
	it('a followed stream carries timestamped lines and ends when the container crashes', async () => {
		const { source, store } = await servedCluster(25);
		await waitFor('the canary to run', () => {
			const name = canaryName(store);
			const pod = name ? store.cluster.objects.get('Pod')?.get(`${NS}/${name}`) : undefined;
			return pod?.kind === 'Pod' && pod.status?.containerStatuses?.[0]?.state?.running !== undefined;
		}, 20_000);
		const lines: LogLine[] = [];
		let ended = false;
		const close = source.openLogs!({ namespace: NS, pod: canaryName(store)!, container: 'vllm', follow: true, tailLines: 200 }, {
			lines: (batch) => lines.push(...batch),
			end: () => (ended = true),
			error: (message) => lines.push({ at: 0, text: `ERROR ${message}` }),
		});
		cleanups.push(close);
		await waitFor('the stream to end', () => ended, 20_000);
		expect(lines[0].text).toMatch(/^INFO \d\d-\d\d \d\d:\d\d:\d\d \[api_server\.py:585\] vLLM API server version 0\.6\.4$/);
		expect(Date.parse('2026-01-01T00:00:00Z') <= lines[0].at).toBe(true);
		expect(lines.at(-1)?.text).toContain('Engine process failed to start');
	});

	it('the log service marks the restart and re-attaches to the next container', async () => {
		const { source, store } = await servedCluster(25);
		const streams = new LogStreams(source.openLogs, (session, lines) => store.appendLogs(session, lines), { retryDelays: () => ({ next: () => 50, reset: () => {} }) });
		cleanups.push(() => streams.stop());
		await waitFor('the canary pod', () => canaryName(store) !== undefined, 20_000);
		store.updateUi({ focus: 'logs', logs: { target: { kind: 'pod', namespace: NS, name: canaryName(store)! }, timestamps: false, wrap: false, previous: false, roles: 'all', filter: '', back: 'replicas' } });
		const unsubscribe = store.subscribe(() => streams.want(selectLogDemand(store.getSnapshot())));
		cleanups.push(unsubscribe);
		streams.want(selectLogDemand(store.getSnapshot()));
		const texts = () => Array.from({ length: store.logs.size }, (_, i) => store.logs.get(i).text);
		await waitFor('two runs and a restart mark', () => texts().filter((t) => t.includes('vLLM API server version 0.6.4')).length >= 2, 30_000);
		const all = texts();
		const mark = all.indexOf('── container restarted: exit 1 (Error) ──');
		expect(mark).toBeGreaterThan(0);
		expect(all.slice(0, mark).some((t) => t.includes('Engine process failed to start'))).toBe(true);
		expect(all.slice(mark).some((t) => t.includes('vLLM API server version 0.6.4'))).toBe(true);
	});

	it('an unreachable log stream is one line, retried with backoff', async () => {
		const kubeconfig = join(mkdtempSync(join(tmpdir(), 'rolltop-livelogs-')), 'kubeconfig');
		// Port 9 (discard) on loopback: nothing listens, every connection is refused.
		writeKubeconfig(kubeconfig, { server: 'http://127.0.0.1:9', context: 'gone' });
		const source = liveSource(kubeconfig, { namespace: NS });
		const delivered: string[] = [];
		let attempts = 0;
		const streams = new LogStreams(
			(request, sink) => {
				attempts++;
				return source.openLogs!(request, sink);
			},
			(_session, lines) => delivered.push(...lines.map((l) => l.text)),
			{ retryDelays: () => ({ next: () => 20, reset: () => {} }) },
		);
		cleanups.push(() => streams.stop());
		const want = { key: `${NS}/p`, namespace: NS, pod: 'p', container: 'c', role: '', previous: false, attach: true, containerId: 'x', restarts: 0 };
		streams.want({ session: 's', streams: [want] });
		await waitFor('three attempts', () => attempts >= 3, 10_000);
		expect(delivered[0]).toMatch(/^log stream failed: cannot reach the API server for logs — retrying in 0\.0 s$/);
	});
});
