// The `:` command line: its verbs as records that carry their handlers; the help overlay and the
// README list them from this array.
import { LB_DESCRIPTIONS, LB_POLICIES, parseLbPolicy } from '../domain/load-balancing';
import { selectedWorkload } from '../store/lists';
import type { CommandEnv } from './command';
import { toggleAnalysis } from './navigation';
import { setTheme } from './theme-switch';

type Report = (error: string | null, done: string) => void;

export interface CommandLineVerb {
	name: string;
	aliases: string[];
	/** Argument syntax: '' none, 'NAME' required, '[NAME]' optional. */
	args: string;
	title: string;
	run(args: string[], env: CommandEnv, report: Report): void | Promise<void>;
}

export const COMMAND_LINE_VERBS: readonly CommandLineVerb[] = [
	{ name: 'quit', aliases: ['q', 'q!', 'quit'], args: '', title: 'quit', run: (_, { host }) => host.quit() },
	{ name: 'theme', aliases: ['theme'], args: 'NAME', title: 'switch colour theme', run: ([name], env) => setTheme(env, name) },
	{
		name: 'scenario',
		aliases: ['scenario', 'sc'],
		args: 'NAME',
		title: 'restart the simulator on another scenario',
		run: ([name], { host }, report) => {
			if (!host.switchScenario) return report('scenarios exist only on the simulator', '');
			report(host.switchScenario(name), `scenario ${name}`);
		},
	},
	{
		name: 'speed',
		aliases: ['speed'],
		args: 'X',
		title: 'simulator clock speed (0 freezes)',
		run: ([text], { host }, report) => {
			const sim = host.simulator();
			const speed = Number(text);
			if (!sim) return report('only the simulator has a clock to change', '');
			if (!Number.isFinite(speed) || speed < 0 || speed > 100) return report(`speed must be a number from 0 to 100, not '${text}'`, '');
			sim.setSpeed(speed);
			report(null, `simulated clock ×${speed}`);
		},
	},
	{
		name: 'lb',
		aliases: ['lb'],
		args: LB_POLICIES.join('|'),
		title: "simulator: how the selected workload's traffic is split over its replicas",
		run: ([text], { host, store }, report) => {
			const policy = parseLbPolicy(text);
			if (typeof policy !== 'string') return report(policy.error, '');
			const setLoadBalancing = host.simulator()?.setLoadBalancing;
			if (!setLoadBalancing) return report('load balancing can be changed only on the simulator', '');
			const workload = selectedWorkload(store.getSnapshot());
			if (!workload) return report('select a workload first', '');
			const { namespace = '', name } = workload.metadata;
			report(setLoadBalancing(namespace, name, policy), `${namespace}/${name}: ${policy} — ${LB_DESCRIPTIONS[policy]}`);
		},
	},
	{
		name: 'ctx',
		aliases: ['ctx', 'context'],
		args: '[NAME]',
		title: 'switch Kubernetes context (no name: list them)',
		run: async ([name], { host }, report) => {
			if (!host.switchContext) return report('no kubeconfig: contexts exist only on live clusters', '');
			if (name === undefined) return report(null, `contexts: ${host.listContexts?.().join(', ') ?? '—'}`);
			report(await host.switchContext(name), `context ${name}`);
		},
	},
	{
		name: 'ns',
		aliases: ['ns', 'namespace'],
		args: 'NAME|all',
		title: 'switch namespace',
		run: async ([name], { host }, report) => {
			if (!host.switchNamespace) return report('namespaces can be switched only on live clusters', '');
			report(await host.switchNamespace(name), `namespace ${name}`);
		},
	},
	{ name: 'analysis', aliases: ['analysis', 'ar'], args: '', title: 'show the Analysis pane (again: back to the rollout)', run: (_, { store }) => toggleAnalysis(store) },
	{
		name: 'nodes',
		aliases: ['nodes', 'no', 'node'],
		args: '',
		title: 'Nodes: GPUs allocated, cordon state, pods per node (Esc returns)',
		run: (_, { store }) => store.updateUi({ view: 'nodes', focus: 'nodes', filter: '' }),
	},
	{ name: 'help', aliases: ['help', 'h'], args: '', title: 'list these commands', run: (_, __, report) => report(null, commandLineHelp()) },
];

export function parseCommandLine(text: string): { verb?: CommandLineVerb; word: string; args: string[] } {
	const [word = '', ...args] = text.trim().split(/\s+/);
	const verb = COMMAND_LINE_VERBS.find((v) => v.aliases.includes(word.toLowerCase()));
	return { verb, word, args };
}

/** How a verb is typed, e.g. `:theme NAME`. */
export function verbUsage(verb: CommandLineVerb): string {
	return `:${verb.aliases[0]}${verb.args ? ` ${verb.args}` : ''}`;
}

export function commandLineHelp(): string {
	return COMMAND_LINE_VERBS.map(verbUsage).join('  ');
}

/** Runs a `:` command; whatever goes wrong (a kubeconfig that became unreadable, …) is reported, never thrown. */
export async function runCommandLine(text: string, env: CommandEnv): Promise<void> {
	const report: Report = (error, done) => (error ? env.store.flash(error, 'error') : env.store.flash(done, 'ok'));
	const { verb, word, args } = parseCommandLine(text);
	if (!word) return;
	try {
		if (!verb) return report(`unknown command :${word} — ${commandLineHelp()}`, '');
		if (verb.args !== '' && !verb.args.startsWith('[') && args.length === 0) return report(`:${verb.aliases[0]} needs ${verb.args}`, '');
		await verb.run(args, env, report);
	} catch (error) {
		report((error as Error).message ?? String(error), '');
	}
}
