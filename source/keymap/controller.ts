// Turns key presses into commands and commands into store changes and cluster actions. Views call
// `handleKey`; tests call `run(commandId)`. Nothing here draws.
import type { Action, ActionKind, ActionPlan } from '../domain/action';
import { executePlan } from '../domain/execute-plan';
import { refOf } from '../domain/k8s';
import { METRIC_IDS, type MetricId } from '../domain/metrics';
import { actionDisabledReason, planAction } from '../domain/plan-action';
import type { Workload } from '../domain/replica-set';
import type { ClusterSource, SimulatorControls } from '../domain/source';
import { selectedWorkload, visibleReplicas, visibleWorkloads } from '../store/lists';
import { selectReplicaSets, workloadKey } from '../store/selectors';
import type { Store } from '../store/store';
import { PANES, REPLICA_SORT_KEYS, type Flash, type PaneId } from '../store/ui-state';
import { parseCommandLine, commandLineHelp } from './command-line';
import { COMMANDS, findCommand, type Command, type KeyContext } from './commands';
import { commandForKey, keyName, splitKeys, type InkKey } from './keys';
import { Permissions } from './permissions';
import { editText, parseReplicas } from './text-entry';
import { podRole } from '../domain/pod';

/** What the program around the console provides: I/O the keymap may trigger but must not own. */
export interface Host {
	quit(): void;
	setTheme(name: string): string | null;
	themes(): string[];
	switchScenario?(name: string): string | null;
	switchContext?(name: string): Promise<string | null>;
	switchNamespace?(name: string): Promise<string | null>;
}

export interface ControllerOptions {
	store: Store;
	source: () => ClusterSource;
	simulator: () => SimulatorControls | undefined;
	host: Host;
	user: string;
	wallNow: () => number;
}

const CHART_METRICS: MetricId[] = METRIC_IDS.filter((id) => id !== 'gpuMemTotal');
const SPEEDS = [0, 0.5, 1, 2, 5, 10, 30, 60];

export class Controller {
	readonly permissions: Permissions;

	constructor(private readonly options: ControllerOptions) {
		this.permissions = new Permissions(options.source, () => options.store.updateUi({}));
		// Ask the API server about the selected workload's actions before a key is pressed, so a
		// denied key already knows why.
		let asked = '';
		options.store.subscribe(() => {
			const workload = selectedWorkload(options.store.getSnapshot());
			const key = workload ? `${options.source().label}|${workloadKey(workload)}` : '';
			if (!workload || key === asked) return;
			asked = key;
			for (const command of COMMANDS) if (command.action) this.permissions.denial(command.action, workload);
		});
	}

	private get store(): Store {
		return this.options.store;
	}

	keyContext(): KeyContext {
		const snapshot = this.store.getSnapshot();
		const workload = selectedWorkload(snapshot);
		return {
			workloadKind: workload?.kind,
			simulated: this.options.source().kind === 'simulated',
			actionBlocked: (kind) => (workload ? this.blocked(kind, workload) : 'select a Rollout or Deployment first'),
		};
	}

	private blocked(kind: ActionKind, workload: Workload): string | null {
		return actionDisabledReason(kind, workload, selectReplicaSets(this.store.cluster, workload)) ?? this.permissions.denial(kind, workload);
	}

	handleKey(input: string, key: InkKey): void {
		const textMode = ['filter', 'command', 'scale'].includes(this.store.ui.mode.kind);
		for (const press of splitKeys(input, key, textMode)) this.handleOneKey(press.input, press.key);
	}

