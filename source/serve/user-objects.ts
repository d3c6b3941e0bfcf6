// Namespaces and Services created over the API (`kubectl create namespace`, `kubectl create
// service`), kept next to the ones maintained from the workloads. Deleting a namespace is
// namespace-lifecycle.ts's.
import { namespaceObject } from './namespaces';
import { serviceWithDefaults } from './services';
import type { AddonObject } from './served-objects';

/** The object as the API server stores it: defaults filled in, a cluster IP allocated. */
export function prepareAddon(obj: AddonObject, now: number): AddonObject {
	if (obj.kind === 'Namespace') {
		const fresh = namespaceObject(obj.metadata.name, new Date(now).toISOString());
		return { ...fresh, metadata: { ...obj.metadata, ...fresh.metadata, labels: { ...obj.metadata.labels, ...fresh.metadata.labels } } };
	}
	return serviceWithDefaults(obj);
}
