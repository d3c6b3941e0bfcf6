// `rolltop status NAME`: a CI gate on one Rollout or Deployment (DESIGN §5d). Prints the Argo
// plugin's `Phase - message` lines (or one JSON object per change) and exits with a code that tells
// healthy, failed, timed out and not found apart.
import { EXIT, statusOutcome } from '../headless/status-outcome';
import { findWorkload } from '../headless/find-workload';
import { statusLine, workloadReport, type WorkloadReport } from '../headless/workload-report';
import { parseCommandLine, positionalsAtMost, printUsage, tryHelp } from './command-line';
import { openHeadless } from './headless-session';
import { openRecording } from './record-wiring';
import { lastDeployMs } from './scenario-deploys';
import { durationFlag, outputFlag } from './headless-output';
import { SOURCE_HELP, SOURCE_OPTIONS, sourceFlagsOf } from './source-options';
import { UsageError } from './usage-error';

export const STATUS_HELP = `
  Usage
    $ rolltop status NAME [options]

  The status of one Rollout or Deployment, as \`kubectl argo rollouts status\` prints it
  ("Phase - message"), for pipelines. Without --wait, one answer; with it, a line per change
  until the workload reaches a final state.

  Options
    --wait                 follow the workload until it is Healthy, Degraded or (with
                           --success-on-pause) Paused
    --timeout DUR          give up after DUR (e.g. 90s, 10m; simulated time with --sim)
    --success-on-pause     a paused workload counts as a success
    -o, --output FORMAT    text (default) or json: one JSON object per line, per change
    --record FILE          write a recording of what the command saw (see rolltop replay)
    -h, --help             this text

${SOURCE_HELP}
  Exit codes
    0  Healthy (or Paused with --success-on-pause)
    1  Degraded or aborted; the reason is printed on stderr
    2  usage or input error (flag, file, kubeconfig, ambiguous name)
    3  timed out (--timeout), or without --wait: not in a final state yet
    4  no Rollout or Deployment by that name
`;

/** Without --wait, how long to wait for the first complete listing of the cluster. */
const FIRST_ANSWER_MS = 30_000;

function parseStatus(argv: string[]) {
	const { values, positionals } = parseCommandLine('status', argv, {
		...SOURCE_OPTIONS,
		wait: { type: 'boolean' },
		timeout: { type: 'string' },
		'success-on-pause': { type: 'boolean' },
		output: { type: 'string', short: 'o' },
		record: { type: 'string' },
	});
	if (values.help) return undefined;
	const [name] = positionalsAtMost('status', positionals, 1);
	if (!name) throw new UsageError(`status needs the name of a Rollout or Deployment ${tryHelp('status')}`);
	return {
		name,
		source: sourceFlagsOf(values),
		wait: values.wait ?? false,
		timeout: values.timeout,
		timeoutMs: durationFlag('timeout', values.timeout),
		successOnPause: values['success-on-pause'] ?? false,
		output: outputFlag(values.output),
		record: values.record,
	};
}

function fail(message: string): void {
	process.stderr.write(`rolltop: ${message}\n`);
}

/** Returns the exit code. */
export async function statusCommand(argv: string[]): Promise<number> {
	const options = parseStatus(argv);
	if (!options) {
		printUsage(STATUS_HELP);
		return EXIT.healthy;
	}
	const recording = options.record ? openRecording(options.record) : undefined;
	const session = await openHeadless(options.source, { config: options.source.config, wrap: recording?.wrap });
	const simulated = session.sources.cluster.kind === 'simulated';
	const startedAt = { wall: Date.now(), source: undefined as number | undefined };
	const limitMs = options.timeoutMs ?? (options.wait ? undefined : FIRST_ANSWER_MS);
	let last: string | undefined;
	let lastLine = '';
	const print = (report: WorkloadReport) => {
		const text = options.output === 'json' ? JSON.stringify({ time: new Date(session.store.cluster.now).toISOString(), ...report }) : statusLine(report);
		const key = options.output === 'json' ? JSON.stringify(report) : text;
		if (key === last) return;
		last = key;
		lastLine = statusLine(report);
		process.stdout.write(`${text}\n`);
	};
	const code = await new Promise<number>((resolve) => {
		let timer: ReturnType<typeof setInterval> | undefined;
		let done = false;
		const finish = (exitCode: number) => {
			done = true;
			if (timer) clearInterval(timer);
			resolve(exitCode);
		};
		// Time runs on the source's clock: simulated time on the simulator, wall time on a cluster.
		const timedOut = () => {
			if (limitMs === undefined) return false;
			if (!simulated) return Date.now() - startedAt.wall >= limitMs;
			return session.store.cluster.now - (startedAt.source ?? 0) >= limitMs;
		};
		const check = () => {
			if (done) return;
			startedAt.source ??= session.store.cluster.now;
			if (!session.listed()) {
				if (timedOut()) {
					const problem = session.store.cluster.connection.message ?? session.store.cluster.lastError?.message;
					fail(`no answer from the cluster in time${problem ? `: ${problem}` : ''}`);
					finish(EXIT.timeout);
				}
				return;
			}
			const lookup = findWorkload(session.store.cluster, options.name, options.source.namespace);
			if ('missing' in lookup) {
				fail(lookup.missing);
				return finish(EXIT.notFound);
			}
			if ('ambiguous' in lookup) {
				fail(lookup.ambiguous);
				return finish(EXIT.usage);
			}
			const report = workloadReport(session.store.cluster, lookup.found, session.store.getSnapshot().verdicts);
			print(report);
			const deploying = simulated && session.store.cluster.now - (startedAt.source ?? 0) < lastDeployMs(options.source.scenario ?? 'default', report.namespace, report.name);
			const outcome = deploying ? ({ final: false } as const) : statusOutcome(report, options.successOnPause);
			const target = `${report.namespace}/${report.name}`;
			if (outcome.final) {
				if (outcome.exitCode !== EXIT.healthy) fail(`${target}: ${outcome.reason}`);
				return finish(outcome.exitCode);
			}
			if (!options.wait) {
				fail(`${target} is not in a final state yet (${statusLine(report)})`);
				return finish(EXIT.timeout);
			}
			if (timedOut()) {
				fail(`${target} did not reach a final state within --timeout ${options.timeout} (last: ${lastLine})`);
				finish(EXIT.timeout);
			}
		};
		session.onChange(check);
		if (!simulated && limitMs !== undefined) timer = setInterval(check, 250);
		session.start();
	});
	session.stop();
	recording?.close();
	return code;
}
