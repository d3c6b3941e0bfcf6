// Starting the test API server with a kubeconfig for it, and building live sources against it.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApiServer, type ApiServer, type ApiServerOptions } from '../../source/serve/api-server';
import { writeKubeconfig } from '../../source/serve/kubeconfig';
import { createKubernetesSource, type KubernetesSource, type KubernetesSourceOptions } from '../../source/sources/kubernetes';
import type { ObjectStore } from '../../source/sources/simulator/object-store';
import { NS } from './api-server-fixtures';

/** Register cleanups here and run `cleanUp()` in afterEach. */
export const cleanups: Array<() => unknown> = [];

export async function cleanUp(): Promise<void> {
	for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
}

export function tempKubeconfig(server: string, token?: string): string {
	const file = join(mkdtempSync(join(tmpdir(), 'rolltop-k8s-')), 'config');
	writeKubeconfig(file, { server, token, namespace: NS });
	return file;
}

export async function serve(options: Partial<ApiServerOptions> & { store: ObjectStore }): Promise<{ server: ApiServer; kubeconfig: string }> {
	const server = await startApiServer({ record: true, ...options });
	cleanups.push(() => server.close());
	return { server, kubeconfig: tempKubeconfig(server.url, options.token) };
}

/** A live source with fast, exact backoff and no clock ticks (not started). */
export function liveSource(kubeconfig: string, options: KubernetesSourceOptions = {}): KubernetesSource {
	const source = createKubernetesSource({ kubeconfig, backoff: { initialMs: 20, maxMs: 200, jitter: 0 }, clockIntervalMs: 0, env: {}, ...options });
	cleanups.push(() => source.stop());
	return source;
}
