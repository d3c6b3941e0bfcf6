import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasUsableKubeconfig, KubeConfigError, listContexts, loadKubeConfig } from '../../source/sources/kubernetes';

const dir = mkdtempSync(join(tmpdir(), 'rolltop-kubeconfig-'));

function file(name: string, text: string): string {
	const path = join(dir, name);
	writeFileSync(path, text);
	return path;
}

function config(current: string | undefined, contexts: Array<{ name: string; cluster: string; namespace?: string }>, clusters: Array<{ name: string; server: string }>): string {
	return [
		'apiVersion: v1',
		'kind: Config',
		...(current ? [`current-context: ${current}`] : []),
		'clusters:',
		...clusters.map((c) => `- name: ${c.name}\n  cluster:\n    server: ${c.server}`),
		'users:',
		'- name: me\n  user:\n    token: secret-token-value',
		'contexts:',
		...contexts.map((c) => `- name: ${c.name}\n  context:\n    cluster: ${c.cluster}\n    user: me${c.namespace ? `\n    namespace: ${c.namespace}` : ''}`),
	].join('\n');
}

const first = file('first', config('prod', [{ name: 'prod', cluster: 'a', namespace: 'serving' }], [{ name: 'a', server: 'https://a.example:6443' }]));
const second = file(
	'second',
	config('staging', [{ name: 'staging', cluster: 'b' }, { name: 'prod', cluster: 'b' }], [{ name: 'b', server: 'https://b.example:6443' }, { name: 'a', server: 'https://shadowed.example' }]),
);

describe('kubeconfig like kubectl', () => {
	it('merges KUBECONFIG files: the first current-context and the first definition of each name win', () => {
		const loaded = loadKubeConfig({}, { KUBECONFIG: [first, join(dir, 'missing'), second].join(delimiter) });
		expect(loaded).toMatchObject({ context: 'prod', namespace: 'serving', server: 'https://a.example:6443', files: [first, second] });
		expect(listContexts({}, { KUBECONFIG: [second, first].join(delimiter) })).toEqual({ names: ['staging', 'prod'], current: 'staging' });
		const other = loadKubeConfig({ context: 'staging' }, { KUBECONFIG: [first, second].join(delimiter) });
		expect(other).toMatchObject({ context: 'staging', namespace: 'default', server: 'https://b.example:6443' });
	});

	it('--kubeconfig replaces KUBECONFIG; -n overrides the context namespace', () => {
		const loaded = loadKubeConfig({ kubeconfig: second, namespace: 'team' }, { KUBECONFIG: first });
		expect(loaded).toMatchObject({ context: 'staging', namespace: 'team', files: [second] });
	});

	it('falls back to ~/.kube/config under HOME', () => {
		const home = mkdtempSync(join(tmpdir(), 'rolltop-home-'));
		mkdirSync(join(home, '.kube'));
		writeFileSync(join(home, '.kube', 'config'), config('home', [{ name: 'home', cluster: 'h' }], [{ name: 'h', server: 'http://127.0.0.1:1' }]));
		expect(loadKubeConfig({}, { HOME: home })).toMatchObject({ context: 'home', server: 'http://127.0.0.1:1' });
		expect(hasUsableKubeconfig({}, { HOME: home })).toBe(true);
		expect(hasUsableKubeconfig({}, { HOME: join(home, 'nowhere') })).toBe(false);
	});

	it('a kubeconfig without a current context means the simulator; a malformed one is an error', () => {
		const noCurrent = file('no-current-2', config(undefined, [{ name: 'x', cluster: 'a' }], [{ name: 'a', server: 'https://a' }]));
		expect(hasUsableKubeconfig({}, { KUBECONFIG: noCurrent })).toBe(false);
		const malformed = file('malformed-2', 'clusters: [unclosed\n  users: {');
		expect(() => hasUsableKubeconfig({}, { KUBECONFIG: malformed })).toThrow(KubeConfigError);
	});

	it('fails with one line naming the file or the context, never the token', () => {
		const malformed = file('malformed', 'clusters: [unclosed\n  users: {');
		const noCurrent = file('no-current', config(undefined, [{ name: 'x', cluster: 'a' }, { name: 'y', cluster: 'a' }], [{ name: 'a', server: 'https://a' }]));
		const cases: Array<[() => unknown, RegExp]> = [
			[() => loadKubeConfig({ kubeconfig: malformed }), new RegExp(`^malformed kubeconfig ${malformed}: `)],
			[() => loadKubeConfig({ kubeconfig: join(dir, 'absent') }), new RegExp(`^kubeconfig ${join(dir, 'absent')} not found$`)],
			[() => loadKubeConfig({ kubeconfig: first, context: 'nope' }), new RegExp(`^context "nope" not found in kubeconfig ${first} \\(known: prod\\)$`)],
			[() => loadKubeConfig({ kubeconfig: noCurrent }), new RegExp(`^kubeconfig ${noCurrent} has no current context; pass --context \\(known: x, y\\)$`)],
			[() => loadKubeConfig({}, { HOME: join(dir, 'no-home') }), /^no kubeconfig found: set KUBECONFIG or pass --kubeconfig$/],
		];
		for (const [load, message] of cases) {
			let error: unknown;
			try {
				load();
			} catch (caught) {
				error = caught;
			}
			expect(error).toBeInstanceOf(KubeConfigError);
			expect((error as Error).message).toMatch(message);
			expect((error as Error).message).not.toContain('\n');
			expect((error as Error).message).not.toContain('secret-token-value');
		}
	});
});
