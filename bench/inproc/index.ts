// The in-process benchmarks, bundled and loaded by bench/run.mjs.
import { writeFileSync } from 'node:fs';
import { generateScenario, type GenerateOptions } from '../../source/sources/simulator';

export { kubernetesFigures, prometheusFigures } from './api-cost';
export { keyLatencyFigures } from './key-latency';
export { liveScaleFigures } from './live-scale';
export { logRateFigures } from './log-rate';
export { outputRateFigures } from './output-rate';
export { recordingFigures } from './recording-size';

/** A generated cluster as a scenario file, for the CLI's `--scenario PATH`. */
export function writeGeneratedScenario(path: string, options: GenerateOptions): void {
	writeFileSync(path, JSON.stringify(generateScenario(options)));
}
