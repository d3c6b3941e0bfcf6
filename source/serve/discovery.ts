// The API surface `sim serve` offers, and the legacy discovery documents describing it. Clients that
// ask for aggregated discovery (kubectl ≥ 1.30) accept these legacy answers when the Content-Type
// says plain JSON, so one format serves both.
import { RESOURCES, type Kind } from '../domain/k8s';

export interface ServedResource {
	kind: Kind;
	group: string;
	version: string;
	plural: string;
	singular: string;
	namespaced: boolean;
	shortNames?: string[];
	subresources: Array<'status' | 'scale'>;
}

const EXTRA: Record<Kind, { shortNames?: string[]; subresources: Array<'status' | 'scale'> }> = {
	Rollout: { shortNames: ['ro'], subresources: ['status', 'scale'] },
	AnalysisRun: { shortNames: ['ar'], subresources: ['status'] },
	Deployment: { shortNames: ['deploy'], subresources: ['status', 'scale'] },
	ReplicaSet: { shortNames: ['rs'], subresources: ['status', 'scale'] },
	Pod: { shortNames: ['po'], subresources: ['status'] },
	Node: { shortNames: ['no'], subresources: ['status'] },
	Event: { shortNames: ['ev'], subresources: [] },
	HorizontalPodAutoscaler: { shortNames: ['hpa'], subresources: ['status'] },
	ScaledObject: { shortNames: ['so'], subresources: ['status'] },
};

export const ARGO_GROUP = 'argoproj.io';
/** Groups of custom resources: no strategic merge patches, as on a real API server. */
export const CUSTOM_GROUPS: ReadonlySet<string> = new Set([ARGO_GROUP, 'keda.sh']);

/**
 * `argo: 'legacy'` mimics an old Rollout CRD without the status subresource (status patches get 404,
 * which is what Argo's "status first, then main object" fallback exists for).
 */
export function servedResources(argo: boolean | 'legacy'): ServedResource[] {
	return (Object.keys(RESOURCES) as Kind[])
		.filter((kind) => argo || RESOURCES[kind].group !== ARGO_GROUP)
		.map((kind) => ({ kind, ...RESOURCES[kind], singular: kind.toLowerCase(), ...EXTRA[kind] }))
		.map((r) => (argo === 'legacy' && r.kind === 'Rollout' ? { ...r, subresources: r.subresources.filter((s) => s !== 'status') } : r));
}

export function groupVersion(group: string, version: string): string {
	return group ? `${group}/${version}` : version;
}

const READ_VERBS = ['get', 'list', 'watch', 'patch'];

/** APIResourceList for one group/version (`/api/v1`, `/apis/apps/v1`, …). */
export function resourceList(resources: ServedResource[], group: string, version: string): object | undefined {
	const mine = resources.filter((r) => r.group === group && r.version === version);
	if (group === 'authorization.k8s.io' && version === 'v1') {
		return {
			kind: 'APIResourceList',
			apiVersion: 'v1',
			groupVersion: 'authorization.k8s.io/v1',
			resources: [
				{ name: 'selfsubjectaccessreviews', singularName: 'selfsubjectaccessreview', namespaced: false, kind: 'SelfSubjectAccessReview', verbs: ['create'] },
			],
		};
	}
	if (mine.length === 0) return undefined;
	const entries = mine.flatMap((r) => [
		{
			name: r.plural,
			singularName: r.singular,
			namespaced: r.namespaced,
			kind: r.kind,
			verbs: READ_VERBS,
			...(r.shortNames ? { shortNames: r.shortNames } : {}),
			...(r.group === ARGO_GROUP ? { categories: ['all'] } : {}),
		},
		...r.subresources.map((sub) =>
			sub === 'scale'
				? { name: `${r.plural}/scale`, singularName: '', namespaced: r.namespaced, group: 'autoscaling', version: 'v1', kind: 'Scale', verbs: ['get', 'patch', 'update'] }
				: { name: `${r.plural}/status`, singularName: '', namespaced: r.namespaced, kind: r.kind, verbs: ['get', 'patch'] },
		),
	]);
	return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: groupVersion(group, version), resources: entries };
}

/** APIGroupList (`/apis`): every named group, including authorization for access reviews. */
export function groupList(resources: ServedResource[]): object {
	const versions = new Map<string, string>();
	for (const r of resources) if (r.group) versions.set(r.group, r.version);
	versions.set('authorization.k8s.io', 'v1');
	const groups = [...versions].map(([name, version]) => {
		const gv = { groupVersion: `${name}/${version}`, version };
		return { name, versions: [gv], preferredVersion: gv };
	});
	return { kind: 'APIGroupList', apiVersion: 'v1', groups };
}

/** APIGroup (`/apis/apps`). */
export function group(resources: ServedResource[], name: string): object | undefined {
	const found = groupList(resources) as { groups: Array<{ name: string }> };
	const match = found.groups.find((g) => g.name === name);
	return match ? { kind: 'APIGroup', apiVersion: 'v1', ...match } : undefined;
}

export function apiVersions(host: string): object {
	return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: host }] };
}

export const VERSION_INFO = {
	major: '1',
	minor: '32',
	gitVersion: 'v1.32.0-rolltop-sim',
	gitCommit: '0000000000000000000000000000000000000000',
	gitTreeState: 'clean',
	buildDate: '2025-01-01T00:00:00Z',
	goVersion: 'go1.23.0',
	compiler: 'gc',
	platform: 'linux/amd64',
};
