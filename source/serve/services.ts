// A Service per workload, as a real deployment of these model servers has one, and the Services
// an Argo Rollout names in its strategy (blue-green active/preview, canary stable/canary) with the
// `rollouts-pod-template-hash` Argo adds to their selectors.
import type { Deployment, Rollout } from '../domain/k8s';
import { fnv1a } from '../sources/simulator/random';
import type { AddonObject } from './served-objects';

const ROLLOUT_HASH_LABEL = 'rollouts-pod-template-hash';
const MANAGED_BY = 'argo-rollouts.argoproj.io/managed-by-rollouts';

export interface ServicePort {
	name?: string;
	port: number;
	targetPort: number | string;
	protocol: string;
}

/** A stable address in the default service CIDR (10.96.0.0/12). */
function clusterIP(namespace: string, name: string): string {
	const h = fnv1a(`${namespace}/${name}`);
	return `10.96.${(h >>> 8) & 255}.${(h & 255) || 1}`;
}

function portsOf(workload: Deployment | Rollout): ServicePort[] {
	const containers = workload.spec.template?.spec?.containers ?? [];
	return containers.flatMap((c) =>
		((c.ports ?? []) as Array<{ name?: string; containerPort: number; protocol?: string }>).map((p) => ({
			...(p.name ? { name: p.name } : {}),
			port: p.containerPort,
			targetPort: p.name ?? p.containerPort,
			protocol: p.protocol ?? 'TCP',
		})),
	);
}

/**
 * Service name → the pod-template hash Argo puts in its selector: a string for the Services the
 * Rollout manages ('' while it is not known yet), undefined for the workload's own plain Service.
 */
function servicesOf(workload: Deployment | Rollout): Map<string, string | undefined> {
	const services = new Map<string, string | undefined>();
	const managed = (name: string | undefined, hash: string | undefined) => name && services.set(name, hash ?? '');
	if (workload.kind === 'Rollout') {
		const { blueGreen, canary } = workload.spec.strategy ?? {};
		const status = workload.status ?? {};
		managed(blueGreen?.activeService, status.blueGreen?.activeSelector);
		managed(blueGreen?.previewService, status.blueGreen?.previewSelector);
		managed(canary?.stableService, status.stableRS);
		managed(canary?.canaryService, status.currentPodHash);
	}
	if (!services.has(workload.metadata.name)) services.set(workload.metadata.name, undefined);
	return services;
}

/** What the API server fills in on a ClusterIP Service: the allocated address and the defaults. */
function clusterIPSpec(namespace: string, name: string): Record<string, unknown> {
	const ip = clusterIP(namespace, name);
	return { type: 'ClusterIP', clusterIP: ip, clusterIPs: [ip], ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack', internalTrafficPolicy: 'Cluster', sessionAffinity: 'None' };
}

/** A Service created over the API, as the API server stores it (ports default to TCP, targetPort to port). */
export function serviceWithDefaults(service: AddonObject): AddonObject {
	const spec = (service.spec ?? {}) as { ports?: Array<Partial<ServicePort>>; type?: string; clusterIP?: string };
	const ports = (spec.ports ?? []).map((p) => ({ ...p, protocol: p.protocol ?? 'TCP', targetPort: p.targetPort ?? p.port }));
	// An ExternalName Service gets no address; a chosen one (or None, headless) is the only one in clusterIPs.
	const allocated =
		spec.type === 'ExternalName'
			? { sessionAffinity: 'None' }
			: { ...clusterIPSpec(service.metadata.namespace ?? 'default', service.metadata.name), ...(spec.clusterIP ? { clusterIPs: [spec.clusterIP] } : {}) };
	return { ...service, spec: { ...allocated, ...spec, ports }, status: { loadBalancer: {} } };
}

/** The Services a workload should have; none when its pods expose no port. */
export function desiredServices(workload: Deployment | Rollout): AddonObject[] {
	const ports = portsOf(workload);
	if (!ports.length) return [];
	const namespace = workload.metadata.namespace ?? 'default';
	const base = workload.spec.selector?.matchLabels ?? {};
	return [...servicesOf(workload)].map(([name, hash]) => {
		const managed = hash !== undefined;
		return {
			apiVersion: 'v1',
			kind: 'Service',
			metadata: {
				name,
				namespace,
				labels: { ...workload.metadata.labels },
				...(managed ? { annotations: { [MANAGED_BY]: workload.metadata.name } } : {}),
				creationTimestamp: workload.metadata.creationTimestamp,
			},
			spec: {
				...clusterIPSpec(namespace, name),
				ports,
				selector: { ...base, ...(managed && hash ? { [ROLLOUT_HASH_LABEL]: hash } : {}) },
			},
			status: { loadBalancer: {} },
		};
	});
}

/** An update that leaves the allocated address out keeps it, as the API server carries it over (changing it is refused). */
export function withAllocatedIP(current: AddonObject, next: AddonObject): AddonObject {
	const allocated = current.spec as Record<string, unknown> | undefined;
	const spec = (next.spec ?? {}) as Record<string, unknown>;
	if (!allocated || spec.clusterIP !== undefined) return next;
	return { ...next, spec: { ...spec, clusterIP: allocated.clusterIP, clusterIPs: allocated.clusterIPs } };
}

/**
 * What the Argo controller patches on a Service its Rollout names once the pod-template hash is
 * known: the selector's hash and the managed-by annotation (rollout/service.go); undefined when
 * the Service already selects that hash or is not a Rollout's. Nothing else of the Service is Argo's.
 */
export function withRolloutSelector(stored: AddonObject, desired: AddonObject): AddonObject | undefined {
	const rollout = desired.metadata.annotations?.[MANAGED_BY];
	const hash = (desired.spec as { selector?: Record<string, string> }).selector?.[ROLLOUT_HASH_LABEL];
	const spec = (stored.spec ?? {}) as { selector?: Record<string, string> };
	if (!rollout || !hash || spec.selector?.[ROLLOUT_HASH_LABEL] === hash) return undefined;
	return {
		...stored,
		metadata: { ...stored.metadata, annotations: { ...stored.metadata.annotations, [MANAGED_BY]: rollout } },
		spec: { ...spec, selector: { ...spec.selector, [ROLLOUT_HASH_LABEL]: hash } },
	};
}
