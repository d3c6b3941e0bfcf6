import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authFromEnv, parseServiceRef, PrometheusClient } from '../../source/sources/prometheus';
import { requireTool } from '../helpers/requires';

describe('authFromEnv', () => {
	it('prefers a bearer token, else basic auth, else nothing', () => {
		expect(authFromEnv({ ROLLTOP_PROMETHEUS_TOKEN: 't', ROLLTOP_PROMETHEUS_USER: 'u' })).toEqual({ token: 't' });
		expect(authFromEnv({ ROLLTOP_PROMETHEUS_USER: 'u', ROLLTOP_PROMETHEUS_PASSWORD: 'p' })).toEqual({ username: 'u', password: 'p' });
		expect(authFromEnv({})).toBeUndefined();
	});
});

describe('parseServiceRef', () => {
	it.each([
		['monitoring/prometheus-k8s:9090', { namespace: 'monitoring', name: 'prometheus-k8s', port: '9090' }],
		['monitoring/prometheus:web', { namespace: 'monitoring', name: 'prometheus', port: 'web' }],
		['prometheus-k8s:9090', undefined],
		['Monitoring/p:9090', undefined],
		['monitoring/p', undefined],
	])('%s', (text, ref) => expect(parseServiceRef(text)).toEqual(ref));
});

const opensslRuns = (() => {
	try {
		execFileSync('openssl', ['version'], { stdio: 'ignore' });
		return true;
	} catch {
		return false;
	}
})();
const hasOpenssl = requireTool('openssl', opensslRuns, 'no openssl on PATH to make the test certificate (Debian package "openssl")');

describe.runIf(hasOpenssl)('TLS', () => {
	let dir: string;
	let server: Server;
	let url: string;

	beforeAll(async () => {
		dir = mkdtempSync(join(tmpdir(), 'rolltop-tls-'));
		execFileSync('openssl', [
			'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
			'-addext', 'subjectAltName=IP:127.0.0.1',
			'-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
		], { stdio: 'ignore' });
		server = createServer({ key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }, (_req, res) => {
			res.writeHead(200, { 'Content-Type': 'application/json' });
			res.end(JSON.stringify({ status: 'success', data: { resultType: 'vector', result: [] } }));
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		url = `https://127.0.0.1:${(server.address() as { port: number }).port}`;
	});

	afterAll(async () => {
		server.closeAllConnections();
		await new Promise((resolve) => server.close(resolve));
		rmSync(dir, { recursive: true, force: true });
	});

	it('refuses an untrusted certificate with a hint', async () => {
		await expect(new PrometheusClient({ url }).query('up')).rejects.toThrow(
			`prometheus ${url}: TLS certificate not trusted (DEPTH_ZERO_SELF_SIGNED_CERT); pass --prometheus-ca FILE or --prometheus-insecure`,
		);
	});

	it('trusts the given CA file', async () => {
		await expect(new PrometheusClient({ url, caFile: join(dir, 'cert.pem') }).query('up')).resolves.toEqual([]);
	});

	it('skips verification only when asked to', async () => {
		await expect(new PrometheusClient({ url, insecure: true }).query('up')).resolves.toEqual([]);
	});

	it('names an unreadable CA file', () => {
		expect(() => new PrometheusClient({ url, caFile: join(dir, 'missing.pem') })).toThrow(`prometheus CA file ${join(dir, 'missing.pem')}: ENOENT`);
	});
});
