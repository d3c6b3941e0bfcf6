// End to end in a real terminal: the crash-looping canary's logs show its CUDA error.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { packageRoot } from '../../source/package-root';
import { TmuxSession, tmuxAvailable } from '../helpers/tmux';

const cli = join(packageRoot(), 'dist', 'cli.js');
const ready = tmuxAvailable() && existsSync(cli);
if (!ready) console.log(`skipping tmux logs test: ${tmuxAvailable() ? `${cli} not built (npm test builds it)` : 'tmux is not installed'}`);

describe.skipIf(!ready)('logs in a real terminal', () => {
	let session: TmuxSession | undefined;
	afterEach(() => session?.kill());

	it('opens the logs of the crash-looping canary and finds its error, then the previous run', async () => {
		session = new TmuxSession(`node ${cli} --sim --scenario crashloop-canary --speed 20`, 120, 40);
		await session.waitFor(/SIMULATED/);
		session.keys('Enter');
		await session.waitFor(/▸ Replicas/);
		// Select the canary by filtering the replicas on its role, once it has crashed.
		session.keys('/');
		session.text('canary');
		session.keys('Enter');
		await session.waitFor(/filter \/canary/);
		session.keys('g');
		await session.waitFor(/✖ CrashLoop/, 30_000);
		session.keys('l');
		await session.waitFor(/Logs · ◆ canary llama-3-1-8b-chat-/);
		session.keys('p');
		const previous = await session.waitFor(/CUDA error: no kernel image is available/, 20_000);
		expect(previous).toMatch(/p previous:on/);
		expect(previous).toMatch(/Engine process failed to start/);
		session.keys('Escape');
		await session.waitFor(/▸ Replicas/);
	}, 60_000);
});
