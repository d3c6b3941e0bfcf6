// Endpoints and EndpointSlices of a Service: the pods its selector picks, ready ones as addresses
// (not-ready ones apart, terminating ones gone from Endpoints), as the endpoint controllers write them.
import type { Pod } from '../domain/k8s';
import { fnv1a, NAME_ALPHABET } from '../sources/simulator/random';
import type { AddonObject } from './served-objects';
import type { ServicePort } from './services';

interface Member {
	pod: Pod;
	ip: string;
	ready: boolean;
	terminating: boolean;
}

function selects(selector: Record<string, string>, pod: Pod): boolean {
	const labels = pod.metadata.labels ?? {};
	const entries = Object.entries(selector);
	return entries.length > 0 && entries.every(([k, v]) => labels[k] === v);
}

function membersOf(service: AddonObject, pods: Pod[]): Member[] {
	const selector = (service.spec as { selector?: Record<string, string> }).selector ?? {};
	return pods
		.filter((pod) => pod.status?.podIP && selects(selector, pod))
		.map((pod) => ({
			pod,
			ip: pod.status?.podIP as string,
			ready: pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false,
			terminating: pod.metadata.deletionTimestamp !== undefined,
		}))
		.sort((a, b) => a.pod.metadata.name.localeCompare(b.pod.metadata.name));
}

function targetRef(pod: Pod) {
	return { kind: 'Pod', name: pod.metadata.name, namespace: pod.metadata.namespace, uid: pod.metadata.uid };
}

function endpointPorts(service: AddonObject, members: Member[]) {
	// A headless Service may have none.
	const ports = (service.spec as { ports?: ServicePort[] }).ports ?? [];
	return ports.map((p) => ({ ...(p.name ? { name: p.name } : {}), port: numericPort(p, members), protocol: p.protocol }));
}

function endpoints(service: AddonObject, members: Member[]): AddonObject {
	const address = (m: Member) => ({ ip: m.ip, nodeName: m.pod.spec.nodeName, targetRef: targetRef(m.pod) });
	const live = members.filter((m) => !m.terminating);
	const ready = live.filter((m) => m.ready).map(address);
	const notReady = live.filter((m) => !m.ready).map(address);
	const ports = endpointPorts(service, members);
	const subsets = ready.length || notReady.length ? [{ ...(ready.length ? { addresses: ready } : {}), ...(notReady.length ? { notReadyAddresses: notReady } : {}), ...(ports.length ? { ports } : {}) }] : undefined;
	return {
		apiVersion: 'v1',
		kind: 'Endpoints',
		metadata: { name: service.metadata.name, namespace: service.metadata.namespace, labels: { ...service.metadata.labels }, creationTimestamp: service.metadata.creationTimestamp },
		...(subsets ? { subsets } : {}),
	};
}

/** A named targetPort resolves to the container port of that name (the pods' template). */
function numericPort(port: ServicePort, members: Member[]): number {
	if (typeof port.targetPort === 'number') return port.targetPort;
	for (const m of members) {
		for (const c of m.pod.spec.containers ?? []) {
			const found = ((c.ports ?? []) as Array<{ name?: string; containerPort: number }>).find((p) => p.name === port.targetPort);
			if (found) return found.containerPort;
		}
	}
	return port.port;
}

function sliceName(service: AddonObject): string {
	let h = fnv1a(`${service.metadata.namespace}/${service.metadata.name}`);
	let suffix = '';
	for (let i = 0; i < 5; i++, h = Math.floor(h / NAME_ALPHABET.length)) suffix += NAME_ALPHABET[h % NAME_ALPHABET.length];
	return `${service.metadata.name}-${suffix}`;
}

function endpointSlice(service: AddonObject, members: Member[]): AddonObject {
	return {
		apiVersion: 'discovery.k8s.io/v1',
		kind: 'EndpointSlice',
		metadata: {
			name: sliceName(service),
			namespace: service.metadata.namespace,
			labels: { ...service.metadata.labels, 'kubernetes.io/service-name': service.metadata.name, 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io' },
			ownerReferences: [{ apiVersion: 'v1', kind: 'Service', name: service.metadata.name, uid: service.metadata.uid, controller: true }],
			creationTimestamp: service.metadata.creationTimestamp,
		},
		addressType: 'IPv4',
		endpoints: members.map((m) => ({
			addresses: [m.ip],
			conditions: { ready: m.ready && !m.terminating, serving: m.ready, terminating: m.terminating },
			nodeName: m.pod.spec.nodeName,
			targetRef: targetRef(m.pod),
		})),
		ports: endpointPorts(service, members),
	};
}

/** The Endpoints and the EndpointSlice of a stored Service, from the pods of its namespace; none without a selector (those are the user's to write). */
export function desiredEndpoints(service: AddonObject, pods: Pod[]): AddonObject[] {
	if (!Object.keys((service.spec as { selector?: object } | undefined)?.selector ?? {}).length) return [];
	const members = membersOf(service, pods);
	return [endpoints(service, members), endpointSlice(service, members)];
}
