// `rolltop sim serve`: flags → options.
import { numberFlag, type Flags } from './flags';
import { runSimServe } from './sim-serve';

export async function serveFromFlags(flags: Flags): Promise<void> {
	await runSimServe({
		listen: flags.listen ?? '127.0.0.1:8443',
		kubeconfigOut: flags.kubeconfigOut,
		scenario: flags.scenario,
		seed: numberFlag('seed', flags.seed, 1, 0, 2 ** 31 - 1, true),
		speed: numberFlag('speed', flags.speed, 1, 0, 100),
	});
}
