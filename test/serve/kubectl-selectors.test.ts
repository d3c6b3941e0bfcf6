// Label selectors from the real kubectl: set-based and existence terms select as on a real cluster,
// and a selector the server cannot parse gets its 400 in the server's words.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanUp } from '../helpers/api-server-session';
import { eventually, requireKubectl, serveSim } from '../helpers/sim-serve-kubectl';

const hasKubectl = requireKubectl();

afterEach(cleanUp);

describe.runIf(hasKubectl)('label selectors from kubectl', () => {
	it('in, notin, existence and their negations select the pods they name', async () => {
		const { kubectl } = await serveSim({ blueGreen: true });
		/** `name app` per pod the selector picks. */
		const pick = async (...selector: string[]) =>
			(await kubectl('-n', 'llm', 'get', 'pods', ...selector, '-o', 'custom-columns=NAME:.metadata.name,APP:.metadata.labels.app', '--no-headers'))
				.trim()
				.split('\n')
				.filter(Boolean)
				.map((line) => line.split(/\s+/));
		await eventually('pods of all three workloads', async () => new Set((await pick()).map(([, app]) => app)).size === 3);
		const apps = (rows: string[][]) => [...new Set(rows.map(([, app]) => app))].sort();
		const names = (rows: string[][]) => rows.map(([name]) => name).sort().join(' ');

		expect(apps(await pick('-l', 'app in (chat, search)'))).toEqual(['chat', 'search']);
		// The canary's pods come and go: compare with the whole list once two reads agree.
		await eventually('the set-based selection equal to the filtered list', async () => {
			const all = await pick();
			return names(await pick('-l', 'app in (chat, search)')) === names(all.filter(([, app]) => app !== 'embed'));
		});
		expect(apps(await pick('-l', 'app notin (chat,search)'))).toEqual(['embed']);
		// Argo labels its pods with rollouts-pod-template-hash, the Deployment controller with pod-template-hash.
		expect(apps(await pick('-l', '!rollouts-pod-template-hash'))).toEqual(['embed']);
		expect(apps(await pick('-l', 'rollouts-pod-template-hash,app!=search'))).toEqual(['chat']);
		expect(await pick('-l', 'app in (chat),app in (embed)')).toEqual([]);
	});

	it('a selector the server cannot parse: 400 BadRequest with the parser message', async () => {
		const { kubectl } = await serveSim();
		await expect(kubectl('-n', 'llm', 'get', 'pods', '-l', 'a in (b')).rejects.toThrow(
			`Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "a in (b", field selector "": unable to parse requirement: found '', expected: ',' or ')'`,
		);
		await expect(kubectl('get', 'deployments', '-A', '-l', 'app:chat')).rejects.toThrow(
			`Error from server (BadRequest): Unable to find "apps/v1, Resource=deployments" that match label selector "app:chat", field selector "": unable to parse requirement: <nil>: Invalid value: "app:chat": name part must consist of alphanumeric characters`,
		);
	});
});
