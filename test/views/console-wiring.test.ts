// How the console wires its sources: demands go to the current source's services, and nothing of a
// previous cluster survives a switch.
import '../helpers/live-frames';
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import type { Console, Sources } from '../../source/cli/console';
import type { ClusterSource } from '../../source/domain/source';
import { noMetrics } from '../../source/sources/no-metrics';
import { createSimulator, loadScenario } from '../../source/sources/simulator';
import { simulatorSources, testConsole } from '../helpers/session';

let running: Console | undefined;
afterEach(() => running?.stop());

const deployment = { kind: 'Deployment', metadata: { name: 'api', namespace: 'ns' }, spec: { replicas: 1 } };

/** A live-looking source with one Deployment whose access reviews all answer `denial` ('never': no answer). */
function liveSources(label: string, denial: string | null | 'never'): Sources & { reviews: string[] } {
	const reviews: string[] = [];
	const cluster: ClusterSource = {
		kind: 'live',
		label,
		start: (emit) => emit([{ type: 'sync', kind: 'Deployment', objects: [deployment as never] }]),
		stop: () => {},
		patch: async () => ({ status: 200, body: {} }),
		canI: async (verb, resource, _ns, subresource) => {
			reviews.push(`${verb} ${resource}${subresource ? `/${subresource}` : ''}`);
			return denial === 'never' ? new Promise<never>(() => {}) : denial;
		},
	};
	return { cluster, metrics: noMetrics('none'), reviews };
}

const until = async (test: () => boolean) => {
	for (let i = 0; i < 500 && !test(); i++) await new Promise((resolve) => setImmediate(resolve));
	expect(test()).toBe(true);
};

describe('console wiring', () => {
	it('the first frame already shows what the sources emitted as they started', () => {
		const sim = createSimulator(loadScenario('default'), { seed: 1, speed: 0 });
		running = testConsole(simulatorSources(sim), { coalesce: true });
		const { lastFrame, unmount } = render(running.element);
		expect(lastFrame()).toContain('llama-3-1-8b-chat');
		unmount();
	});

	it('asks the source about the selected workload and keeps the answers in the store; :ctx forgets them', async () => {
		const first = liveSources('ctx-a', 'forbidden: nope');
		// The new cluster has not answered yet: the old cluster's answers must not stand in for it.
		const second = liveSources('ctx-b', 'never');
		running = testConsole(first, { switchers: { context: () => second } });
		await until(() => running!.controller.keyContext().actionBlocked('scale') === 'forbidden: nope');
		expect(first.reviews).toEqual(expect.arrayContaining(['patch deployments/scale', 'patch deployments']));
		running.controller.run('app.command');
		running.controller.handleKey(':ctx ctx-b'.slice(1), {});
		running.controller.handleKey('', { return: true });
		await until(() => second.reviews.length > 0);
		expect(running.store.getSnapshot().permissions.size).toBe(0);
		expect(running.controller.keyContext().actionBlocked('scale')).toBeNull();
	});
});
