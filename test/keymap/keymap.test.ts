import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS, commandForKey, commandsFor, type KeyContext } from '../../source/keymap/commands';
import { withSections } from '../../scripts/readme-sections';
import { keyName, splitKeys } from '../../source/keymap/keys';
import { parseReplicas, editText } from '../../source/keymap/text-entry';
import { parseCommandLine, runCommandLine } from '../../source/keymap/command-line';
import type { Host } from '../../source/keymap/host';
import { Store } from '../../source/store/store';
import { packageRoot } from '../../source/package-root';

describe('keymap', () => {
	it("binds every key to at most one command per pane (a pane's own keys shadow the global ones there), except replay keys", () => {
		const seen = new Map<string, string>();
		for (const command of COMMANDS.filter((c) => c.scope !== 'replay')) {
			for (const scope of command.panes ?? ['*']) {
				for (const key of command.keys) {
					const slot = `${scope} ${key}`;
					expect(seen.get(slot), `${key} is bound to ${seen.get(slot)} and ${command.id} in ${scope}`).toBeUndefined();
					seen.set(slot, command.id);
				}
			}
		}
	});

	it('replay keys win only in a replay; elsewhere the same keys keep their meaning', () => {
		const ctx = (kind: 'live' | 'simulated' | 'replay'): KeyContext => ({
			simulated: kind === 'simulated',
			replay: kind === 'replay',
			actionBlocked: () => null,
			logsBlocked: null,
			replicaSelected: false,
			nodeBlocked: () => null,
		});
		const general = (key: string) => COMMANDS.find((c) => c.scope !== 'replay' && !c.panes && c.keys.includes(key))?.id;
		for (const command of COMMANDS.filter((c) => c.scope === 'replay')) {
			for (const key of command.keys) {
				expect(commandForKey(key, undefined, ctx('replay'))?.id).toBe(command.id);
				const other = general(key);
				if (other) expect(commandForKey(key, undefined, ctx(other.startsWith('sim.') ? 'simulated' : 'live'))?.id).toBe(other);
			}
		}
		expect(commandForKey('g', undefined, ctx('live'))?.id).toBe('nav.top');
		expect(commandForKey('>', undefined, ctx('simulated'))?.id).toBe('sim.faster');
	});

	it('a pane-scoped key wins in its pane only', () => {
		expect(commandForKey('t', 'logs')?.id).toBe('logs.timestamps');
		expect(commandForKey('t', 'workloads')?.id).toBe('rollout.retry');
		expect(commandForKey('escape', 'logs')?.id).toBe('logs.back');
		expect(commandForKey('escape', 'replicas')?.id).toBe('app.escape');
		expect(commandForKey('P', 'logs')?.id).toBe('rollout.promote');
	});

	it('in the Nodes pane c and u cordon and uncordon; elsewhere they keep their global meaning; workload actions are not keys there', () => {
		expect(commandForKey('c', 'nodes')?.id).toBe('node.cordon');
		expect(commandForKey('u', 'nodes')?.id).toBe('node.uncordon');
		expect(commandForKey('c', 'workloads')?.id).toBe('view.chartMetric');
		expect(commandForKey('u', 'workloads')?.id).toBe('workload.undo');
		expect(commandForKey('P', 'nodes')).toBeUndefined();
		expect(commandForKey('?', 'nodes')?.id).toBe('app.help');
	});

	it('read-only mode removes every command that changes the cluster, and only those', () => {
		const readonly = commandsFor(true);
		expect(readonly.some((c) => c.danger)).toBe(false);
		expect(readonly.length).toBe(COMMANDS.filter((c) => !c.danger).length);
	});

	it('names keys the way Ink reports them', () => {
		expect(keyName('', { upArrow: true })).toBe('up');
		expect(keyName('', { tab: true, shift: true })).toBe('shift+tab');
		expect(keyName('c', { ctrl: true })).toBe('ctrl+c');
		expect(keyName('P', {})).toBe('P');
	});

	it('splits a burst of keys into single presses, but keeps pasted text whole for text fields', () => {
		expect(splitKeys('\t\t', {}, false)).toEqual([{ input: '', key: { tab: true } }, { input: '', key: { tab: true } }]);
		expect(splitKeys('jj', {}, false).map((p) => keyName(p.input, p.key))).toEqual(['j', 'j']);
		expect(splitKeys('llama', {}, true)).toEqual([{ input: 'llama', key: {} }]);
		expect(splitKeys('ab\r', {}, true).map((p) => keyName(p.input, p.key))).toEqual(['a', 'b', 'enter']);
		expect(splitKeys('\x1b[A', { upArrow: true }, false)).toEqual([{ input: '\x1b[A', key: { upArrow: true } }]);
	});

	it('the README key table and PromQL table are the generated ones (run npm run readme)', () => {
		const readme = readFileSync(join(packageRoot(), 'README.md'), 'utf8');
		expect(withSections(readme)).toBe(readme);
	});
});