	private handleOneKey(input: string, key: InkKey): void {
		const name = keyName(input, key);
		const { mode } = this.store.ui;
		switch (mode.kind) {
			case 'filter': {
				const outcome = editText(mode.text, name, input);
				if (outcome.kind === 'cancel') return this.store.updateUi({ mode: { kind: 'normal' }, filter: '' });
				if (outcome.kind === 'submit') return this.store.updateUi({ mode: { kind: 'normal' } });
				return this.store.updateUi({ mode: { kind: 'filter', text: outcome.text }, filter: outcome.text });
			}
			case 'command': {
				const outcome = editText(mode.text, name, input);
				if (outcome.kind === 'cancel') return this.store.updateUi({ mode: { kind: 'normal' } });
				if (outcome.kind === 'submit') return void this.runCommandLine(outcome.text);
				return this.store.updateUi({ mode: { kind: 'command', text: outcome.text } });
			}
			case 'scale': {
				const outcome = editText(mode.text, name, input);
				if (outcome.kind === 'cancel') return this.store.updateUi({ mode: { kind: 'normal' } });
				if (outcome.kind === 'edit') return this.store.updateUi({ mode: { ...mode, text: outcome.text, error: undefined } });
				const parsed = parseReplicas(outcome.text);
				if (!parsed.ok) return this.store.updateUi({ mode: { ...mode, error: parsed.error } });
				this.store.updateUi({ mode: { kind: 'normal' } });
				return this.act('scale', parsed.replicas);
			}
			case 'confirm':
				if (name === 'y' || name === 'Y' || name === 'enter') {
					this.store.updateUi({ mode: { kind: 'normal' } });
					return void this.execute(mode.plan);
				}
				if (name === 'n' || name === 'N' || name === 'escape' || name === 'q') {
					return this.store.updateUi({ mode: { kind: 'normal' }, flash: this.flash(`cancelled: ${mode.plan.summary}`, 'info') });
				}
				return;
			case 'help':
				if (name === 'down' || name === 'j') return this.store.updateUi({ mode: { kind: 'help', scroll: mode.scroll + 1 } });
				if (name === 'up' || name === 'k') return this.store.updateUi({ mode: { kind: 'help', scroll: Math.max(0, mode.scroll - 1) } });
				if (name === 'ctrl+c') return this.options.host.quit();
				if (name === '?' || name === 'escape' || name === 'q') return this.store.updateUi({ mode: { kind: 'normal' } });
				return;
			case 'normal': {
				const command = commandForKey(name, this.store.ui.readonly);
				if (command) return this.run(command.id);
				if (name && name.length === 1 && name !== ' ') this.store.updateUi({ flash: this.flash(`'${name}' is not a key here — press ? for help`, 'warn') });
			}
		}
	}

	/** Runs a command by id, unless it is disabled, in which case the footer says why. */
	run(id: string): void {
		const command = findCommand(id);
		if (command.danger && this.store.ui.readonly) return this.store.updateUi({ flash: this.flash('read-only mode: the cluster cannot be changed', 'warn') });
		const reason = command.disabledReason?.(this.keyContext());
		if (reason) return this.store.updateUi({ flash: this.flash(`${command.title}: ${reason}`, 'warn') });
		this.dispatch(command);
	}

