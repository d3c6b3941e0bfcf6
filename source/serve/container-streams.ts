// exec, attach, port-forward and the proxies reach into a running container or node; the simulator
// runs none. A real server would upgrade the connection; here the answer is a 400 that says why,
// not a 404 that reads as a missing pod (a missing object is still 404, as on a real server).
import type { ObjectStore } from '../sources/simulator/object-store';
import { getServed, type ServedKind } from './served-objects';
import { ApiError } from './status';

const STREAMS: Record<string, { kind: ServedKind; namespaced: boolean; subresources: string[] }> = {
	pods: { kind: 'Pod', namespaced: true, subresources: ['exec', 'attach', 'portforward', 'proxy'] },
	services: { kind: 'Service', namespaced: true, subresources: ['proxy'] },
	nodes: { kind: 'Node', namespaced: false, subresources: ['proxy'] },
};

/** Throws the answer for `/api/v1/…/{pods,services,nodes}/NAME/{exec,attach,portforward,proxy}[/…]`; returns for any other path. */
export function refuseContainerStream(pathname: string, store: ObjectStore): void {
	const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
	if (parts[0] !== 'api' || parts[1] !== 'v1') return;
	const namespaced = parts[2] === 'namespaces';
	const [plural, target, subresource] = namespaced ? parts.slice(4) : parts.slice(2);
	const kind = STREAMS[plural];
	if (!kind || kind.namespaced !== namespaced || !target || !kind.subresources.includes(subresource)) return;
	// `services/NAME:PORT/proxy` and `pods/NAME:PORT/proxy` name a port after the object.
	const name = target.split(':')[0];
	if (!getServed(store, { kind: kind.kind, namespace: namespaced ? parts[3] : undefined, name })) throw new ApiError(404, `${plural} "${name}" not found`, { name, kind: plural });
	throw new ApiError(400, `rolltop sim serve runs no containers, so ${plural}/${subresource} is not available: ${plural === 'pods' ? 'kubectl describe and kubectl logs show what the pod does' : 'read the simulator\'s metrics at /metrics'}`, { name, kind: plural });
}
