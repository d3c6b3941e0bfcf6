// Finds, reads and validates config.yaml; the result is the defaults overlaid with the file.
import { InputError } from '../domain/input-error';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { parseServiceRef } from '../sources/prometheus/service-ref';
import type { PresetName, QueryOverrides } from '../sources/prometheus/presets';
import { DEFAULT_CONFIG, THRESHOLD_METRICS, type Config, type Threshold, type ThresholdMetric } from './defaults';
import { parseGoDuration } from '../domain/duration';
import { DURATION_EXPECTED, type ConfigFile } from './schema';
import { describeInvalid } from './validate';
import { readVerdictSpec, type VerdictConfig, type VerdictSpec } from '../domain/verdict-spec';

/** A config problem as one line that names the file and the field. */
export class ConfigError extends InputError {
	constructor(
		readonly file: string,
		detail: string,
	) {
		super(`${file}: ${detail}`);
		this.name = 'ConfigError';
	}
}

/** `$XDG_CONFIG_HOME/rolltop/config.yaml`, else `~/.config/rolltop/config.yaml`. */
export function defaultConfigPath(env: NodeJS.ProcessEnv = process.env, home: string = homedir()): string {
	const base = env.XDG_CONFIG_HOME?.trim() ? env.XDG_CONFIG_HOME : join(home, '.config');
	return join(base, 'rolltop', 'config.yaml');
}

export interface LoadConfigOptions {
	/** An explicit file (`--config`): it must exist. */
	path?: string;
	env?: NodeJS.ProcessEnv;
	home?: string;
}

export function loadConfig(options: LoadConfigOptions = {}): Config {
	const file = options.path ?? defaultConfigPath(options.env, options.home);
	if (!existsSync(file)) {
		if (options.path) throw new ConfigError(file, 'file not found');
		return DEFAULT_CONFIG;
	}
	let text: string;
	try {
		text = readFileSync(file, 'utf8');
	} catch (error) {
		throw new ConfigError(file, `cannot read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
	}
	return parseConfig(text, file);
}

/** Parses and validates config text; `file` names it in errors. */
export function parseConfig(text: string, file: string): Config {
	let content: unknown;
	try {
		content = parseYaml(text) ?? {};
	} catch (error) {
		const firstLine = (error as Error).message.split('\n')[0];
		throw new ConfigError(file, `invalid YAML: ${firstLine}`);
	}
	const problem = describeInvalid(content);
	if (problem) throw new ConfigError(file, problem);
	return { ...fromFile(content as ConfigFile, file), file };
}

function fromFile(raw: ConfigFile, file: string): Config {
	const prom = raw.prometheus ?? {};
	if (prom.url && prom.service) throw new ConfigError(file, 'prometheus: expected either url or service, not both');
	const thresholds = { ...DEFAULT_CONFIG.thresholds };
	for (const metric of THRESHOLD_METRICS) {
		const given = raw.thresholds?.[metric];
		if (given) thresholds[metric] = checkThreshold(file, metric, given);
	}
	return {
		refreshIntervalMs: raw.refreshInterval ? refreshInterval(file, raw.refreshInterval) : DEFAULT_CONFIG.refreshIntervalMs,
		prometheus: {
			url: prom.url,
			service: prom.service ? parseServiceRef(prom.service) : undefined,
			caFile: prom.caFile,
			insecure: prom.insecure ?? false,
			window: prom.window ?? DEFAULT_CONFIG.prometheus.window,
			presets: prom.presets as PresetName[] | undefined,
			queries: (prom.queries ?? {}) as QueryOverrides,
		},
		workloads: Object.fromEntries(
			Object.entries(raw.workloads ?? {}).map(([key, w]) => [key, { presets: w.presets as PresetName[] | undefined }]),
		),
		thresholds,
		verdict: verdictConfig(file, raw),
		logs: { ...DEFAULT_CONFIG.logs, ...raw.logs },
	};
}

function verdictConfig(file: string, raw: ConfigFile): VerdictConfig {
	const read = (given: object | undefined, field: string, base: VerdictSpec): VerdictSpec => {
		if (given === undefined) return base;
		const spec = readVerdictSpec(given, base);
		if (!spec.ok) throw new ConfigError(file, `${field}.${spec.problem}`);
		return spec.value;
	};
	const defaults = read(raw.verdict, 'verdict', DEFAULT_CONFIG.verdict.defaults);
	const workloads: Record<string, VerdictSpec> = {};
	for (const [key, w] of Object.entries(raw.workloads ?? {})) {
		if (w.verdict) workloads[key] = read(w.verdict, `workloads.${key}.verdict`, defaults);
	}
	return { defaults, workloads };
}

function refreshInterval(file: string, text: string): number {
	const parsed = parseGoDuration(text);
	if (!parsed.ok) throw new ConfigError(file, `refreshInterval: expected ${DURATION_EXPECTED} (${parsed.error})`);
	const { ms } = parsed;
	// Faster than this would turn every refresh into load on Prometheus for no visible gain.
	if (ms < 250) throw new ConfigError(file, `refreshInterval: expected at least 250ms (got ${text})`);
	return ms;
}

function checkThreshold(file: string, metric: ThresholdMetric, given: Threshold): Threshold {
	if (given.warn > given.error) {
		throw new ConfigError(file, `thresholds.${metric}.warn: expected at most thresholds.${metric}.error (${given.error})`);
	}
	return { warn: given.warn, error: given.error };
}
