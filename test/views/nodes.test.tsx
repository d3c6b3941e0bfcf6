// The Nodes view as a user drives it, at 80x24 and 120x40: GPU allocation per node, the scope's
// summary, the selected node's pods, cordon and uncordon with confirmation; and beside a workload,
// its autoscaler and the reason its replicas are Pending.
import { afterEach, describe, expect, it } from 'vitest';
import type { Node } from '../../source/domain/k8s';
import { startSession, type Session } from '../helpers/session';

let session: Session | undefined;
afterEach(() => session?.close());

const nodes = (s: Session) => (s.sim.store.list('Node') as Node[]).sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
const fits = (frame: string, columns: number, rows: number) => {
	const lines = frame.split('\n');
	return lines.length <= rows - 1 && lines.every((line) => [...line].length <= columns);
};

describe('the Nodes view', () => {
	it('at 80x24: per-node GPUs, the summary with pending GPU pods, a node’s pods, cordon and uncordon confirmed', async () => {
		// traffic-spike at 4 min: the HPA wants more chat replicas than the 24 GPUs hold.
		session = await startSession({ scenario: 'traffic-spike', warmup: 240, columns: 80, rows: 24 });
		session.press('view.nodes');
		const frame = await session.waitFor(/Nodes \[3\]/);
		expect(frame).toMatch(/GPUs 24\/24 allocated · 0 free · \d+ pods? pending for GPUs/);
		expect(frame).toMatch(/✔ Ready\s+gke-infer\S+\s+H100-80GB-HBM3\s+8\/8/);
		expect(frame).toMatch(/Pods on gke-inference-prod-h100-pool-/);
		expect(frame).toMatch(/ro\/llama-3-1-8b-chat/);
		expect(fits(frame, 80, 24)).toBe(true);

		const first = nodes(session)[0].metadata.name;
		session.press('nav.down');
		await session.waitFor((f) => !f.includes(`Pods on ${first}`) && /Pods on gke-/.test(f));
		session.press('nav.up');
		await session.waitFor((f) => f.includes(`Pods on ${first}`));

		session.key('c');
		const confirm = await session.waitFor(/Confirm cordon/);
		expect(confirm).toMatch(/context\s+sim:traffic-spike/);
		expect(confirm).toContain(`node       ${first}`);
		expect(confirm).not.toMatch(/namespace/);
		session.key('y');
		await session.waitFor(/⊘ SchedulingDisabled/);
		expect(nodes(session).find((n) => n.metadata.name === first)?.spec?.unschedulable).toBe(true);
		session.advance(1);
		expect(nodes(session)[0].spec?.taints?.map((t) => t.key)).toContain('node.kubernetes.io/unschedulable');

		session.key('c');
		await session.waitFor(/Cordon the selected node: no new pods on it: node/);
		// The footer is cut at 80 columns; the whole message is the flash.
		expect(session.console.store.ui.flash?.text).toBe(`Cordon the selected node: no new pods on it: node ${first} is already cordoned`);
		session.key('u');
		await session.waitFor(/Confirm uncordon/);
		session.key('y');
		await session.waitFor((f) => !f.includes('SchedulingDisabled') && /✔ uncordon node/.test(f));
		expect(nodes(session).find((n) => n.metadata.name === first)?.spec?.unschedulable).toBeUndefined();

		session.press('app.escape');
		await session.waitFor(/Workloads \[2\]/);
	});

	it('keeps to itself: the main screen’s keys (Tab, logs, analysis, workload actions) do nothing there and are not hinted', async () => {
		session = await startSession({ warmup: 30, columns: 80, rows: 24 });
		session.press('view.nodes');
		const frame = await session.waitFor(/▸ Nodes \[/);
		const footer = frame.split('\n').at(-1) ?? '';
		expect(footer).toContain('N nodes');
		for (const hint of ['Tab pane', 'l logs', 'a analysis', 'P promote']) expect(footer).not.toContain(hint);
		for (const key of ['tab', 'l', 'a', 'o', 'P']) {
			session.key(key);
			expect(session.console.store.ui).toEqual(expect.objectContaining({ view: 'nodes', focus: 'nodes' }));
			expect(session.console.store.ui.mode.kind).toBe('normal');
		}
		expect(session.frame()).toMatch(/▸ Nodes \[/);
	});

	it('at 120x40: the Rollout pane shows the HPA and why replicas are Pending; the workloads list counts them', async () => {
		session = await startSession({ scenario: 'traffic-spike', warmup: 240, columns: 120, rows: 40 });
		const frame = await session.waitFor(/hpa llama-3-1-8b-chat/);
		const replicas = (session.sim.store.get({ kind: 'Rollout', namespace: 'llm-serving', name: 'llama-3-1-8b-chat' }) as { spec: { replicas: number } }).spec.replicas;
		const pending = session.sim.store.list('Pod', 'llm-serving').filter((p) => (p as { spec: { nodeName?: string } }).spec.nodeName === undefined).length;
		expect(replicas).toBeGreaterThan(20);
		expect(pending).toBe(replicas - 20);
		expect(frame).toContain(`hpa llama-3-1-8b-chat ${replicas}→${replicas} (min 9 max 24) ·`);
		expect(frame).toMatch(/│\d+m?\/7 · scaled \S+ ago/);
		expect(frame).toMatch(/ScalingLimited/);
		expect(frame).toContain(`⚠ ${pending} pending: 0/3 nodes are available: 3`);
		expect(frame).toMatch(/│Insufficient nvidia\.com\/gpu\.\s+│/);
		expect(frame).toMatch(new RegExp(`llama-3-1-8b-chat\\s+canary\\s+\\d+/\\d+\\s+100/100\\s+20/${replicas}\\s+${pending}│`));
		expect(fits(frame, 120, 40)).toBe(true);
	});

	it('warns in the scale dialog that the HPA owns the count', async () => {
		session = await startSession({ scenario: 'traffic-spike', warmup: 30, columns: 120, rows: 40 });
		await session.waitFor(/llama-3-1-8b-chat/);
		session.press('workload.scaleUp');
		const dialog = await session.waitFor(/› 10/);
		expect(dialog).toMatch(/⚠ hpa llm-serving\/llama-3-1-8b-chat owns the replica count \(min 9, max 24\): a manual scale/);
		expect(dialog).toMatch(/│ is overridden at its next sync/);
		// Nothing was sent: the dialog waits for Enter.
		expect(session.sim.store.get({ kind: 'Rollout', namespace: 'llm-serving', name: 'llama-3-1-8b-chat' })).toMatchObject({ spec: { replicas: 9 } });
	});

	it('read-only: no cordon hint, and the key says it is switched off', async () => {
		session = await startSession({ readonly: true, columns: 120, rows: 40 });
		session.press('view.nodes');
		const frame = await session.waitFor(/Nodes \[8\]/);
		expect(frame).not.toMatch(/c cordon/);
		session.key('c');
		await session.waitFor(/read-only mode: cordon the selected node: no new pods on it is switched off/);
		expect(nodes(session).every((n) => !n.spec?.unschedulable)).toBe(true);
	});
});
