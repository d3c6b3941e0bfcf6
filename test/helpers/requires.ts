// Integration tests need real tools (prometheus, tmux, kubectl, openssl). On a developer's machine a
// missing one skips its tests with the reason printed; in CI (CI set) it fails the run with a test
// naming what is missing, so a green CI run never hides tests that did not run.
// ROLLTOP_TEST_WITHOUT=name,… treats tools as missing, to see both behaviours without uninstalling.
import { it } from 'vitest';

export type Decision = 'run' | 'skip' | 'fail';

/** What to do about tests that need `name`: run them, skip them (locally) or fail (in CI). */
export function decide(name: string, available: boolean, env: NodeJS.ProcessEnv): Decision {
	const withheld = (env.ROLLTOP_TEST_WITHOUT ?? '').split(',').map((tool) => tool.trim());
	if (available && !withheld.includes(name)) return 'run';
	const ci = env.CI !== undefined && !['', '0', 'false'].includes(env.CI.toLowerCase());
	return ci ? 'fail' : 'skip';
}

/**
 * Answers whether the tests needing `name` can run. When they cannot, locally it prints why; in
 * CI it adds a failing test that names the missing tool and the reason.
 */
export function requireTool(name: string, available: boolean, reason: string): boolean {
	const decision = decide(name, available, process.env);
	const line = `${name} is missing: ${available ? 'left out by ROLLTOP_TEST_WITHOUT' : reason}`;
	if (decision === 'skip') console.warn(`skipping tests: ${line}`);
	if (decision === 'fail') {
		it(`needs ${name}, which CI must have`, () => {
			throw new Error(`${line} (CI runs every integration test)`);
		});
	}
	return decision === 'run';
}
