// `rolltop sim …` command line: its own usage text and strict flags, so a typo or a console flag
// given to `sim serve` is one line and exit code 2 instead of a server started with defaults.
import { parseCommandLine, tryHelp } from './command-line';
import { parseDenyRule } from '../serve/access';
import { numberFlag } from './flags';
import type { SimServeOptions } from './sim-serve';
import { UsageError } from './usage-error';

export const SIM_SERVE_HELP = `
  Usage
    $ rolltop sim serve [options]

  Serves the simulated GPU cluster over the Kubernetes API (for kubectl, client libraries and
  rolltop --kubeconfig) and its GPU and model-server metrics as a Prometheus /metrics page.

  Options
    --listen HOST:PORT     address to serve on (default: 127.0.0.1:8443; port 0 picks a free one)
    --kubeconfig-out FILE  write a kubeconfig for the served cluster
    --scenario NAME|PATH   simulator scenario (default: default)
    --seed N               simulator random seed (default: 1)
    --speed X              simulated seconds per real second, 0 to 100 (default: 1)
    --deny VERB:RESOURCE[:NAMESPACE]
                           answer these requests 403, as RBAC would (repeatable; * for any
                           verb or resource), e.g. --deny list:nodes to play a namespace-scoped user
    --debug                stack traces on internal errors
    -h, --help             this text
`;

export type SimCommand = { help: true } | { help: false; options: SimServeOptions };

const TRY = tryHelp('sim serve');

/** `argv` after `sim`: the subcommand and its flags. Throws UsageError (one line, exit 2). */
export function parseSimCommand(argv: string[]): SimCommand {
	const { values, positionals } = parseCommandLine('sim serve', argv, {
		listen: { type: 'string' },
		'kubeconfig-out': { type: 'string' },
		scenario: { type: 'string' },
		seed: { type: 'string' },
		speed: { type: 'string' },
		deny: { type: 'string', multiple: true },
		// Read by the entry point for its error report.
		debug: { type: 'boolean' },
		help: { type: 'boolean', short: 'h' },
	});
	const [sub, ...extra] = positionals;
	if (sub === undefined) {
		if (values.help) return { help: true };
		throw new UsageError(`missing sim command ${TRY}`);
	}
	if (sub !== 'serve') throw new UsageError(`unknown command 'sim ${sub}' ${TRY}`);
	if (extra.length) throw new UsageError(`unexpected argument '${extra[0]}' for sim serve ${TRY}`);
	if (values.help) return { help: true };
	return {
		help: false,
		options: {
			listen: (values.listen) ?? '127.0.0.1:8443',
			kubeconfigOut: values['kubeconfig-out'],
			scenario: values.scenario,
			seed: numberFlag('seed', values.seed, 1, 0, 2 ** 31 - 1, true),
			speed: numberFlag('speed', values.speed, 1, 0, 100),
			deny: (values.deny ?? []).map((text) => {
				const rule = parseDenyRule(text);
				if (typeof rule === 'string') throw new UsageError(rule);
				return rule;
			}),
		},
	};
}
