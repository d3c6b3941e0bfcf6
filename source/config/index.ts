// rolltop's config file (`$XDG_CONFIG_HOME/rolltop/config.yaml`).
export { DEFAULT_CONFIG, THRESHOLD_METRICS, type Config, type PrometheusConfig, type Threshold, type ThresholdMetric, type WorkloadConfig } from './defaults';
export { ConfigError, defaultConfigPath, loadConfig, parseConfig, type LoadConfigOptions } from './load';
