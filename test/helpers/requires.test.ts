import { describe, expect, it } from 'vitest';
import { decide } from './requires';

describe('tests that need a tool', () => {
	it('run when the tool is there, in CI or not', () => {
		expect(decide('tmux', true, {})).toBe('run');
		expect(decide('tmux', true, { CI: 'true' })).toBe('run');
	});

	it('skip without it on a developer machine, and fail the run without it in CI', () => {
		for (const CI of [undefined, '', '0', 'false', 'FALSE']) expect(decide('tmux', false, { CI })).toBe('skip');
		for (const CI of ['true', '1', 'yes']) expect(decide('tmux', false, { CI })).toBe('fail');
	});

	it('treat the tools named in ROLLTOP_TEST_WITHOUT as missing, and only those', () => {
		const env = { ROLLTOP_TEST_WITHOUT: 'prometheus, tmux' };
		expect(decide('tmux', true, env)).toBe('skip');
		expect(decide('prometheus', true, { ...env, CI: 'true' })).toBe('fail');
		expect(decide('kubectl', true, { ...env, CI: 'true' })).toBe('run');
	});
});
