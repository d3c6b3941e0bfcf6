// The source flags every command that reads a cluster takes (the console, status, get, record):
// their parseArgs spec, their usage text, and their checks — a value that cannot be right is an
// error whatever source is chosen, so `--sim --prometheus notaurl` does not start silently.
import { existsSync } from 'node:fs';
import { listScenarios } from '../sources/simulator';
import { parseServiceRef } from '../sources/prometheus/service-ref';
import { numberFlag } from './flags';
import type { SourceFlags } from './sources';
import { UsageError } from './usage-error';

export const SOURCE_OPTIONS = {
	sim: { type: 'boolean' },
	scenario: { type: 'string' },
	seed: { type: 'string' },
	speed: { type: 'string' },
	kubeconfig: { type: 'string' },
	context: { type: 'string' },
	namespace: { type: 'string', short: 'n' },
	'all-namespaces': { type: 'boolean', short: 'A' },
	prometheus: { type: 'string' },
	'prometheus-service': { type: 'string' },
	'prometheus-ca': { type: 'string' },
	'prometheus-insecure': { type: 'boolean' },
	config: { type: 'string' },
	debug: { type: 'boolean' },
	help: { type: 'boolean', short: 'h' },
} as const;

export const SOURCE_HELP = `  Source
    --sim                  the embedded simulated GPU cluster even when a kubeconfig exists
    --scenario NAME|PATH   simulator scenario (default: default)
    --seed N               simulator random seed (default: 1)
    --speed X              simulated seconds per real second, 0 to 100 (default: 1)
    --kubeconfig FILE      kubeconfig to use (default: $KUBECONFIG, then ~/.kube/config)
    --context NAME         kubeconfig context
    -n, --namespace NAME   namespace (default: the context's)
    -A, --all-namespaces   every namespace
    --prometheus URL       Prometheus base URL
    --prometheus-service NS/NAME:PORT   Prometheus through the API server's service proxy
    --prometheus-ca FILE   CA bundle for Prometheus' TLS certificate
    --prometheus-insecure  skip TLS verification for Prometheus
    --config FILE          config file (default: $XDG_CONFIG_HOME/rolltop/config.yaml)
    --debug                stack traces on internal errors
`;

/** Kubernetes namespace names are DNS-1123 labels. */
const NAMESPACE = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

function fileFlag(name: string, file: string | undefined): void {
	if (file !== undefined && !existsSync(file)) throw new UsageError(`--${name}: file not found: ${file}`);
}

/** Throws a one-line UsageError for any flag whose value cannot be right. */
export function checkSourceFlags(flags: SourceFlags & { config?: string }): void {
	if (flags.prometheus !== undefined) {
		let url: URL | undefined;
		try {
			url = new URL(flags.prometheus);
		} catch {
			url = undefined;
		}
		if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
			throw new UsageError(`--prometheus must be an http(s) URL (e.g. http://127.0.0.1:9091), not '${flags.prometheus}'`);
		}
	}
	if (flags.prometheusService !== undefined && !parseServiceRef(flags.prometheusService)) {
		throw new UsageError(`--prometheus-service must be NAMESPACE/SERVICE:PORT (e.g. monitoring/prometheus-k8s:9090), not '${flags.prometheusService}'`);
	}
	if (flags.prometheus !== undefined && flags.prometheusService !== undefined) throw new UsageError('--prometheus and --prometheus-service exclude each other: give one');
	if (flags.namespace !== undefined && !NAMESPACE.test(flags.namespace)) throw new UsageError(`--namespace must be a Kubernetes namespace name, not '${flags.namespace}'`);
	if (flags.namespace !== undefined && flags.allNamespaces) throw new UsageError('--namespace and --all-namespaces exclude each other: give one');
	if (flags.context !== undefined && flags.context.trim() === '') throw new UsageError('--context needs a context name');
	if (flags.scenario !== undefined && !/[\\/]|\.json$/.test(flags.scenario) && !listScenarios().includes(flags.scenario)) {
		throw new UsageError(`unknown scenario "${flags.scenario}" (available: ${listScenarios().join(', ')})`);
	}
	fileFlag('kubeconfig', flags.kubeconfig);
	fileFlag('prometheus-ca', flags.prometheusCa);
	fileFlag('config', flags.config);
}

type SourceValues = { [K in keyof typeof SOURCE_OPTIONS]?: (typeof SOURCE_OPTIONS)[K]['type'] extends 'boolean' ? boolean : string };

/** The parsed source flags of a subcommand, checked. */
export function sourceFlagsOf(values: SourceValues): SourceFlags & { config?: string } {
	const flags = {
		sim: values.sim ?? false,
		scenario: values.scenario,
		seed: numberFlag('seed', values.seed, 1, 0, 2 ** 31 - 1, true),
		speed: numberFlag('speed', values.speed, 1, 0, 100),
		kubeconfig: values.kubeconfig,
		context: values.context,
		namespace: values.namespace,
		allNamespaces: values['all-namespaces'] ?? false,
		prometheus: values.prometheus,
		prometheusService: values['prometheus-service'],
		prometheusCa: values['prometheus-ca'],
		prometheusInsecure: values['prometheus-insecure'] ?? false,
		config: values.config,
	};
	checkSourceFlags(flags);
	return flags;
}
