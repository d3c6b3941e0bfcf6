// How a load balancer splits one version's traffic over its Ready replicas. In steady state:
// round-robin gives every replica the same share whatever its speed; least-request sends each
// request to the replica with the fewest in flight, which by Little's law (in flight = rate ×
// latency) gives each a share proportional to how fast it really serves; weighted uses static
// weights from each replica's nominal capacity (GPUs × its version's rate), blind to a replica
// that runs slower than its size says.

export const LB_POLICIES = ['round-robin', 'least-request', 'weighted'] as const;
export type LbPolicy = (typeof LB_POLICIES)[number];

export const LB_DESCRIPTIONS: Record<LbPolicy, string> = {
	'round-robin': 'every replica the same share: a slow replica overloads first',
	'least-request': 'fewest requests in flight: shares follow real speed, a slow replica is shielded',
	weighted: 'static weights by nominal capacity (GPUs × rate): blind to a slow replica',
};

export function parseLbPolicy(text: string): LbPolicy | { error: string } {
	const policy = LB_POLICIES.find((p) => p === text.trim().toLowerCase());
	return policy ?? { error: `unknown load-balancing policy '${text}' (expected ${LB_POLICIES.join(', ')})` };
}

export interface ReplicaCapacity {
	/** Requests per second it can really serve. */
	actual: number;
	/** What its size says it serves (GPUs × the version's rate). */
	nominal: number;
}

/** Relative shares (not normalised) of each replica under `policy`. */
export function lbWeights(policy: LbPolicy, replicas: ReplicaCapacity[]): number[] {
	switch (policy) {
		case 'round-robin':
			return replicas.map(() => 1);
		case 'least-request':
			return replicas.map((r) => r.actual);
		case 'weighted':
			return replicas.map((r) => r.nominal);
	}
}
