// `npm start` opens on the release that needs attention: the default scenario's canary.
import { afterEach, describe, expect, it } from 'vitest';
import { startSession, type Session } from '../helpers/session';

let session: Session | undefined;
afterEach(() => session?.close());

describe('the first screen', () => {
	it.each([
		[120, 40],
		[80, 24],
	])('at %ix%i the default scenario opens on the canary, with its strategy shown', async (columns, rows) => {
		session = await startSession({ columns, rows });
		const frame = await session.waitFor(/Rollout · llama-3-1-8b-chat/);
		expect(session.console.store.ui.workloadKey).toBe('Rollout/llm-serving/llama-3-1-8b-chat');
		expect(frame).toMatch(/STRATEGY/);
		expect(frame).toMatch(/llama-3-1-8b-c\S*\s.*canary/);
	});
});
