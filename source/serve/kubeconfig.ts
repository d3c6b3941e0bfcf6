// A kubeconfig pointing at a served simulator, usable by rolltop, kubectl and client-node alike.
import { writeFileSync } from 'node:fs';
import { stringify } from 'yaml';

export interface KubeconfigTarget {
	server: string;
	token?: string;
	/** Context (and cluster/user) name; default "rolltop-sim". */
	context?: string;
	namespace?: string;
}

export function kubeconfigYaml(target: KubeconfigTarget): string {
	const name = target.context ?? 'rolltop-sim';
	return stringify({
		apiVersion: 'v1',
		kind: 'Config',
		clusters: [{ name, cluster: { server: target.server } }],
		users: [{ name, user: target.token ? { token: target.token } : {} }],
		contexts: [{ name, context: { cluster: name, user: name, ...(target.namespace ? { namespace: target.namespace } : {}) } }],
		'current-context': name,
		preferences: {},
	});
}

/** Written owner-only: it may carry a token. */
export function writeKubeconfig(file: string, target: KubeconfigTarget): void {
	writeFileSync(file, kubeconfigYaml(target), { mode: 0o600 });
}
