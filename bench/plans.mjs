// Sizes and durations of a run. The full plan takes about three minutes on 2 cores; --quick is a
// seconds-long smoke run with tiny sizes that exercises every path but measures nothing useful.
export const FULL = {
	firstFrameRuns: 7,
	// 25 replicas per workload throughout, as in the 5,000 replicas / 200 workloads budget.
	keyLatency: [
		{ replicas: 100, workloads: 4 },
		{ replicas: 1000, workloads: 40 },
		{ replicas: 5000, workloads: 200 },
	],
	keyPresses: 60,
	keyWarmupPresses: 6,
	outputSeconds: 15,
	idle: { seconds: 30, settleSeconds: 5, large: { replicas: 5000, workloads: 200 } },
	apiSmall: { replicas: 10, workloads: 2 },
	apiLarge: { replicas: 1000, workloads: 40 },
	k8sSteadySeconds: 30,
	prometheus: true,
};

export const QUICK = {
	firstFrameRuns: 1,
	keyLatency: [{ replicas: 20, workloads: 2 }],
	keyPresses: 4,
	keyWarmupPresses: 1,
	outputSeconds: 1.5,
	idle: { seconds: 1.5, settleSeconds: 0.5, large: { replicas: 40, workloads: 4 } },
	apiSmall: { replicas: 4, workloads: 1 },
	apiLarge: { replicas: 20, workloads: 2 },
	k8sSteadySeconds: 1,
	// A real Prometheus needs ~10 s to start and scrape: too slow for a smoke run.
	prometheus: false,
};
