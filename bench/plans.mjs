// Sizes and durations of a run. The full plan takes about twelve minutes on 2 cores (the Kubernetes
// steady-state window alone is five and a half); --quick is a
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
	// Longer than the live source's watch timeout (300 s), so the watches' re-opens are counted.
	k8sSteadySeconds: 330,
	prometheus: true,
	// 10,000 pods in 100 workloads served over the Kubernetes API from a process of their own.
	recordingMinutes: 10,
	live: { cluster: { replicas: 10000, workloads: 100 }, presses: 40, warmupPresses: 6, burstSeconds: 20, idle: { seconds: 30, settleSeconds: 5 } },
	// Lines per second over the logs of one workload's pods; keys are timed at the higher rate.
	logs: { rates: [100, 1000], keyRate: 1000, seconds: 15, presses: 40, warmupPresses: 6 },
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
	recordingMinutes: 1,
	live: { cluster: { replicas: 40, workloads: 4 }, presses: 4, warmupPresses: 1, burstSeconds: 1, idle: { seconds: 1, settleSeconds: 0.5 } },
	logs: { rates: [100, 1000], keyRate: 1000, seconds: 1, presses: 4, warmupPresses: 1 },
};
