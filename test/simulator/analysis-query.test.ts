// The PromQL shapes the simulator answers from its model, and the errors for what it does not.
import { describe, expect, it } from 'vitest';
import { answerQuery, QueryError, type ReplicaSeries } from '../../source/sources/simulator/analysis-query';

const replica = (pod: string, hash: string, values: ReplicaSeries['values']): ReplicaSeries => ({
	labels: { namespace: 'llm-serving', pod, rollouts_pod_template_hash: hash, app: 'chat' },
	values,
});
const series = [
	replica('chat-aaa-1', 'aaa', { p50: 1000, p99: 4000, rps: 10, errorRate: 1, gpuUtil: 50 }),
	replica('chat-aaa-2', 'aaa', { p50: 2000, p99: 8000, rps: 30, errorRate: 3, gpuUtil: 70 }),
	replica('chat-bbb-1', 'bbb', { p50: 500, p99: 1000, rps: 20, errorRate: 0, gpuUtil: 40 }),
];
const canary = 'namespace="llm-serving", rollouts_pod_template_hash="aaa"';

describe('queries the simulator answers', () => {
	it.each<[string, number[]]>([
		// p99 of the merged histogram ≈ request-weighted mean of the replicas' p99 (seconds).
		[`histogram_quantile(0.99, sum by (le) (rate(vllm:e2e_request_latency_seconds_bucket{${canary}}[1m])))`, [(4 * 10 + 8 * 30) / 40]],
		[`histogram_quantile(0.5, sum(rate(vllm:e2e_request_latency_seconds_bucket{${canary}}[2m])) by (le)) * 1000`, [(1000 * 10 + 2000 * 30) / 40]],
		[`histogram_quantile(0.99, sum by (pod, le) (rate(vllm:e2e_request_latency_seconds_bucket{${canary}}[1m])))`, [4, 8]],
		[`sum(rate(vllm:request_success_total{${canary}, finished_reason=~"error|abort"}[1m])) / sum(rate(vllm:request_success_total{${canary}}[1m]))`, [(0.1 + 0.9) / 40]],
		[`sum(rate(vllm:request_success_total{${canary}}[1m]))`, [40]],
		[`avg(DCGM_FI_DEV_GPU_UTIL{${canary}})`, [60]],
		[`max(DCGM_FI_DEV_GPU_UTIL{pod=~"chat-.*"})`, [70]],
		[`avg(DCGM_FI_DEV_GPU_UTIL{${canary}, pod!~".*-2"})`, [50]],
		[`sum(rate(vllm:request_success_total{rollouts_pod_template_hash="zzz"}[1m]))`, []],
	])('%s', (query, expected) => {
		const values = answerQuery(query, series);
		expect(values).toHaveLength(expected.length);
		values.forEach((v, i) => expect(v).toBeCloseTo(expected[i], 9));
	});

	it.each([
		['up{job="vllm"}', /does not model metric "up"/],
		['vllm:request_success_total{}', /is a counter: take its rate/],
		['topk(3, DCGM_FI_DEV_GPU_UTIL)', /query not understood by the simulator/],
		['histogram_quantile(0.99, rate(vllm:e2e_request_latency_seconds_bucket[1m]))', /histogram_quantile needs sum by \(le\)/],
		['avg(DCGM_FI_DEV_GPU_UTIL{pod=chat})', /cannot read the label matchers/],
		['avg(DCGM_FI_DEV_GPU_UTIL', /unbalanced parentheses/],
	])('%s is an error saying why', (query, message) => {
		expect(() => answerQuery(query, series)).toThrow(QueryError);
		expect(() => answerQuery(query, series)).toThrow(message);
	});
});
