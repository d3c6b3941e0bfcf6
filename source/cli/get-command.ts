// `rolltop get [NAME]`: a snapshot of what the console shows, as text shaped like `kubectl argo
// rollouts get rollout` or as JSON; `--watch` redraws in place in a terminal and writes one JSON
// object per change when piped.
import type { Workload } from '../domain/replica-set';
import { findWorkload, inNamespace } from '../headless/find-workload';
import { fitToScreen, snapshotText } from '../headless/get-text';
import { EXIT } from '../headless/status-outcome';
import { workloadSnapshot, type WorkloadSnapshot } from '../headless/workload-snapshot';
import { selectWorkloads } from '../store/selectors';
import { parseCommandLine, positionalsAtMost, printUsage } from './command-line';
import { openHeadless, type HeadlessSession } from './headless-session';
import { openRecording } from './record-wiring';
import { outputFlag, type OutputFormat } from './headless-output';
import { SOURCE_HELP, SOURCE_OPTIONS, sourceFlagsOf } from './source-options';
import type { SourceFlags } from './sources';
import { enterFullscreen, installTerminalGuards, restoreTerminal } from './terminal';

export const GET_HELP = `
  Usage
    $ rolltop get [NAME] [options]

  A snapshot of what the console shows: workloads with their status, step, weights, revisions,
  ReplicaSets and replicas with their metrics. Text is shaped like \`kubectl argo rollouts get
  rollout\`; JSON (one object: {"time", "workloads": [...]}) is for scripts.

  Options
    -o, --output FORMAT    text (default) or json
    -w, --watch            follow changes: redrawn in place in a terminal; piped, one JSON
                           object per line, per change
    --record FILE          write a recording of what the command saw (see rolltop replay)
    -h, --help             this text

${SOURCE_HELP}
  Exit codes: 0 shown, 2 usage or input error, 4 NAME not found.
`;

/** How long a one-off snapshot waits for the first metrics after the cluster is listed. */
const METRICS_GRACE_MS = 3000;

export interface GetOptions {
	name?: string;
	source: SourceFlags & { config?: string };
	output: OutputFormat;
	watch: boolean;
	record?: string;
}

function parseGet(argv: string[]): GetOptions | undefined {
	const { values, positionals } = parseCommandLine('get', argv, {
		...SOURCE_OPTIONS,
		output: { type: 'string', short: 'o' },
		watch: { type: 'boolean', short: 'w' },
		record: { type: 'string' },
	});
	if (values.help) return undefined;
	const [name] = positionalsAtMost('get', positionals, 1);
	return { name, source: sourceFlagsOf(values), output: outputFlag(values.output), watch: values.watch ?? false, record: values.record };
}

/** The workloads a `get` shows, or the one-line reason NAME matches none. */
function chosen(session: HeadlessSession, options: GetOptions): Workload[] | string {
	const { cluster } = session.store;
	if (!options.name) return inNamespace(selectWorkloads(cluster), options.source.namespace);
	const lookup = findWorkload(cluster, options.name, options.source.namespace);
	return 'found' in lookup ? [lookup.found] : 'missing' in lookup ? lookup.missing : lookup.ambiguous;
}

function render(session: HeadlessSession, workloads: Workload[], output: OutputFormat): { text: string; key: string } {
	const snapshot = session.store.getSnapshot();
	const reports: WorkloadSnapshot[] = workloads.map((w) => workloadSnapshot(snapshot, w));
	if (output === 'text') {
		const text = snapshotText(reports, session.sources.cluster.scope ?? session.sources.cluster.label);
		return { text, key: text };
	}
	const body = JSON.stringify({ workloads: reports });
	return { text: `{"time":${JSON.stringify(new Date(snapshot.cluster.now).toISOString())},${body.slice(1)}`, key: body };
}

/** Runs a get; resolves to the exit code. Also the console's answer when stdout is not a terminal. */
export async function runGet(options: GetOptions): Promise<number> {
	const recording = options.record ? openRecording(options.record) : undefined;
	const session = await openHeadless(options.source, { config: options.source.config, wrap: recording?.wrap });
	const inTerminal = options.watch && Boolean(process.stdout.isTTY);
	const output: OutputFormat = options.watch && !inTerminal ? 'json' : options.output;
	let listedAt: number | undefined;
	let last: string | undefined;
	const code = await new Promise<number>((resolve) => {
		let done = false;
		let grace: ReturnType<typeof setTimeout> | undefined;
		const finish = (exitCode: number) => {
			done = true;
			if (grace) clearTimeout(grace);
			resolve(exitCode);
		};
		const show = () => {
			if (done || !session.listed()) return;
			const workloads = chosen(session, options);
			if (typeof workloads === 'string') {
				process.stderr.write(`rolltop: ${workloads}\n`);
				return finish(EXIT.notFound);
			}
			if (!options.watch) {
				listedAt ??= Date.now();
				grace ??= setTimeout(show, METRICS_GRACE_MS);
				if (!session.metricsAnswered() && Date.now() - listedAt < METRICS_GRACE_MS) return;
			}
			const { text, key } = render(session, workloads, output);
			if (key === last) return;
			last = key;
			// In a terminal the frame is redrawn from the top left, each line cleared to its end.
			if (inTerminal) {
				const lines = fitToScreen(text, process.stdout.columns || 80, process.stdout.rows || 24);
				process.stdout.write(`\x1b[H${lines.join('\x1b[K\r\n')}\x1b[K\x1b[J`);
			}
			else process.stdout.write(`${text}\n`);
			if (!options.watch) finish(EXIT.healthy);
		};
		session.onChange(show);
		if (inTerminal) {
			enterFullscreen(process.stdout);
			process.stdout.on('resize', () => {
				last = undefined;
				show();
			});
			installTerminalGuards({
				debug: false,
				onExit: () => {
					session.stop();
					recording?.close();
				},
			});
		}
		session.start();
	});
	session.stop();
	recording?.close();
	restoreTerminal();
	return code;
}

export async function getCommand(argv: string[]): Promise<number> {
	const options = parseGet(argv);
	if (!options) {
		printUsage(GET_HELP);
		return EXIT.healthy;
	}
	return runGet(options);
}
