// rolltop's verdict on screen: the Rollout pane shows the most telling check and the counter, the
// footer suggests aborting once the counter reaches the threshold, and nothing is done on its own.
import { afterEach, describe, expect, it } from 'vitest';
import type { Rollout } from '../../source/domain/k8s';
import { startSession, type Session } from '../helpers/session';

let session: Session | undefined;
afterEach(() => session?.close());

const rollout = (s: Session) => s.sim.store.get({ kind: 'Rollout', namespace: 'llm-serving', name: 'llama-3-1-8b-chat' }) as Rollout;
const footer = (frame: string) => frame.trimEnd().split('\n').at(-1) ?? '';

describe('the verdict of the default canary (p99 regression)', () => {
	it.each([
		[80, 24],
		[120, 40],
	])('at %ix%i: the failing check with the counter, then FAIL and the abort key in the footer', async (columns, rows) => {
		// The canary is serving by 60 s; the console judges from its first metrics refresh, where p99
		// (and possibly TTFT) fail: below the threshold of 5 the verdict is not FAIL yet.
		session = await startSession({ warmup: 60, columns, rows });
		const failing = await session.waitFor(/failed checks [1-4]\/5/);
		expect(failing).toMatch(/verdict ✖ p99 [\d.]+ s vs stable [\d.]+ s \(\+\d+ %,/);
		expect(failing).toMatch(/limit \+20 %\) · failed checks [1-4]\/5/);
		expect(failing).not.toMatch(/FAIL/);

		session.advance(4);
		const failed = await session.waitFor(/verdict ✖ FAIL/);
		expect(failed).toMatch(/verdict ✖ FAIL · failed checks ([5-9]|\d\d)\/5 · ✖ p99/);
		expect(footer(failed)).toMatch(/^✖ verdict FAIL: A abort {2}\? help/);
		// rolltop suggests; it never acts on its own verdict.
		expect(rollout(session).status?.abort).toBeFalsy();
	});

	it('read-only mode suggests aborting without a key to press', async () => {
		session = await startSession({ warmup: 60, readonly: true });
		session.advance(6);
		const frame = await session.waitFor(/verdict ✖ FAIL/);
		expect(footer(frame)).toMatch(/^✖ verdict FAIL: abort recommended \(read-only\)/);
	});

	it('a blue-green preview without traffic is judged as not enough data, never a pass', async () => {
		session = await startSession({ warmup: 90 });
		session.advance(1);
		const ro = session.sim.store.get({ kind: 'Rollout', namespace: 'llm-serving', name: 'qwen-2-5-7b-support' }) as Rollout;
		const count = session.console.store.getSnapshot().verdicts.get('Rollout/llm-serving/qwen-2-5-7b-support');
		expect(count?.revision).toBe(ro.status?.blueGreen?.previewSelector);
		expect(count?.outcomes.map((o) => o.check.metric)).toEqual(['p99', 'errorRate', 'ttft']);
		// The preview service carries no production traffic in the simulator.
		expect(count?.outcomes.map((o) => [o.status, o.missing])).toEqual(Array(3).fill(['nodata', 'canary 0.0 req/s, needs 0.5']));
	});
});
