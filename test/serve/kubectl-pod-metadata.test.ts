// What the API writes to a pod's metadata (kubectl label, annotate, a server-side apply's managed
// fields) survives the simulator's later rewrites of that pod, as it does on a real cluster.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanUp } from '../helpers/api-server-session';
import { eventually, requireKubectl, serveSim, type ServedSim } from '../helpers/sim-serve-kubectl';

const hasKubectl = requireKubectl();

afterEach(cleanUp);

interface PodJson {
	metadata: { resourceVersion: string; deletionTimestamp?: string; labels?: Record<string, string>; annotations?: Record<string, string>; managedFields?: Array<{ manager: string }> };
}

async function podJson(kubectl: ServedSim['kubectl'], name: string): Promise<PodJson> {
	return JSON.parse(await kubectl('-n', 'llm', 'get', 'pod', name, '-o', 'json', '--show-managed-fields')) as PodJson;
}

/** Labels, annotates and applies a label to the pod (field manager `tagger`). */
async function tag(kubectl: ServedSim['kubectl'], name: string): Promise<void> {
	await kubectl('-n', 'llm', 'label', 'pod', name, 'team=x');
	await kubectl('-n', 'llm', 'annotate', 'pod', name, 'a=b');
	const file = join(mkdtempSync(join(tmpdir(), 'rolltop-manifest-')), 'pod.json');
	writeFileSync(file, JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'llm', labels: { tier: 'gold' } } }));
	await kubectl('apply', '--server-side', '--field-manager=tagger', '-f', file);
}

function expectTagged(pod: PodJson): void {
	expect(pod.metadata.labels).toMatchObject({ team: 'x', tier: 'gold' });
	expect(pod.metadata.annotations).toMatchObject({ a: 'b' });
	expect(pod.metadata.managedFields?.map((entry) => entry.manager)).toContain('tagger');
}

describe.runIf(hasKubectl)('pod metadata written over the API', () => {
	it('stays when the simulator rewrites the pod (a scale-down terminating it, a delete)', async () => {
		// Slow enough that a terminating pod stays visible for seconds.
		const { kubectl } = await serveSim({ speed: 1 });
		const podsOf = async (selector: string) => (await kubectl('-n', 'llm', 'get', 'pods', '-l', selector, '-o', 'jsonpath={.items[*].metadata.name}')).split(' ').filter(Boolean);
		await eventually('an embed pod and two chat pods', async () => (await podsOf('app=embed')).length === 1 && (await podsOf('app=chat')).length >= 2);
		const [embed] = await podsOf('app=embed');
		const [chat] = await podsOf('app=chat');
		await tag(kubectl, embed);
		await tag(kubectl, chat);
		const tagged = await podJson(kubectl, embed);
		expectTagged(tagged);

		// The ReplicaSet controller terminates it; the per-tick pod writer re-renders it.
		await kubectl('-n', 'llm', 'scale', 'deployment', 'embed', '--replicas=0');
		let terminating: PodJson | undefined;
		await eventually('the embed pod rewritten as terminating', async () => {
			terminating = await podJson(kubectl, embed);
			return terminating.metadata.deletionTimestamp !== undefined;
		});
		expect(Number(terminating!.metadata.resourceVersion)).toBeGreaterThan(Number(tagged.metadata.resourceVersion));
		expectTagged(terminating!);

		// A graceful delete re-renders the pod in the DELETE itself.
		await kubectl('-n', 'llm', 'delete', 'pod', chat, '--wait=false');
		const deleted = await podJson(kubectl, chat);
		expect(deleted.metadata.deletionTimestamp).toBeDefined();
		expectTagged(deleted);
	});
});
