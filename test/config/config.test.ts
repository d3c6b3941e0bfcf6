import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_CONFIG, defaultConfigPath, loadConfig, parseConfig } from '../../source/config';

const FILE = '/home/op/.config/rolltop/config.yaml';

const EXAMPLE = `
refreshInterval: 5s
prometheus:
  service: monitoring/prometheus-k8s:9090
  window: 2m
  presets: [dcgm, vllm]
  queries:
    vllm:
      ttft: histogram_quantile(0.9, sum by (namespace, pod, le) (rate(vllm:time_to_first_token_seconds_bucket[$window]))) * 1000
workloads:
  llm/llama-3-70b:
    presets: [dcgm, triton]
thresholds:
  p99: { warn: 800, error: 1500 }
`;

function errorOf(text: string): string {
	try {
		parseConfig(text, FILE);
	} catch (error) {
		expect(error).toBeInstanceOf(ConfigError);
		return (error as Error).message;
	}
	throw new Error('expected a ConfigError');
}

describe('parseConfig', () => {
	it('overlays the file on the defaults', () => {
		const config = parseConfig(EXAMPLE, FILE);
		expect(config.refreshIntervalMs).toBe(5000);
		expect(config.prometheus).toEqual({
			url: undefined,
			service: { namespace: 'monitoring', name: 'prometheus-k8s', port: '9090' },
			caFile: undefined,
			insecure: false,
			window: '2m',
			presets: ['dcgm', 'vllm'],
			queries: { vllm: { ttft: expect.stringContaining('[$window]') } },
		});
		expect(config.workloads).toEqual({ 'llm/llama-3-70b': { presets: ['dcgm', 'triton'] } });
		expect(config.thresholds.p99).toEqual({ warn: 800, error: 1500 });
		expect(config.thresholds.gpuTemp).toEqual(DEFAULT_CONFIG.thresholds.gpuTemp);
		expect(config.file).toBe(FILE);
	});

	it.each([
		['1h30m', 5_400_000],
		['2m3.5s', 123_500],
		['1.5s', 1500],
	])('reads refreshInterval %s as Go does: %d ms', (text, ms) => {
		expect(parseConfig(`refreshInterval: ${text}\n`, FILE).refreshIntervalMs).toBe(ms);
	});

	it('reads the verdict: global checks, and a workload that overrides the threshold and its checks', () => {
		const config = parseConfig(
			['verdict: { threshold: 3, checks: { p99: { tolerance: "10%" }, errorRate: { max: 2 } } }', 'workloads:', '  llm/chat: { verdict: { checks: { itl: { tolerance: 0.5, max: 80 } } } }'].join('\n'),
			FILE,
		);
		expect(config.verdict.defaults).toEqual({
			threshold: 3,
			minRequestRate: DEFAULT_CONFIG.verdict.defaults.minRequestRate,
			checks: [{ metric: 'p99', tolerance: 0.1 }, { metric: 'errorRate', max: 2 }],
		});
		expect(config.verdict.workloads['llm/chat']).toEqual({ ...config.verdict.defaults, checks: [{ metric: 'itl', tolerance: 0.5, max: 80 }] });
	});

	it('treats an empty file as the defaults', () => {
		expect(parseConfig('', FILE)).toEqual({ ...DEFAULT_CONFIG, file: FILE });
	});

	it.each([
		['refreshInterval: fast', `${FILE}: refreshInterval: expected a duration such as 500ms, 2s or 1m`],
		['refreshInterval: 10ms', `${FILE}: refreshInterval: expected at least 250ms (got 10ms)`],
		['refreshInterval: 5d', `${FILE}: refreshInterval: expected a duration such as 500ms, 2s or 1m (unknown unit "d" in duration "5d")`],
		['refreshInterval: "2"', `${FILE}: refreshInterval: expected a duration such as 500ms, 2s or 1m (missing unit in duration "2")`],
		['refreshInterval: 2', `${FILE}: refreshInterval: expected a duration such as 500ms, 2s or 1m`],
		['prometheus: { url: prometheus:9090 }', `${FILE}: prometheus.url: expected an http:// or https:// URL`],
		['prometheus: { service: prometheus }', `${FILE}: prometheus.service: expected namespace/service:port, e.g. monitoring/prometheus-k8s:9090`],
		['prometheus: { presets: [dcgm, vlm] }', `${FILE}: prometheus.presets[1]: expected one of dcgm, vllm, triton, tgi, http`],
		['prometheus: { insecure: "yes" }', `${FILE}: prometheus.insecure: expected a boolean`],
		['prometheus: { window: 1 minute }', `${FILE}: prometheus.window: expected a PromQL duration such as 30s, 1m or 5m`],
		['prometheus: { url: "http://a", service: "m/p:9090" }', `${FILE}: prometheus: expected either url or service, not both`],
		['prometheus: { queries: { vllm: { p95: "x" } } }', `${FILE}: prometheus.queries.vllm.p95: unknown field (expected one of gpuUtil, gpuMemUsed, gpuMemTotal, gpuTemp, gpuPower, p50, p99, ttft, rps, errorRate, kvCache, queue, itl, gpus)`],
		['thresholds: { p99: { warn: 900 } }', `${FILE}: thresholds.p99.error: missing (expected a number)`],
		['thresholds: { p99: { warn: 900, error: 100 } }', `${FILE}: thresholds.p99.warn: expected at most thresholds.p99.error (100)`],
		['thresholds: { gpuUtil: { warn: -1, error: 5 } }', `${FILE}: thresholds.gpuUtil.warn: expected a number >= 0`],
		['workloads: { "Bad Key": {} }', `${FILE}: workloads.Bad Key: expected workload keys as namespace/name`],
		['colour: red', `${FILE}: colour: unknown field (expected one of refreshInterval, prometheus, workloads, verdict, thresholds, logs)`],
		['verdict: { threshold: 0 }', `${FILE}: verdict.threshold: expected a whole number >= 1`],
		['verdict: { checks: { p95: { max: 1 } } }', `${FILE}: verdict.checks.p95: unknown field (expected one of gpuUtil, gpuMemUsed, gpuMemTotal, gpuTemp, gpuPower, p50, p99, ttft, rps, errorRate, kvCache, queue, itl)`],
		['verdict: { checks: { p99: { tolerance: lots } } }', `${FILE}: verdict.checks.p99.tolerance: expected a fraction such as 0.2 or a percentage such as "20%"`],
		['verdict: { checks: { p99: {} } }', `${FILE}: verdict.checks.p99: expected at least one of min, max, tolerance`],
		['verdict: { checks: { errorRate: { min: 5, max: 1 } } }', `${FILE}: verdict.checks.errorRate.min: expected at most max (1)`],
		['verdict: 3', `${FILE}: verdict: expected a mapping with threshold, minRequestRate and/or checks`],
		['workloads: { llm/chat: { verdict: { minRequestRate: -1 } } }', `${FILE}: workloads.llm/chat.verdict.minRequestRate: expected a number >= 0`],
		['- just\n- a list', `${FILE}: (top level): expected a mapping`],
		['prometheus: [unclosed', `${FILE}: invalid YAML: `],
	])('rejects %j with one line naming the field', (text, message) => {
		const actual = errorOf(text);
		expect(actual.slice(0, message.length)).toBe(message);
		expect(actual).not.toContain('\n');
	});
});

