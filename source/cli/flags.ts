// Command-line flags (meow), and their validation into options with one-line errors.
import meow from 'meow';
import { UsageError } from './usage-error';

export const HELP = `
  Usage
    $ rolltop [options]              the console (live cluster when a kubeconfig has a current context, else the simulator)
    $ rolltop get [NAME] [options]   a snapshot of what the console shows, as text or JSON
    $ rolltop status NAME [options]  one workload's status for pipelines, with exit codes
    $ rolltop record --sim --for DUR FILE   record the simulator without a terminal
    $ rolltop replay FILE            the console on a recording, read-only, with a timeline
    $ rolltop sim serve [options]    serve the simulated cluster over the Kubernetes API and /metrics

  Source
    --sim                  use the embedded simulated GPU cluster even when a kubeconfig exists
    --scenario NAME|PATH   simulator scenario (default: default)
    --seed N               simulator random seed (default: 1)
    --speed X              simulated seconds per real second, 0 to 100 (default: 1)

  Live clusters
    --kubeconfig FILE      kubeconfig to use (default: $KUBECONFIG, then ~/.kube/config)
    --context NAME         kubeconfig context
    -n, --namespace NAME   namespace (default: the context's)
    -A, --all-namespaces   every namespace

  Metrics
    --prometheus URL       Prometheus base URL (auth: ROLLTOP_PROMETHEUS_TOKEN or ROLLTOP_PROMETHEUS_USER/_PASSWORD)
    --prometheus-service NS/NAME:PORT   reach Prometheus through the API server's service proxy
    --prometheus-ca FILE   CA bundle for Prometheus' TLS certificate
    --prometheus-insecure  skip TLS verification for Prometheus (explicitly insecure)
    --config FILE          config file (default: $XDG_CONFIG_HOME/rolltop/config.yaml)

  Display
    --theme NAME|PATH      dark, light, high-contrast, mono, or a theme file (NO_COLOR selects mono)
    --readonly             no action can change the cluster; action keys are removed
    --record FILE          write a recording of the session (NDJSON; replay it with rolltop replay FILE)
    --debug                stack traces on internal errors

  Each command's own options: rolltop COMMAND --help

    --help, --version
`;

export function parseFlags(argv: string[]) {
	return meow(HELP, {
		importMeta: import.meta,
		argv,
		allowUnknownFlags: false,
		description: 'rolltop — a terminal console for AI model-serving rollouts on Kubernetes',
		flags: {
			sim: { type: 'boolean', default: false },
			scenario: { type: 'string' },
			seed: { type: 'string' },
			speed: { type: 'string' },
			kubeconfig: { type: 'string' },
			context: { type: 'string' },
			namespace: { type: 'string', shortFlag: 'n' },
			allNamespaces: { type: 'boolean', shortFlag: 'A', default: false },
			prometheus: { type: 'string' },
			prometheusService: { type: 'string' },
			prometheusCa: { type: 'string' },
			prometheusInsecure: { type: 'boolean', default: false },
			config: { type: 'string' },
			theme: { type: 'string' },
			readonly: { type: 'boolean', default: false },
			record: { type: 'string' },
			debug: { type: 'boolean', default: false },
		},
	});
}

export type Flags = ReturnType<typeof parseFlags>['flags'];

/** A number flag: absent → fallback; not a number or out of range → a one-line error. */
export function numberFlag(name: string, raw: string | undefined, fallback: number, min: number, max: number, integer = false): number {
	if (raw === undefined) return fallback;
	const value = Number(raw);
	if (raw.trim() === '' || !Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
		throw new UsageError(`--${name} must be ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}, not '${raw}'`);
	}
	return value;
}
