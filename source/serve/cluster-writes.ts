// What creating and deleting over the API asks of whatever runs the cluster. The simulator does it
// with its controllers (graceful pod termination, garbage collection); a bare store just stores.
import type { Deployment, KubeObject, ObjectRef, Pod, ReplicaSet, Rollout } from '../domain/k8s';
import type { ObjectStore } from '../sources/simulator/object-store';
import type { ServedObject } from './served-objects';

export interface ClusterWrites {
	/** Stores a new workload, ReplicaSet or bare pod; the cluster runs it from then on. */
	create(obj: Deployment | Rollout | ReplicaSet | Pod): KubeObject;
	/** Deletes (or starts deleting) an object; the object as the DELETE response shows it. */
	remove(ref: ObjectRef, gracePeriodSeconds?: number): KubeObject | undefined;
}

/** Whether the cluster runs an object once created; every other kind only needs storing (its controllers read it from the store). */
export function runsInCluster(obj: ServedObject): obj is Deployment | Rollout | ReplicaSet | Pod {
	return obj.kind === 'Deployment' || obj.kind === 'Rollout' || obj.kind === 'ReplicaSet' || obj.kind === 'Pod';
}

/** A cluster without controllers: objects appear and disappear at once, nothing cascades. */
export function storeWrites(store: ObjectStore): ClusterWrites {
	return {
		create: (obj) => store.put(obj),
		remove: (ref) => {
			const current = store.get(ref);
			store.delete(ref);
			return current;
		},
	};
}