describe('loadConfig', () => {
	let dir: string | undefined;
	afterEach(() => {
		if (dir) rmSync(dir, { recursive: true, force: true });
		dir = undefined;
	});

	it('looks in $XDG_CONFIG_HOME first, else ~/.config', () => {
		expect(defaultConfigPath({ XDG_CONFIG_HOME: '/xdg' }, '/home/op')).toBe('/xdg/rolltop/config.yaml');
		expect(defaultConfigPath({}, '/home/op')).toBe('/home/op/.config/rolltop/config.yaml');
	});

	it('reads the file from the XDG location, and uses the defaults when there is none', () => {
		dir = mkdtempSync(join(tmpdir(), 'rolltop-config-'));
		expect(loadConfig({ env: { XDG_CONFIG_HOME: dir }, home: dir })).toBe(DEFAULT_CONFIG);
		mkdirSync(join(dir, 'rolltop'));
		writeFileSync(join(dir, 'rolltop', 'config.yaml'), 'refreshInterval: 1s\n');
		const config = loadConfig({ env: { XDG_CONFIG_HOME: dir }, home: '/nonexistent' });
		expect(config.refreshIntervalMs).toBe(1000);
		expect(config.file).toBe(join(dir, 'rolltop', 'config.yaml'));
	});

	it('requires an explicitly named file to exist', () => {
		expect(() => loadConfig({ path: '/nonexistent/rolltop.yaml' })).toThrow('/nonexistent/rolltop.yaml: file not found');
	});
});
