// The JSON schema of config.yaml. `x-expected` says, in words, what a field must hold: it is what a
// validation error shows.
import { METRIC_IDS } from '../domain/metrics';
import { PRESET_NAMES } from '../sources/prometheus/presets';
import { THRESHOLD_METRICS } from './defaults';

// Its grammar (Go's) is checked when the file is read: a JSON schema pattern cannot say it.
export const DURATION_EXPECTED = 'a duration such as 500ms, 2s or 1m';
const duration = { type: 'string', 'x-expected': DURATION_EXPECTED };
const promDuration = { type: 'string', pattern: '^[0-9]+(ms|s|m|h|d)$', 'x-expected': 'a PromQL duration such as 30s, 1m or 5m' };
const presetList = {
	type: 'array',
	items: { type: 'string', enum: [...PRESET_NAMES] },
	minItems: 1,
	'x-expected': `a list of presets from ${PRESET_NAMES.join(', ')}`,
};
const threshold = {
	type: 'object',
	additionalProperties: false,
	required: ['warn', 'error'],
	properties: {
		warn: { type: 'number', minimum: 0 },
		error: { type: 'number', minimum: 0 },
	},
};
// Checked field by field by domain/verdict-spec.ts, which also reads the workload annotation.
const verdict = { type: 'object', 'x-expected': 'a mapping with threshold, minRequestRate and/or checks' };
const presetQueries = {
	type: 'object',
	additionalProperties: false,
	properties: Object.fromEntries([...METRIC_IDS, 'gpus'].map((key) => [key, { type: 'string', minLength: 1, 'x-expected': 'a PromQL query' }])),
};

export const CONFIG_SCHEMA = {
	type: 'object',
	additionalProperties: false,
	properties: {
		refreshInterval: duration,
		prometheus: {
			type: 'object',
			additionalProperties: false,
			properties: {
				url: { type: 'string', pattern: '^https?://', 'x-expected': 'an http:// or https:// URL' },
				service: {
					type: 'string',
					pattern: '^[a-z0-9-]+/[a-z0-9-]+:[a-z0-9-]+$',
					'x-expected': 'namespace/service:port, e.g. monitoring/prometheus-k8s:9090',
				},
				caFile: { type: 'string', minLength: 1 },
				insecure: { type: 'boolean' },
				window: promDuration,
				presets: presetList,
				queries: {
					type: 'object',
					additionalProperties: false,
					properties: Object.fromEntries(PRESET_NAMES.map((name) => [name, presetQueries])),
				},
			},
		},
		workloads: {
			type: 'object',
			propertyNames: { pattern: '^[a-z0-9-]+/[a-z0-9.-]+$', 'x-expected': 'workload keys as namespace/name' },
			additionalProperties: {
				type: 'object',
				additionalProperties: false,
				properties: { presets: presetList, verdict },
			},
		},
		verdict,
		thresholds: {
			type: 'object',
			additionalProperties: false,
			properties: Object.fromEntries(THRESHOLD_METRICS.map((metric) => [metric, threshold])),
		},
		logs: {
			type: 'object',
			additionalProperties: false,
			properties: {
				bufferLines: { type: 'integer', minimum: 100, maximum: 100000, 'x-expected': 'a whole number of lines from 100 to 100000' },
				tailLines: { type: 'integer', minimum: 0, maximum: 10000, 'x-expected': 'a whole number of lines from 0 to 10000' },
			},
		},
	},
} as const;

/** The file as written, after validation. */
export interface ConfigFile {
	refreshInterval?: string;
	prometheus?: {
		url?: string;
		service?: string;
		caFile?: string;
		insecure?: boolean;
		window?: string;
		presets?: string[];
		queries?: Record<string, Record<string, string>>;
	};
	workloads?: Record<string, { presets?: string[]; verdict?: object }>;
	thresholds?: Record<string, { warn: number; error: number }>;
	verdict?: object;
	logs?: { bufferLines?: number; tailLines?: number };
}
