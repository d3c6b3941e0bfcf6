// `rolltop record --sim --for DUR FILE`: a recording of the simulator made without a terminal, as
// fast as the machine runs it (the simulated clock is advanced a second at a time, as it ticks live).
import { createSimulator, loadScenario } from '../sources/simulator';
import { EXIT } from '../headless/status-outcome';
import { parseCommandLine, positionalsAtMost, printUsage, tryHelp } from './command-line';
import { durationFlag } from './headless-output';
import { numberFlag } from './flags';
import { openRecording } from './record-wiring';
import { UsageError } from './usage-error';

export const RECORD_HELP = `
  Usage
    $ rolltop record --sim [--scenario NAME|PATH] [--seed N] --for DUR FILE

  Runs the simulator for DUR of simulated time (e.g. 90s, 10m) as fast as it can and writes
  what the console would have received to FILE (NDJSON). Play it with: rolltop replay FILE

  Options
    --sim                  record the embedded simulator (the only source record runs without a terminal)
    --scenario NAME|PATH   simulator scenario (default: default)
    --seed N               simulator random seed (default: 1)
    --for DUR              how much simulated time to record
    --debug                stack traces on internal errors
    -h, --help             this text
`;

const STEP_MS = 1000;

export async function recordCommand(argv: string[]): Promise<number> {
	const { values, positionals } = parseCommandLine('record', argv, {
		sim: { type: 'boolean' },
		scenario: { type: 'string' },
		seed: { type: 'string' },
		for: { type: 'string' },
		debug: { type: 'boolean' },
		help: { type: 'boolean', short: 'h' },
	});
	if (values.help) {
		printUsage(RECORD_HELP);
		return EXIT.healthy;
	}
	const [file] = positionalsAtMost('record', positionals, 1);
	if (!values.sim) throw new UsageError(`record runs the simulator: give --sim ${tryHelp('record')}`);
	const forMs = durationFlag('for', values.for);
	if (forMs === undefined) throw new UsageError(`record needs --for DUR, e.g. --for 10m ${tryHelp('record')}`);
	if (!file) throw new UsageError(`record needs the FILE to write ${tryHelp('record')}`);
	const seed = numberFlag('seed', values.seed, 1, 0, 2 ** 31 - 1, true);
	const sim = createSimulator(loadScenario(values.scenario ?? 'default'), { seed, speed: 0 });
	const recording = openRecording(file);
	const sources = recording.wrap({ cluster: sim, metrics: sim.metrics, simulator: sim });
	sources.cluster.start(() => {});
	sources.metrics.start(() => {});
	for (let elapsed = 0; elapsed < forMs; elapsed += STEP_MS) sim.advance(Math.min(STEP_MS, forMs - elapsed));
	sources.metrics.stop();
	sources.cluster.stop();
	recording.close();
	return EXIT.healthy;
}
