import { it } from 'vitest';
import { createSimulator, generateScenario } from '../../source/sources/simulator';
it('perf', () => {
	const sim = createSimulator(generateScenario({ workloads: 200, replicas: 5000 }), { seed: 1 });
	sim.advance(600_000);
	const t = performance.now();
	sim.advance(30_000);
	console.log('steady tick ms avg', ((performance.now() - t) / 30).toFixed(1));
	const store = sim.store as any;
	const rv0 = store.resourceVersion; sim.advance(10_000); console.log('writes per tick', (store.resourceVersion - rv0) / 10);
}, 300_000);
