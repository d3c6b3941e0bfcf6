// The config example in the README is valid as written.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { parseConfig } from '../../source/config';
import { packageRoot } from '../../source/package-root';

it('the README config example parses, with the values it shows', () => {
	const readme = readFileSync(join(packageRoot(), 'README.md'), 'utf8');
	const example = /The config file \(YAML[^\n]*\n\n```yaml\n([\s\S]*?)```/.exec(readme)?.[1];
	expect(example, 'README config example').toBeDefined();
	const config = parseConfig(example!, 'README.md');
	expect(config.refreshIntervalMs).toBe(5000);
	expect(config.prometheus.url).toBe('https://prometheus.example.com');
	expect(config.prometheus.presets).toEqual(['dcgm', 'vllm']);
	expect(config.workloads['llm-serving/llama-3-1-8b-chat'].presets).toEqual(['dcgm', 'vllm']);
	expect(config.thresholds.p99).toEqual({ warn: 1500, error: 3000 });
});
