// The console as a user drives it: keys by command id, simulated time advanced on demand.
import { afterEach, describe, expect, it } from 'vitest';
import { selectedWorkload } from '../../source/store/lists';
import type { Rollout } from '../../source/domain/k8s';
import { startSession, type Session } from '../helpers/session';

let session: Session | undefined;
afterEach(() => session?.close());

/** Filters the workloads list down to one name, so it is the selected workload. */
async function select(s: Session, name: string): Promise<void> {
	s.press('app.filter');
	s.type(name);
	s.key('enter');
	await s.waitFor((f) => f.includes(name) && /Workloads \[1\]/.test(f));
}

function rollout(s: Session, namespace: string, name: string): Rollout {
	return s.sim.store.get({ kind: 'Rollout', namespace, name }) as Rollout;
}

describe('the console on the simulator', () => {
	it('shows the badge, the panes and a canary waiting for promotion', async () => {
		session = await startSession({ warmup: 90 });
		const frame = await session.waitFor(/llama-3-1-8b-chat/);
		expect(frame).toMatch(/SIMULATED/);
		expect(frame).toMatch(/Workloads/);
		expect(frame).toMatch(/Replicas/);
		expect(frame).toMatch(/Events & actions/);
		expect(frame).toMatch(/॥ Paused/);
		await select(session, 'llama');
		const detail = await session.waitFor(/promote\/resume/);
		expect(detail).toMatch(/waiting: paused \(CanaryPauseStep\)/);
		expect(detail).toMatch(/weight set 10% · actual 10%/);
		expect(detail).toMatch(/canary/);
	});

	it('promote moves the canary to its next step and shifts traffic', async () => {
		session = await startSession({ warmup: 90 });
		await select(session, 'llama');
		expect(rollout(session, 'llm-serving', 'llama-3-1-8b-chat').status?.currentStepIndex).toBe(1);
		session.press('rollout.promote');
		await session.waitFor(/✔ promote rollout llm-serving\/llama-3-1-8b-chat/);
		session.advance(5);
		await session.waitFor(/weight set 25%/);
		expect(session.console.store.log[0]).toMatchObject({ ok: true, user: 'tester', summary: expect.stringMatching(/^promote rollout/) });
		expect(rollout(session, 'llm-serving', 'llama-3-1-8b-chat').status?.currentStepIndex).toBeGreaterThanOrEqual(2);
	});

	it('abort asks for confirmation naming the exact target; n cancels, y aborts and traffic returns to stable', async () => {
		session = await startSession({ warmup: 90 });
		await select(session, 'llama');
		session.press('rollout.abort');
		const dialog = await session.waitFor(/Confirm abort/);
		expect(dialog).toMatch(/context\s+sim:default/);
		expect(dialog).toMatch(/namespace\s+llm-serving/);
		expect(dialog).toMatch(/rollout\s+llama-3-1-8b-chat/);
		session.key('n');
		await session.waitFor(/cancelled: abort/);
		expect(rollout(session, 'llm-serving', 'llama-3-1-8b-chat').status?.abort).toBeFalsy();

		session.press('rollout.abort');
		await session.waitFor(/Confirm abort/);
		session.key('y');
		await session.waitFor(/✔ abort/);
		session.advance(5);
		const frame = await session.waitFor(/✖ Degraded/);
		expect(frame).toMatch(/weight set 0% · actual 0%/);
		expect(rollout(session, 'llm-serving', 'llama-3-1-8b-chat').status?.canary?.weights?.canary.weight).toBe(0);
	});

	it('the scale dialog rejects bad input, then scales', async () => {
		session = await startSession({ warmup: 30 });
		await select(session, 'codestral');
		session.press('workload.scale');
		await session.waitFor(/scale deployment code-assist\/codestral-22b \(4 now\) to:/);
		session.type('x9');
		session.key('enter');
		await session.waitFor(/'x9' is not a whole number/);
		session.key('ctrl+u');
		session.type('6');
		session.key('enter');
		await session.waitFor(/✔ scale deployment code-assist\/codestral-22b: 4 → 6 replicas/);
		session.advance(60);
		await session.waitFor(/6\/6/);
	});

	it('? shows the help generated from the keymap; Esc closes it', async () => {
		session = await startSession();
		session.press('app.help');
		const help = await session.waitFor(/Keys/);
		expect(help).toMatch(/Promote one step/);
		expect(help).toMatch(/Filter the focused list/);
		session.press('app.escape');
		await session.waitFor((f) => !f.includes('Promote one step'));
	});

	it('/ filters the focused list and Esc clears the filter', async () => {
		session = await startSession();
		session.press('app.filter');
		session.type('zzz');
		await session.waitFor(/nothing matches \/zzz/);
		session.key('escape');
		await session.waitFor(/codestral-22b/);
	});

	it('read-only mode removes every action and says so', async () => {
		session = await startSession({ readonly: true, warmup: 90 });
		const frame = await session.waitFor(/READ-ONLY/);
		expect(frame).not.toMatch(/P promote/);
		session.key('P');
		await session.waitFor(/read-only mode: promote one step .* is switched off/);
		session.press('app.help');
		const help = await session.waitFor(/Read-only mode/);
		expect(help).not.toMatch(/Promote one step/);
		expect(rollout(session, 'llm-serving', 'llama-3-1-8b-chat').status?.currentStepIndex).toBe(1);
	});

	it('a disabled key says why', async () => {
		session = await startSession({ warmup: 90 });
		await select(session, 'llama');
		session.press('rollout.retry');
		await session.waitFor(/Retry an aborted update: .+/);
	});

	it('follows resizes: 80x24 stacks the panes, below 60x16 it says the terminal is too small', async () => {
		session = await startSession({ columns: 120, rows: 40 });
		session.stdout.resize(80, 24);
		const narrow = await session.waitFor((f) => f.split('\n').length <= 23 && /Workloads/.test(f));
		expect(narrow.split('\n').every((line) => line.length <= 80)).toBe(true);
		session.stdout.resize(50, 14);
		await session.waitFor(/terminal too small: 50x14/);
		session.stdout.resize(120, 40);
		await session.waitFor(/Events & actions/);
	});

	it('Tab cycles focus through the panes and q quits', async () => {
		session = await startSession();
		const focused = () => /▸ ([A-Za-z]+)/.exec(session!.frame())?.[1];
		expect(focused()).toBe('Workloads');
		session.press('nav.nextPane');
		await session.waitFor(/▸ Replicas/);
		session.press('nav.prevPane');
		await session.waitFor(/▸ Workloads/);
		session.press('app.quit');
		expect(session.quitCalled()).toBe(true);
	});

	it('moving down selects the next workload', async () => {
		session = await startSession();
		const before = selectedWorkload(session.console.store.getSnapshot())?.metadata.name;
		session.press('nav.down');
		await session.waitFor(() => selectedWorkload(session!.console.store.getSnapshot())?.metadata.name !== before);
	});
});
