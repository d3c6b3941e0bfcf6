import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_CONFIG, defaultConfigPath, loadConfig, parseConfig, parseDuration } from '../../source/config';

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

	it('treats an empty file as the defaults', () => {
		expect(parseConfig('', FILE)).toEqual({ ...DEFAULT_CONFIG, file: FILE });
	});

	it.each([
		['refreshInterval: fast', `${FILE}: refreshInterval: expected a duration such as 500ms, 2s or 1m`],
		['refreshInterval: 10ms', `${FILE}: refreshInterval: expected at least 250ms (got 10ms)`],
		['prometheus: { url: prometheus:9090 }', `${FILE}: prometheus.url: expected an http:// or https:// URL`],
		['prometheus: { service: prometheus }', `${FILE}: prometheus.service: expected namespace/service:port, e.g. monitoring/prometheus-k8s:9090`],
		['prometheus: { presets: [dcgm, vlm] }', `${FILE}: prometheus.presets[1]: expected one of dcgm, vllm, triton, tgi, http`],
		['prometheus: { insecure: "yes" }', `${FILE}: prometheus.insecure: expected a boolean`],
		['prometheus: { window: 1 minute }', `${FILE}: prometheus.window: expected a PromQL duration such as 30s, 1m or 5m`],
		['prometheus: { url: "http://a", service: "m/p:9090" }', `${FILE}: prometheus: expected either url or service, not both`],
		['prometheus: { queries: { vllm: { p95: "x" } } }', `${FILE}: prometheus.queries.vllm.p95: unknown field (expected one of gpuUtil, gpuMemUsed, gpuMemTotal, gpuTemp, gpuPower, p50, p99, ttft, rps, errorRate, gpus)`],
		['thresholds: { p99: { warn: 900 } }', `${FILE}: thresholds.p99.error: missing (expected a number)`],
		['thresholds: { p99: { warn: 900, error: 100 } }', `${FILE}: thresholds.p99.warn: expected at most thresholds.p99.error (100)`],
		['thresholds: { gpuUtil: { warn: -1, error: 5 } }', `${FILE}: thresholds.gpuUtil.warn: expected a number >= 0`],
		['workloads: { "Bad Key": {} }', `${FILE}: workloads.Bad Key: expected workload keys as namespace/name`],
		['colour: red', `${FILE}: colour: unknown field (expected one of refreshInterval, prometheus, workloads, thresholds, logs)`],
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

describe('parseDuration', () => {
	it.each([
		['500ms', 500],
		['2s', 2000],
		['1.5m', 90_000],
		['1h', 3_600_000],
		['2', undefined],
		['s', undefined],
	])('%s → %s', (text, ms) => expect(parseDuration(text)).toBe(ms));
});