	private dispatch(command: Command): void {
		const ui = this.store.ui;
		switch (command.id) {
			case 'app.help':
				return this.store.updateUi({ mode: { kind: 'help', scroll: 0 } });
			case 'app.quit':
				return this.options.host.quit();
			case 'app.command':
				return this.store.updateUi({ mode: { kind: 'command', text: '' } });
			case 'app.filter':
				return this.store.updateUi({ mode: { kind: 'filter', text: ui.filter } });
			case 'app.escape':
				if (ui.filter) return this.store.updateUi({ filter: '' });
				return this.store.updateUi({ focus: 'workloads' });
			case 'nav.nextPane':
			case 'nav.prevPane':
				return this.focusPane(command.id === 'nav.nextPane' ? 1 : -1);
			case 'nav.down':
				return this.move(1);
			case 'nav.up':
				return this.move(-1);
			case 'nav.top':
				return this.move(-Infinity);
			case 'nav.bottom':
				return this.move(Infinity);
			case 'nav.pageDown':
				return this.move(this.pageSize());
			case 'nav.pageUp':
				return this.move(-this.pageSize());
			case 'nav.enter':
				if (ui.focus === 'workloads') return this.store.updateUi({ focus: 'replicas', filter: '' });
				return;
			case 'view.chartMetric':
			case 'view.chartMetricPrev': {
				const step = command.id === 'view.chartMetric' ? 1 : -1;
				const next = CHART_METRICS[(CHART_METRICS.indexOf(ui.chartMetric) + step + CHART_METRICS.length) % CHART_METRICS.length];
				return this.store.updateUi({ chartMetric: next });
			}
			case 'view.sort':
				return this.store.updateUi({ replicaSort: REPLICA_SORT_KEYS[(REPLICA_SORT_KEYS.indexOf(ui.replicaSort) + 1) % REPLICA_SORT_KEYS.length] });
			case 'view.theme': {
				const themes = this.options.host.themes();
				return this.setTheme(themes[(themes.indexOf(ui.themeName) + 1) % themes.length]);
			}
			case 'sim.faster':
			case 'sim.slower':
				return this.changeSpeed(command.id === 'sim.faster' ? 1 : -1);
			case 'sim.step':
				this.options.simulator()?.advance(10_000);
				return this.store.updateUi({ flash: this.flash('simulated clock +10 s', 'info') });
			case 'workload.scale': {
				const workload = selectedWorkload(this.store.getSnapshot());
				if (!workload) return;
				const current = workload.spec.replicas ?? 1;
				const target = `${workload.kind.toLowerCase()} ${workload.metadata.namespace}/${workload.metadata.name}`;
				return this.store.updateUi({ mode: { kind: 'scale', text: String(current), current, target } });
			}
			case 'workload.scaleUp':
			case 'workload.scaleDown': {
				const current = selectedWorkload(this.store.getSnapshot())?.spec.replicas ?? 1;
				const target = current + (command.id === 'workload.scaleUp' ? 1 : -1);
				if (target < 0) return this.store.updateUi({ flash: this.flash('already scaled to 0', 'warn') });
				return this.act('scale', target);
			}
			default:
				if (command.action) return this.act(command.action);
		}
	}

	private flash(text: string, tone: Flash['tone']): Flash {
		return { text, tone, at: this.options.wallNow() };
	}

	private pageSize(): number {
		return Math.max(1, Math.floor(this.store.ui.viewport.rows / 3));
	}

	private focusPane(step: number): void {
		const { focus } = this.store.ui;
		const next = PANES[(PANES.indexOf(focus) + step + PANES.length) % PANES.length] as PaneId;
		const detail = next === 'rollout' || next === 'chart' || next === 'events' ? next : this.store.ui.detail;
		this.store.updateUi({ focus: next, detail, filter: '' });
	}

	private move(delta: number): void {
		const snapshot = this.store.getSnapshot();
		const { focus } = snapshot.ui;
		const clampIndex = (index: number, length: number) => Math.max(0, Math.min(length - 1, index));
		if (focus === 'workloads' || focus === 'rollout' || focus === 'chart') {
			const list = visibleWorkloads(snapshot).map(workloadKey);
			const index = Math.max(0, list.indexOf(snapshot.ui.workloadKey ?? ''));
			const next = list[clampIndex(index + delta, list.length)];
			if (next !== undefined && next !== snapshot.ui.workloadKey) this.store.updateUi({ workloadKey: next, replicaKey: undefined, eventsScroll: 0 });
		} else if (focus === 'replicas') {
			const workload = selectedWorkload(snapshot);
			const replicaSets = workload ? selectReplicaSets(snapshot.cluster, workload) : [];
			const roleOf = (pod: Parameters<typeof podRole>[0]) => (workload ? podRole(pod, workload, replicaSets) : '');
			const list = visibleReplicas(snapshot, roleOf).map((p) => `${p.metadata.namespace}/${p.metadata.name}`);
			const index = Math.max(0, list.indexOf(snapshot.ui.replicaKey ?? ''));
			const next = list[clampIndex(index + delta, list.length)];
			if (next !== undefined) this.store.updateUi({ replicaKey: next });
		} else {
			const scroll = snapshot.ui.eventsScroll + delta;
			this.store.updateUi({ eventsScroll: Number.isFinite(scroll) ? Math.max(0, scroll) : delta > 0 ? 1e6 : 0 });
		}
	}

