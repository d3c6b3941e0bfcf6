// The log and describe panes as a user drives them, at 80x24 and 120x40, on the crash-looping canary.
import { afterEach, describe, expect, it } from 'vitest';
import { startSession, type Session } from '../helpers/session';

let session: Session | undefined;
afterEach(() => session?.close());

/** The workloads list is focused on the one workload; Enter goes to its replicas, the filter picks the canary. */
async function canaryReplica(s: Session): Promise<void> {
	s.press('nav.enter');
	await s.waitFor(/▸ Replicas/);
	s.press('app.filter');
	s.type('canary');
	s.key('enter');
	s.press('nav.top');
	await s.waitFor(/✖ CrashLoop|◌ Running|ContainerCreating/);
}

describe.each([
	[80, 24],
	[120, 40],
])('log pane at %ix%i', (columns, rows) => {
	it('follows, pauses when scrolled up, resumes at G; wraps; filters by regex (an invalid one kept out); shows the previous run', async () => {
		session = await startSession({ scenario: 'crashloop-canary', warmup: 60, columns, rows });
		await canaryReplica(session);
		session.press('logs.open');
		let frame = await session.waitFor(/Logs · ◆ canary llama-3-1-8b-chat-/);
		expect(frame).toMatch(/▼ following/);
		expect(frame.split('\n').length).toBeLessThanOrEqual(rows - 1);

		session.press('logs.previous');
		frame = await session.waitFor(/p previous:on[\s\S]*Engine process failed to start/);
		expect(frame).toMatch(/\(previous\)/);

		session.press('nav.up');
		frame = await session.waitFor(/॥ paused \(G follows\)/);
		expect(frame).not.toMatch(/Engine process failed to start/);
		session.press('logs.follow');
		await session.waitFor(/▼ following[\s\S]*Engine process failed to start/);

		session.press('logs.wrap');
		frame = await session.waitFor(/w wrap:on/);
		// Wrapped, the long args line continues on the next row instead of being cut with an ellipsis.
		expect(frame).not.toMatch(/CUDA kernel errors might be asynchronously reported.*…/);

		session.press('app.filter');
		session.type('cuda err(');
		frame = await session.waitFor(/invalid: /);
		expect(frame).toMatch(/Engine process failed to start/);
		session.key('backspace');
		frame = await session.waitFor((f) => !/Traceback/.test(f) && /CUDA error: no kernel image/.test(f));
		session.key('enter');
		frame = await session.waitFor(/\/cuda err\//);
		expect(frame).not.toMatch(/Starting to load model/);
		session.press('logs.back');
		await session.waitFor((f) => /Traceback/.test(f) && !/\/cuda err\//.test(f));
		session.press('logs.back');
		await session.waitFor(/▸ Replicas/);
	});

	it('describes the canary replica: waiting reason, last termination with exit code, GPUs, events', async () => {
		session = await startSession({ scenario: 'crashloop-canary', warmup: 60, columns, rows });
		await canaryReplica(session);
		session.press('replica.describe');
		const first = await session.waitFor(/Describe · pod\/llama-3-1-8b-chat-/);
		expect(first).toMatch(/Name: +llama-3-1-8b-chat-/);
		// Page down through the text, collecting what was shown.
		const seen: string[] = [first];
		for (let i = 0; i < 12 && !/\[\d+–(\d+) of \1\]/.test(seen[seen.length - 1]); i++) {
			const before = seen[seen.length - 1];
			session.press('nav.pageDown');
			seen.push(await session.waitFor((f) => f !== before));
		}
		const all = seen.join('\n');
		expect(all).toMatch(/Reason: +CrashLoopBackOff/);
		expect(all).toMatch(/Last State: +Terminated/);
		expect(all).toMatch(/Exit Code: +1/);
		expect(all).toMatch(/nvidia\.com\/gpu: +1/);
		expect(all).toMatch(/Warning +BackOff +.*Back-off restart/);
	});
});
