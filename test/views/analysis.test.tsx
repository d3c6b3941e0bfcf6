// The analysis pane and column as a user sees them, at 80x24 and 120x40, on the analysis scenarios.
import { afterEach, describe, expect, it } from 'vitest';
import type { Rollout } from '../../source/domain/k8s';
import { startSession, type Session } from '../helpers/session';

let session: Session | undefined;
afterEach(() => session?.close());

const rollout = (s: Session) => s.sim.store.get({ kind: 'Rollout', namespace: 'llm-serving', name: 'llama-3-1-8b-chat' }) as Rollout;

describe('analysis in the console', () => {
	it('80x24: a failed p99 analysis aborts; the column names the metric, a shows the values, limits and Argo’s messages', async () => {
		session = await startSession({ scenario: 'analysis-fail', columns: 80, rows: 24, warmup: 90 });
		const list = await session.waitFor(/✖ Degraded/);
		expect(list).toMatch(/ANALYSIS/);
		expect(list).toMatch(/✖ p99-lat/);
		session.press('view.analysis');
		const frame = await session.waitFor(/Analysis · llama-3-1-8b-chat/);
		const lines = frame.split('\n');
		expect(lines.length).toBeLessThanOrEqual(24);
		expect(lines.every((l) => l.length <= 80)).toBe(true);
		expect(frame).toMatch(/waiting: aborted: Rollout aborted update to revision 3: Step-based analysis/);
		expect(frame).toMatch(/rollout: step ✖ Failed · background/);
		expect(frame).toMatch(/α Step 2 ✖ Failed .* ✔ 3,✖ 2/);
		expect(frame).toMatch(/Metric "p99-latency" assessed Failed due to failed \(2\) > failureLimit \(1\)/);
		expect(frame).toMatch(/✖ p99-latency Failed {2}\[1\d\.\d+\] \[1\d\.\d+\] \d+s ago/);
		expect(frame).toMatch(/✔ when result\[0\] < 9/);
		expect(frame).toMatch(/✔ 0 {2}✖ 2\/1 {2}\? 0\/0 {2}⚠ 0 \(0\/4 in a row\) {2}2\/5 taken every 10s/);
		expect(frame).toMatch(/gpu-util \(dry run\) Successful/);
		// Pressing it again goes back to the rollout pane.
		session.press('view.analysis');
		await session.waitFor(/Rollout · llama-3-1-8b-chat/);
	});

	it('120x40: an inconclusive step pauses; promote skips it; :analysis opens the pane beside the workloads', async () => {
		session = await startSession({ scenario: 'analysis-inconclusive', columns: 120, rows: 40, warmup: 70 });
		const paused = await session.waitFor(/॥ Paused/);
		// The wide layout's workloads pane gives its width to strategy and weight (the 80x24 test sees the
		// ANALYSIS column); the rollout pane beside it carries the analysis state.
		expect(paused).toMatch(/waiting: paused \(InconclusiveAnalysisRun\)/);
		expect(paused).toMatch(/analysis: step \? Inconclusive · background ◌/);
		session.press('app.command');
		session.type('analysis');
		session.key('enter');
		const frame = await session.waitFor(/Analysis · llama-3-1-8b-chat/);
		expect(frame.split('\n').length).toBeLessThanOrEqual(40);
		expect(frame).toMatch(/Workloads/);
		expect(frame).toMatch(/p99 latency/);
		expect(frame).toMatch(/α Step 2 \? Inconclusive/);
		expect(frame).toMatch(/Metric "p99-latency" assessed Inconclusive/);
		expect(frame).toMatch(/inconclusive \(1\) > inconclusiveLimit \(0\)/);
		expect(frame).toMatch(/✔ when result\[0\] < 7 · ✖ when result\[0\] > 14/);
		expect(frame).toMatch(/α Background ◌ Running/);
		session.press('rollout.promote');
		await session.waitFor(/✔ promote rollout llm-serving\/llama-3-1-8b-chat/);
		expect(session.console.store.log[0]).toMatchObject({ ok: true, summary: expect.stringMatching(/step 2\/6 → 3\/6/) });
		session.advance(3);
		await session.waitFor((f) => !/InconclusiveAnalysisRun/.test(f) && /rollout: step \? Inconclusive|rollout: background/.test(f));
		expect(rollout(session).status?.currentStepIndex).toBeGreaterThanOrEqual(3);
	});
});
