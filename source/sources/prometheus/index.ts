// Per-replica metrics from Prometheus (DESIGN §6).
export { authFromEnv, PASSWORD_ENV, TOKEN_ENV, USER_ENV, type PrometheusAuth } from './auth-env';
export { PrometheusClient, type PrometheusConnection } from './client';
export { parseServiceRef, type ServiceRef } from './service-ref';
export { PrometheusError } from './errors';
export {
	isPresetName,
	METRICS_PRESET_ANNOTATION,
	parsePresetList,
	PRESET_NAMES,
	PRESETS,
	presetFreshnessQuery,
	presetQueries,
	resolveWorkloadPresets,
	type PresetName,
	type PresetQueries,
	type QueryKey,
	type QueryOverrides,
} from './presets';
export { createPrometheusSource, type PrometheusSource, type PrometheusSourceOptions } from './source';
