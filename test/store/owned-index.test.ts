// The cluster state's objects-by-owner index is kept up to date event by event; after any sequence of
// adds, updates, owner changes, deletes, re-lists and resets it must hold exactly what grouping all
// objects afresh gives, in the objects' order (an adopted object joins the end of its new group).
import { describe, expect, it } from 'vitest';
import type { Pod } from '../../source/domain/k8s';
import { applySourceEvents, emptyClusterState, ownedObjects, resetClusterState, type ClusterState } from '../../source/store/cluster-state';

const pod = (name: string, owner: string | undefined, phase = 'Running'): Pod => ({
	kind: 'Pod',
	metadata: { name, namespace: 'llm', ownerReferences: owner ? [{ kind: 'ReplicaSet', name: owner, controller: true }] : undefined },
	spec: {},
	status: { phase },
});

const OWNERS = ['rs-a', 'rs-b', 'rs-c'];

/** What the index must say: every pod of `owner`, found by scanning them all. */
function regrouped(state: ClusterState, owner: string): string[] {
	return [...state.objects.get('Pod')!.values()]
		.filter((p) => p.metadata.ownerReferences?.[0]?.name === owner)
		.map((p) => `${p.metadata.name}:${(p as Pod).status?.phase}`);
}

function indexed(state: ClusterState, owner: string): string[] {
	return ownedObjects(state, 'Pod', 'ReplicaSet', 'llm', owner).map((p) => `${p.metadata.name}:${p.status?.phase}`);
}

function expectConsistent(state: ClusterState): void {
	for (const owner of OWNERS) expect(indexed(state, owner)).toEqual(regrouped(state, owner));
}

describe('objects by owner', () => {
	it('follows adds, updates, adoption, orphaning and deletes as a regrouping would', () => {
		const state = emptyClusterState(0);
		applySourceEvents(state, [{ type: 'sync', kind: 'Pod', objects: [pod('p1', 'rs-a'), pod('p2', 'rs-a'), pod('p3', 'rs-b'), pod('p4', undefined)] }]);
		expectConsistent(state);
		expect(indexed(state, 'rs-a')).toEqual(['p1:Running', 'p2:Running']);

		applySourceEvents(state, [{ type: 'upsert', object: pod('p1', 'rs-a', 'Failed') }]);
		expectConsistent(state);
		expect(indexed(state, 'rs-a')).toEqual(['p1:Failed', 'p2:Running']);

		// Adopted by another ReplicaSet, orphaned, adopted again, and a new pod.
		applySourceEvents(state, [
			{ type: 'upsert', object: pod('p2', 'rs-c') },
			{ type: 'upsert', object: pod('p3', undefined) },
			{ type: 'upsert', object: pod('p4', 'rs-b') },
			{ type: 'upsert', object: pod('p5', 'rs-b', 'Pending') },
		]);
		expectConsistent(state);
		expect(indexed(state, 'rs-b')).toEqual(['p4:Running', 'p5:Pending']);
		expect(indexed(state, 'rs-c')).toEqual(['p2:Running']);

		applySourceEvents(state, [
			{ type: 'delete', kind: 'Pod', namespace: 'llm', name: 'p4' },
			{ type: 'delete', kind: 'Pod', namespace: 'llm', name: 'p3' },
			{ type: 'delete', kind: 'Pod', namespace: 'llm', name: 'gone' },
		]);
		expectConsistent(state);
		expect(indexed(state, 'rs-b')).toEqual(['p5:Pending']);
	});

	it('starts afresh on a re-list, on a kind that is not served and on a reset', () => {
		const state = emptyClusterState(0);
		applySourceEvents(state, [{ type: 'sync', kind: 'Pod', objects: [pod('p1', 'rs-a'), pod('p2', 'rs-b')] }]);
		applySourceEvents(state, [{ type: 'sync', kind: 'Pod', objects: [pod('p3', 'rs-a')] }]);
		expectConsistent(state);
		expect(indexed(state, 'rs-b')).toEqual([]);
		applySourceEvents(state, [{ type: 'unavailable', kind: 'Pod', hint: 'forbidden' }]);
		expect(indexed(state, 'rs-a')).toEqual([]);
		applySourceEvents(state, [{ type: 'sync', kind: 'Pod', objects: [pod('p1', 'rs-a')] }]);
		resetClusterState(state, 0);
		expect(indexed(state, 'rs-a')).toEqual([]);
		applySourceEvents(state, [{ type: 'upsert', object: pod('p9', 'rs-a') }]);
		expect(indexed(state, 'rs-a')).toEqual(['p9:Running']);
	});
});