	private changeSpeed(step: number): void {
		const sim = this.options.simulator();
		if (!sim) return;
		const current = sim.getSpeed();
		const index = SPEEDS.findIndex((s) => s >= current);
		const next = SPEEDS[Math.max(0, Math.min(SPEEDS.length - 1, (index < 0 ? SPEEDS.length - 1 : index) + step))];
		sim.setSpeed(next);
		this.store.updateUi({ flash: this.flash(next === 0 ? 'simulated clock frozen (> to resume, . to step)' : `simulated clock ×${next}`, 'info') });
	}

	private setTheme(name: string): void {
		const error = this.options.host.setTheme(name);
		this.store.updateUi(error ? { flash: this.flash(error, 'error') } : { themeName: name, flash: this.flash(`theme ${name}`, 'info') });
	}

	/** Plans an action on the selected workload; destructive plans wait for a confirmation. */
	private act(kind: ActionKind, replicas?: number): void {
		const workload = selectedWorkload(this.store.getSnapshot());
		if (!workload) return;
		const action: Action = { kind, target: refOf(workload), ...(replicas !== undefined ? { replicas } : {}) };
		const result = planAction(action, { object: workload, replicaSets: selectReplicaSets(this.store.cluster, workload), now: this.store.cluster.now });
		if (!result.ok) return this.store.updateUi({ flash: this.flash(`${kind}: ${result.reason}`, 'warn') });
		if (result.plan.destructive) return this.store.updateUi({ mode: { kind: 'confirm', plan: result.plan } });
		void this.execute(result.plan);
	}

	private async execute(plan: ActionPlan): Promise<void> {
		const source = this.options.source();
		const result = await executePlan(plan, (request) => source.patch(request));
		this.store.addLog({ at: this.store.cluster.now, summary: plan.summary, ok: result.ok, message: result.message, user: this.options.user });
		this.store.updateUi({ flash: this.flash(result.ok ? `✔ ${plan.summary}` : `✖ ${result.message}`, result.ok ? 'ok' : 'error') });
	}

	private async runCommandLine(text: string): Promise<void> {
		this.store.updateUi({ mode: { kind: 'normal' } });
		const { verb, word, args } = parseCommandLine(text);
		const host = this.options.host;
		const fail = (message: string) => this.store.updateUi({ flash: this.flash(message, 'error') });
		/** Host calls answer an error message, or null when done. */
		const report = (error: string | null, done: string) => this.store.updateUi({ flash: this.flash(error ?? done, error ? 'error' : 'ok') });
		if (!word) return;
		if (!verb) return fail(`unknown command :${word} — ${commandLineHelp()}`);
		const needsArg = verb.args !== '' && args.length === 0;
		if (needsArg) return fail(`:${verb.aliases[0]} needs ${verb.args}`);
		switch (verb.name) {
			case 'quit':
				return host.quit();
			case 'help':
				return this.store.updateUi({ flash: this.flash(commandLineHelp(), 'info') });
			case 'theme':
				return this.setTheme(args[0]);
			case 'speed': {
				const speed = Number(args[0]);
				const sim = this.options.simulator();
				if (!sim) return fail('only the simulator has a clock to change');
				if (!Number.isFinite(speed) || speed < 0 || speed > 100) return fail(`speed must be a number from 0 to 100, not '${args[0]}'`);
				sim.setSpeed(speed);
				return report(null, `simulated clock ×${speed}`);
			}
			case 'scenario':
				if (!host.switchScenario) return fail('scenarios exist only on the simulator');
				return report(host.switchScenario(args[0]), `scenario ${args[0]}`);
			case 'ctx':
				if (!host.switchContext) return fail('no kubeconfig: contexts exist only on live clusters');
				this.permissions.reset();
				return report(await host.switchContext(args[0]), `context ${args[0]}`);
			case 'ns':
				if (!host.switchNamespace) return fail('namespaces can be switched only on live clusters');
				this.permissions.reset();
				return report(await host.switchNamespace(args[0]), `namespace ${args[0]}`);
		}
	}
}
