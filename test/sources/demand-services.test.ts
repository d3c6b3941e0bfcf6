// The services that answer the store's demands: permission reviews and chart history.
import { describe, expect, it } from 'vitest';
import type { ReplicaSample } from '../../source/domain/metrics';
import type { PermissionQuestion } from '../../source/domain/permission';
import type { ClusterSource, MetricsSource } from '../../source/domain/source';
import { BACKFILL_MS, HistoryRequests } from '../../source/sources/history-requests';
import { ANSWER_TTL_MS, PermissionReviews } from '../../source/sources/permission-reviews';

const question = (resource: string): PermissionQuestion => ({ key: `${resource}//ns`, verb: 'patch', resource, namespace: 'ns' });

/** A cluster source whose access reviews the test settles by hand. */
function reviewingSource() {
	const asked: Array<{ args: unknown[]; settle: (answer: string | null) => void; fail: () => void }> = [];
	const source = {
		kind: 'live',
		label: 'test',
		start: () => {},
		stop: () => {},
		patch: async () => ({ status: 200, body: {} }),
		canI: (...args: unknown[]) =>
			new Promise<string | null>((resolve, reject) => asked.push({ args, settle: resolve, fail: () => reject(new Error('review failed')) })),
	} as unknown as ClusterSource;
	return { source, asked };
}

const settled = () => new Promise((resolve) => setImmediate(resolve));

describe('permission reviews', () => {
	it('asks each question once, delivers the answer, and asks again after the answer expires', async () => {
		const { source, asked } = reviewingSource();
		const answers: Array<[string, string | null | undefined]> = [];
		const clock = { now: 0 };
		const reviews = new PermissionReviews(source, (key, answer) => answers.push([key, answer]), () => clock.now);
		reviews.ask([question('rollouts'), question('rollouts')]);
		reviews.ask([question('rollouts')]);
		expect(asked.map((a) => a.args)).toEqual([['patch', 'rollouts', 'ns', undefined]]);
		asked[0].settle('forbidden: may not patch rollouts');
		await settled();
		expect(answers).toEqual([['rollouts//ns', 'forbidden: may not patch rollouts']]);
		clock.now = ANSWER_TTL_MS;
		reviews.ask([question('rollouts')]);
		expect(asked).toHaveLength(1);
		clock.now = ANSWER_TTL_MS + 1;
		reviews.ask([question('rollouts')]);
		expect(asked).toHaveLength(2);
	});

	it('a failed review is no answer: it is asked again, never taken as allowed', async () => {
		const { source, asked } = reviewingSource();
		const answers: Array<[string, string | null | undefined]> = [];
		const reviews = new PermissionReviews(source, (key, answer) => answers.push([key, answer]), () => 0);
		reviews.ask([question('deployments')]);
		asked[0].fail();
		await settled();
		expect(answers).toEqual([['deployments//ns', undefined]]);
		reviews.ask([question('deployments')]);
		expect(asked).toHaveLength(2);
	});

	it('drops answers that arrive after the source was stopped', async () => {
		const { source, asked } = reviewingSource();
		const answers: unknown[] = [];
		const reviews = new PermissionReviews(source, (...answer) => answers.push(answer), () => 0);
		reviews.ask([question('rollouts')]);
		reviews.stop();
		asked[0].settle(null);
		await settled();
		expect(answers).toEqual([]);
	});
});

describe('history requests', () => {
	function historySource() {
		const calls: unknown[][] = [];
		const source: MetricsSource = {
			label: 'test',
			start: () => {},
			stop: () => {},
			backfill: async (...args) => {
				calls.push(args);
				return [{ namespace: 'ns', pod: 'a', at: 1, values: { p99: 5 } }];
			},
		};
		return { source, calls };
	}
	const demand = (key: string, pods = [{ namespace: 'ns', pod: 'a' }]) => ({ key, pods: () => pods, metric: 'p99' as const, now: 1_000_000 });

	it('backfills a demand once, over the last BACKFILL_MS, and delivers the samples', async () => {
		const { source, calls } = historySource();
		const delivered: ReplicaSample[][] = [];
		const history = new HistoryRequests(source, 1000, (samples) => delivered.push(samples));
		history.want(demand('w|p99'));
		history.want(demand('w|p99'));
		await settled();
		expect(calls).toEqual([[[{ namespace: 'ns', pod: 'a' }], 'p99', 1_000_000 - BACKFILL_MS, 1_000_000, 1000]]);
		expect(delivered).toHaveLength(1);
		history.want(demand('w|rps'));
		expect(calls).toHaveLength(2);
	});

	it('waits for pods before asking, and a stopped service delivers nothing', async () => {
		const { source, calls } = historySource();
		const delivered: unknown[] = [];
		const history = new HistoryRequests(source, 1000, (samples) => delivered.push(samples));
		history.want(demand('w|p99', []));
		expect(calls).toHaveLength(0);
		history.want(demand('w|p99'));
		expect(calls).toHaveLength(1);
		history.stop();
		await settled();
		expect(delivered).toEqual([]);
	});
});
