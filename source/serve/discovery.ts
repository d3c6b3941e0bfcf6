// The API surface `sim serve` offers, and the legacy discovery documents describing it. Clients that
// ask for aggregated discovery (kubectl ≥ 1.30) accept these legacy answers when the Content-Type
// says plain JSON, so one format serves both.
import { RESOURCES, type Kind } from '../domain/k8s';
import { hpaV1Resource } from './hpa-v1';
import type { AddonKind, ServedKind } from './served-objects';

export type Verb = 'create' | 'delete' | 'deletecollection' | 'get' | 'list' | 'patch' | 'update' | 'watch';

export interface ServedResource {
	kind: ServedKind;
	group: string;
	version: string;
	plural: string;
	singular: string;
	namespaced: boolean;
	shortNames?: string[];
	/** `kubectl get all` lists the resources in the `all` category. */
	categories?: string[];
	subresources: Array<'status' | 'scale' | 'log'>;
	/** What the resource accepts; anything else is 405, as on a real API server. */
	verbs: Verb[];
}

/** What a real API server offers on every resource rolltop serves, in its (alphabetical) order. */
const EVERY_VERB: Verb[] = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
const except = (...refused: Verb[]): Verb[] => EVERY_VERB.filter((verb) => !refused.includes(verb));
const ALL = ['all'];

type Extra = Pick<ServedResource, 'shortNames' | 'categories' | 'subresources' | 'verbs'>;

const EXTRA: Record<Kind, Extra> = {
	Rollout: { shortNames: ['ro'], categories: ALL, subresources: ['status', 'scale'], verbs: EVERY_VERB },
	// Argo's AnalysisRun CRD declares no status subresource: status is written with the object.
	AnalysisRun: { shortNames: ['ar'], subresources: [], verbs: EVERY_VERB },
	AnalysisTemplate: { shortNames: ['at'], subresources: [], verbs: EVERY_VERB },
	Deployment: { shortNames: ['deploy'], categories: ALL, subresources: ['status', 'scale'], verbs: EVERY_VERB },
	ReplicaSet: { shortNames: ['rs'], categories: ALL, subresources: ['status', 'scale'], verbs: EVERY_VERB },
	Pod: { shortNames: ['po'], categories: ALL, subresources: ['status', 'log'], verbs: EVERY_VERB },
	Node: { shortNames: ['no'], subresources: ['status'], verbs: EVERY_VERB },
	Event: { shortNames: ['ev'], subresources: [], verbs: EVERY_VERB },
	HorizontalPodAutoscaler: { shortNames: ['hpa'], categories: ALL, subresources: ['status'], verbs: EVERY_VERB },
	ScaledObject: { shortNames: ['so'], subresources: ['status'], verbs: EVERY_VERB },
};

/** The kinds only `sim serve` keeps (Namespaces and Services maintained from the workloads or created over the API, Endpoints from the Services). */
const ADDONS: Array<Omit<ServedResource, 'singular'> & { kind: AddonKind }> = [
	{ kind: 'Namespace', group: '', version: 'v1', plural: 'namespaces', namespaced: false, shortNames: ['ns'], subresources: ['status'], verbs: except('deletecollection') },
	{ kind: 'Service', group: '', version: 'v1', plural: 'services', namespaced: true, shortNames: ['svc'], categories: ALL, subresources: ['status'], verbs: EVERY_VERB },
	{ kind: 'Endpoints', group: '', version: 'v1', plural: 'endpoints', namespaced: true, shortNames: ['ep'], subresources: [], verbs: EVERY_VERB },
	{ kind: 'EndpointSlice', group: 'discovery.k8s.io', version: 'v1', plural: 'endpointslices', namespaced: true, subresources: [], verbs: EVERY_VERB },
];

export const ARGO_GROUP = 'argoproj.io';
/** Groups of custom resources: no strategic merge patches, as on a real API server. */
export const CUSTOM_GROUPS: ReadonlySet<string> = new Set([ARGO_GROUP, 'keda.sh']);

/**
 * `argo: 'legacy'` mimics an old Rollout CRD without the status subresource (status patches get 404,
 * which is what Argo's "status first, then main object" fallback exists for).
 */
export function servedResources(argo: boolean | 'legacy'): ServedResource[] {
	const modelled = (Object.keys(RESOURCES) as Kind[])
		.filter((kind) => argo || RESOURCES[kind].group !== ARGO_GROUP)
		.map((kind): ServedResource => ({ kind, ...RESOURCES[kind], singular: kind.toLowerCase(), ...EXTRA[kind] }))
		.map((r) => (argo === 'legacy' && r.kind === 'Rollout' ? { ...r, subresources: r.subresources.filter((s) => s !== 'status') } : r));
	const addons = ADDONS.map((r): ServedResource => ({ ...r, singular: r.kind.toLowerCase() }));
	// HPAs are served at autoscaling/v1 too (what `kubectl autoscale` posts), after the preferred v2.
	const hpaV1 = modelled.filter((r) => r.kind === 'HorizontalPodAutoscaler').map(hpaV1Resource);
	return [...modelled, ...hpaV1, ...addons];
}

export function groupVersion(group: string, version: string): string {
	return group ? `${group}/${version}` : version;
}

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
			verbs: r.verbs,
			...(r.shortNames ? { shortNames: r.shortNames } : {}),
			...(r.categories ? { categories: r.categories } : {}),
		},
		...r.subresources.map((sub) =>
			sub === 'scale'
				? { name: `${r.plural}/scale`, singularName: '', namespaced: r.namespaced, group: 'autoscaling', version: 'v1', kind: 'Scale', verbs: ['get', 'patch', 'update'] }
				: sub === 'log'
					? { name: `${r.plural}/log`, singularName: '', namespaced: r.namespaced, kind: 'Pod', verbs: ['get'] }
					: { name: `${r.plural}/status`, singularName: '', namespaced: r.namespaced, kind: r.kind, verbs: ['get', 'patch', 'update'] },
		),
	]);
	return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: groupVersion(group, version), resources: entries };
}

/** APIGroupList (`/apis`): every named group with its versions, the first preferred, including authorization for access reviews (and `extra` groups served apart, as group → version). */
export function groupList(resources: ServedResource[], extra: Record<string, string> = {}): object {
	const versions = new Map<string, string[]>();
	const add = (name: string, version: string) => {
		const known = versions.get(name) ?? [];
		if (!known.includes(version)) versions.set(name, [...known, version]);
	};
	// Built-in groups first, the CRD's last, as a real server orders them (and `kubectl get all` prints them).
	const ordered = [...resources].sort((a, b) => Number(a.group === ARGO_GROUP) - Number(b.group === ARGO_GROUP));
	for (const r of ordered) if (r.group) add(r.group, r.version);
	add('authorization.k8s.io', 'v1');
	for (const [name, version] of Object.entries(extra)) add(name, version);
	const groups = [...versions].map(([name, served]) => {
		const gvs = served.map((version) => ({ groupVersion: `${name}/${version}`, version }));
		return { name, versions: gvs, preferredVersion: gvs[0] };
	});
	return { kind: 'APIGroupList', apiVersion: 'v1', groups };
}

/** APIGroup (`/apis/apps`). */
export function group(resources: ServedResource[], name: string, extra: Record<string, string> = {}): object | undefined {
	const found = groupList(resources, extra) as { groups: Array<{ name: string }> };
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
