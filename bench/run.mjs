// `npm run bench`: rolltop's performance figures against the budgets of DESIGN §8.
//   --json          one JSON object per figure per line instead of the table
//   --quick         tiny sizes and short windows (the smoke test)
//   --only a,b      only these suites: first_frame, key_latency, output, idle, k8s, prometheus, live, recording, logs
//   --results FILE  also write the table and the machine it ran on as Markdown (bench/RESULTS.md)
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { importTypeScript } from './lib/bundle.mjs';
import { ptyAvailable, withoutCi } from './lib/pty.mjs';
import { jsonLine, machine, markdownTable, table } from './lib/report.mjs';
import { FULL, QUICK } from './plans.mjs';
import { firstFrameFigures } from './process/first-frame.mjs';
import { startClusterProcess } from './process/cluster.mjs';
import { idleFigures, liveIdleFigures } from './process/idle.mjs';

const SUITES = ['first_frame', 'key_latency', 'output', 'idle', 'k8s', 'prometheus', 'live', 'recording', 'logs'];
const CLI = 'dist/cli.js';

const { values: args } = parseArgs({
	options: {
		json: { type: 'boolean', default: false },
		quick: { type: 'boolean', default: false },
		only: { type: 'string' },
		results: { type: 'string' },
	},
});
const only = args.only ? args.only.split(',').map((s) => s.trim()) : SUITES;
const unknown = only.filter((s) => !SUITES.includes(s));
if (unknown.length) {
	console.error(`bench: unknown suite ${unknown.join(', ')} (known: ${SUITES.join(', ')})`);
	process.exit(2);
}
const plan = args.quick ? QUICK : FULL;
// Ink reads the environment when it is loaded: under CI it would print only the last frame.
process.env = withoutCi(process.env);

const progress = (text) => process.stderr.write(`bench: ${text}\n`);
const notMeasured = (name, unit, why) => [{ name, value: null, unit, budget: null, note: `not measured: ${why}` }];
const scratch = mkdtempSync(join(tmpdir(), 'rolltop-bench-'));

async function runSuites(inproc) {
	const processBenches = existsSync(CLI) ? (ptyAvailable() ? null : 'util-linux `script` is not installed') : `${CLI} is missing (npm run build)`;
	const suites = {
		first_frame: () => (processBenches ? notMeasured('first_frame', 'ms', processBenches) : firstFrameFigures({ cli: CLI, runs: plan.firstFrameRuns })),
		key_latency: async () => {
			const figures = [];
			for (const size of plan.keyLatency) {
				progress(`key latency at ${size.replicas} replicas`);
				figures.push(...(await inproc.keyLatencyFigures({ ...size, presses: plan.keyPresses, warmupPresses: plan.keyWarmupPresses })));
			}
			return figures;
		},
		output: async () => [
			...(await inproc.outputRateFigures({ size: { columns: 120, rows: 40 }, seconds: plan.outputSeconds })),
			...(await inproc.outputRateFigures({ size: { columns: 80, rows: 24 }, seconds: plan.outputSeconds })),
		],
		idle: () => {
			const { large, ...window } = plan.idle;
			if (processBenches) return notMeasured('idle_cpu', '% of a core', processBenches);
			const scenario = join(scratch, `generated-${large.replicas}.json`);
			inproc.writeGeneratedScenario(scenario, { ...large, seed: 1 });
			return idleFigures({ cli: CLI, large: scenario, largeTag: `${large.replicas}r`, ...window });
		},
		k8s: () => inproc.kubernetesFigures(plan.apiSmall, plan.apiLarge, plan.k8sSteadySeconds),
		live: async () => {
			const cluster = await startClusterProcess(plan.live.cluster);
			try {
				const tag = `${cluster.pods}pods`;
				// Idle first, while nothing changes; the restart burst comes last.
				const idle = processBenches
					? [...notMeasured(`live.idle_cpu.${tag}`, '% of a core', processBenches), ...notMeasured(`live.rss_peak.${tag}`, 'MiB', processBenches)]
					: await liveIdleFigures({ cli: CLI, kubeconfig: cluster.kubeconfig, tag, ...plan.live.idle });
				return [...idle, ...(await inproc.liveScaleFigures(cluster, plan.live))];
			} finally {
				await cluster.stop();
			}
		},
		recording: () => inproc.recordingFigures(plan.recordingMinutes),
		logs: () => inproc.logRateFigures(plan.logs),
		prometheus: () =>
			plan.prometheus ? inproc.prometheusFigures(plan.apiSmall, plan.apiLarge) : notMeasured(`prometheus.queries_per_refresh.${plan.apiLarge.replicas}r`, 'queries', '--quick skips the real Prometheus'),
	};
	const figures = [];
	for (const name of only) {
		progress(name);
		const started = Date.now();
		const result = await suites[name]();
		progress(`${name} done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
		figures.push(...result);
		if (args.json) for (const figure of result) console.log(jsonLine(figure));
	}
	return figures;
}

function resultsPage(figures, before, after, startedAt) {
	const minutes = ((Date.now() - startedAt.getTime()) / 60_000).toFixed(1);
	return [
		'# Benchmark results',
		'',
		`Written by \`npm run bench -- --results ${args.results}${args.quick ? ' --quick' : ''}\` on ${startedAt.toISOString().slice(0, 10)} (${minutes} min)${args.quick ? ': smoke sizes, not meaningful' : ''}.`,
		'How each figure is measured, and why some miss their budgets: [README.md](README.md).',
		'',
		`Machine: ${before.cpus} CPUs (\`nproc\`), ${before.model}, Node ${before.node}; load average (1, 5, 15 min) ${before.load} at the start, ${after.load} at the end.`,
		'',
		markdownTable(figures),
		'',
	].join('\n');
}

const startedAt = new Date();
const host = machine();
try {
	const inproc = await importTypeScript('bench/inproc/index.ts');
	const figures = await runSuites(inproc);
	if (!args.json) console.log(table(figures));
	if (args.results) writeFileSync(args.results, resultsPage(figures, host, machine(), startedAt));
} finally {
	rmSync(scratch, { recursive: true, force: true });
}
// Simulators, servers and Ink instances are stopped, but libraries may keep handles (sockets in keep-alive).
process.exit(0);
