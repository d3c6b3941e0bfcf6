// Errors as the API server words them, as the real kubectl prints them: 404 NotFound, 409 Conflict
// on a stale resourceVersion, 422 Invalid, and 405 where a real server refuses the method too.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanUp } from '../helpers/api-server-session';
import { requireKubectl, serveSim } from '../helpers/sim-serve-kubectl';

const hasKubectl = requireKubectl();

afterEach(cleanUp);

describe.runIf(hasKubectl)('errors from sim serve', () => {
	it('404, 409 on a stale update, 422 for an invalid object', async () => {
		const { kubectl } = await serveSim();
		const ns = (...args: string[]) => kubectl('-n', 'llm', ...args);
		await expect(ns('get', 'deployment', 'nope')).rejects.toThrow('Error from server (NotFound): deployments.apps "nope" not found');

		await expect(ns('patch', 'deployment', 'embed', '-p', '{"spec":{"replicas":-1}}')).rejects.toThrow(
			'The Deployment "embed" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0',
		);

		const file = join(mkdtempSync(join(tmpdir(), 'rolltop-stale-')), 'embed.json');
		writeFileSync(file, await ns('get', 'deployment', 'embed', '-o', 'json'));
		await ns('annotate', 'deployment', 'embed', 'team=inference');
		await expect(ns('replace', '-f', file)).rejects.toThrow(
			'Error from server (Conflict): error when replacing "' + file + '": Operation cannot be fulfilled on deployments.apps "embed": the object has been modified; please apply your changes to the latest version and try again',
		);
		writeFileSync(file, await ns('get', 'deployment', 'embed', '-o', 'json'));
		expect(await ns('replace', '-f', file)).toBe('deployment.apps/embed replaced\n');
	});

	it('405 MethodNotAllowed for a POST to a named object, PUT or PATCH to a collection, deletecollection of namespaces, as a real server answers', async () => {
		const { sim } = await serveSim();
		const answer = await fetch(`${sim.server.url}/apis/apps/v1/namespaces/llm/deployments/anything`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
		expect([answer.status, await answer.json()]).toEqual([405, expect.objectContaining({ kind: 'Status', reason: 'MethodNotAllowed', code: 405 })]);
		for (const method of ['PUT', 'PATCH']) {
			const collection = await fetch(`${sim.server.url}/apis/apps/v1/namespaces/llm/deployments`, { method, headers: { 'Content-Type': 'application/merge-patch+json' }, body: '{}' });
			expect([method, collection.status]).toEqual([method, 405]);
		}
		const namespaces = await fetch(`${sim.server.url}/api/v1/namespaces`, { method: 'DELETE' });
		expect(namespaces.status).toBe(405);
	});

	it('exec, attach, port-forward and proxies: 400 saying the simulator runs no containers; 404 for a pod that does not exist', async () => {
		const { kubectl } = await serveSim();
		const pod = (await kubectl('-n', 'llm', 'get', 'pods', '-o', 'name')).split('\n')[0].replace('pod/', '');
		const why = 'rolltop sim serve runs no containers, so pods/exec is not available: kubectl describe and kubectl logs show what the pod does';
		await expect(kubectl('-n', 'llm', 'exec', pod, '--', 'ls')).rejects.toThrow(`Error from server (BadRequest): ${why}`);
		await expect(kubectl('-n', 'llm', 'port-forward', pod, '18000:8000')).rejects.toThrow('error upgrading connection: rolltop sim serve runs no containers, so pods/portforward is not available');
		await expect(kubectl('-n', 'llm', 'exec', 'no-such-pod', '--', 'ls')).rejects.toThrow('Error from server (NotFound): pods "no-such-pod" not found');
		const service = (await kubectl('-n', 'llm', 'get', 'services', '-o', 'name')).split('\n')[0].replace('service/', '');
		await expect(kubectl('get', '--raw', `/api/v1/namespaces/llm/services/${service}:8000/proxy/metrics`)).rejects.toThrow(
			"Error from server (BadRequest): rolltop sim serve runs no containers, so services/proxy is not available: read the simulator's metrics at /metrics",
		);
	});
});
