// How fast a recording grows: the default scenario recorded (as `rolltop record` does, the clock
// advanced a second at a time) for a number of simulated minutes; bytes written per minute.
import { Recorder } from '../../source/sources/replay';
import { createSimulator, loadScenario } from '../../source/sources/simulator';
import type { Figure } from './figure';

/** DESIGN §5d / the recording issue: "at most a few hundred KB per simulated minute". */
const BUDGET_KB_PER_MINUTE = 300;

export function recordingFigures(minutes: number): Figure[] {
	const sim = createSimulator(loadScenario('default'), { seed: 1, speed: 0 });
	let bytes = 0;
	const recorder = new Recorder((line) => (bytes += Buffer.byteLength(line) + 1));
	const cluster = recorder.cluster(sim);
	const metrics = recorder.metrics(sim.metrics);
	cluster.start(() => {});
	metrics.start(() => {});
	for (let second = 0; second < minutes * 60; second++) sim.advance(1000);
	metrics.stop();
	cluster.stop();
	return [{ name: 'recording.kb_per_sim_minute', value: Math.round(bytes / 1024 / minutes), unit: 'KB', budget: BUDGET_KB_PER_MINUTE, note: `default scenario, ${minutes} simulated min` }];
}