describe('text entry', () => {
	it.each([
		['4', { ok: true, replicas: 4 }],
		[' 0 ', { ok: true, replicas: 0 }],
		['', { ok: false, error: 'type a number of replicas' }],
		['-1', { ok: false, error: "'-1' is not a whole number" }],
		['2.5', { ok: false, error: "'2.5' is not a whole number" }],
		['abc', { ok: false, error: "'abc' is not a whole number" }],
		['1001', { ok: false, error: '1001 is more than 1000 replicas' }],
	])('parses replicas %j', (text, expected) => {
		expect(parseReplicas(text)).toEqual(expected);
	});

	it('edits, submits and cancels', () => {
		expect(editText('ab', 'backspace', '')).toEqual({ kind: 'edit', text: 'a' });
		expect(editText('ab', 'c', 'c')).toEqual({ kind: 'edit', text: 'abc' });
		expect(editText('ab', 'enter', '')).toEqual({ kind: 'submit', text: 'ab' });
		expect(editText('ab', 'escape', '')).toEqual({ kind: 'cancel' });
		expect(editText('ab', 'ctrl+x', 'x')).toEqual({ kind: 'edit', text: 'ab' });
	});

	it('parses the command line', () => {
		expect(parseCommandLine('theme light').verb?.name).toBe('theme');
		expect(parseCommandLine('q').verb?.name).toBe('quit');
		expect(parseCommandLine('nonsense').verb).toBeUndefined();
	});
});

describe('command line', () => {
	/** Runs a `:` command on a console-less environment; what it reports is read from the footer's flash. */
	const run = async (text: string, host: Partial<Host> = {}) => {
		const said: Array<[string | null, string]> = [];
		const store = new Store({ now: 0, themeName: 'dark', readonly: false, coalesceMs: 0 });
		store.subscribe(() => {
			const flash = store.ui.flash;
			if (flash && flash !== last) said.push(flash.tone === 'error' ? [flash.text, ''] : [null, flash.text]);
			last = flash;
		});
		let last = store.ui.flash;
		const fullHost: Host = {
			quit: () => said.push([null, 'quit']),
			user: 'tester',
			simulated: () => false,
			simulator: () => undefined,
			replay: () => undefined,
			execute: async () => ({ ok: true, message: '' }),
			setTheme: () => null,
			themes: () => [],
			...host,
		};
		await runCommandLine(text, { store, host: fullHost, act: () => {}, actOnNode: () => {}, pageSize: () => 1 });
		return { said, store };
	};

	it('runs verbs, and says what is wrong with the others', async () => {
		expect((await run('q')).said).toEqual([[null, 'quit']]);
		expect((await run('theme light')).said).toEqual([[null, 'theme light']]);
		expect((await run('theme')).said[0][0]).toBe(':theme needs NAME');
		expect((await run('bogus')).said[0][0]).toMatch(/^unknown command :bogus — :q  :theme NAME/);
		expect((await run('speed 5')).said[0][0]).toBe('only the simulator has a clock to change');
		expect((await run('ctx prod')).said[0][0]).toBe('no kubeconfig: contexts exist only on live clusters');
	});

	it(':ctx lists the contexts without a name, and switches with one', async () => {
		const switched: string[] = [];
		const host = { listContexts: () => ['a (current)', 'b'], switchContext: async (name: string) => (switched.push(name), null) };
		expect((await run('ctx', host)).said).toEqual([[null, 'contexts: a (current), b']]);
		const result = await run('ctx b', host);
		expect(result.said).toEqual([[null, 'context b']]);
		expect(switched).toEqual(['b']);
	});
});
