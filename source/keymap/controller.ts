// Turns key presses into commands and commands into store changes and cluster actions. Views call
// `handleKey`; tests call `run(commandId)`. Nothing here draws.
import type { Action, ActionKind, ActionPlan } from '../domain/action';
import { executePlan } from '../domain/execute-plan';
import { refOf, type ObjectRef } from '../domain/k8s';
import { METRIC_IDS, type MetricId } from '../domain/metrics';
import { planAction } from '../domain/plan-action';
import type { Workload } from '../domain/replica-set';
import type { ClusterSource, SimulatorControls } from '../domain/source';
import { selectedWorkload } from '../store/lists';
import { getObject } from '../store/cluster-state';
import { selectReplicaSets, workloadKey } from '../store/selectors';
import type { Store } from '../store/store';
import { REPLICA_SORT_KEYS, type Flash } from '../store/ui-state';
import { runCommandLine } from './command-line';
import { COMMANDS, findCommand, type Command, type KeyContext } from './commands';
import type { Host } from './host';
import { keyName, splitKeys, type InkKey } from './keys';
import { handleModalKey } from './modal-keys';
import { focusPane, moveSelection, pageSize } from './navigation';
import { Permissions } from './permissions';
import { actionDisabledReason, withRemedy } from './remedy';

export type { Host } from './host';

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
const TEXT_MODES = new Set(['filter', 'command', 'scale']);

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
		const workload = selectedWorkload(this.store.getSnapshot());
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
		for (const press of splitKeys(input, key, TEXT_MODES.has(this.store.ui.mode.kind))) this.handleOneKey(press.input, press.key);
	}

	private handleOneKey(input: string, key: InkKey): void {
		const name = keyName(input, key);
		// Ctrl-C always quits, whatever is open: the terminal must never hold the operator hostage.
		if (name === 'ctrl+c') return this.options.host.quit();
		const { mode } = this.store.ui;
		if (mode.kind !== 'normal') {
			return handleModalKey(mode, name, input, {
				store: this.store,
				flash: (text, tone) => this.flash(text, tone),
				runCommandLine: (text) => void this.commandLine(text),
				scaleTo: (target, replicas) => this.act('scale', replicas, target),
				execute: (plan) => void this.execute(plan),
				pageSize: () => pageSize(this.store),
			});
		}
		const command = COMMANDS.find((c) => c.keys.includes(name));
		if (command) return this.run(command.id);
		if (name.length === 1 && name !== ' ') this.store.updateUi({ flash: this.flash(`'${name}' is not a key here — press ? for help`, 'warn') });
	}

	/** Runs a command by id, unless it is disabled, in which case the footer says why. */
	run(id: string): void {
		const command = findCommand(id);
		if (command.danger && this.store.ui.readonly) return this.store.updateUi({ flash: this.flash(`read-only mode: ${command.title.toLowerCase()} is switched off`, 'warn') });
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
				return this.store.updateUi(ui.filter ? { filter: '' } : { focus: 'workloads' });
			case 'nav.nextPane':
			case 'nav.prevPane':
				return focusPane(this.store, command.id === 'nav.nextPane' ? 1 : -1);
			case 'nav.down':
			case 'nav.up':
			case 'nav.top':
			case 'nav.bottom':
			case 'nav.pageDown':
			case 'nav.pageUp':
				return moveSelection(this.store, this.distance(command.id));
			case 'nav.enter':
				if (ui.focus === 'workloads') this.store.updateUi({ focus: 'replicas', filter: '' });
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
				return this.store.updateUi({ mode: { kind: 'scale', text: '', current: workload.spec.replicas ?? 1, target: refOf(workload) } });
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

	private distance(id: string): number {
		const page = pageSize(this.store);
		const distances: Record<string, number> = { 'nav.down': 1, 'nav.up': -1, 'nav.top': -Infinity, 'nav.bottom': Infinity, 'nav.pageDown': page, 'nav.pageUp': -page };
		return distances[id];
	}

	private flash(text: string, tone: Flash['tone']): Flash {
		return { text, tone, at: this.options.wallNow() };
	}

	private changeSpeed(step: number): void {
		const sim = this.options.simulator();
		if (!sim) return;
		const index = SPEEDS.findIndex((s) => s >= sim.getSpeed());
		const next = SPEEDS[Math.max(0, Math.min(SPEEDS.length - 1, (index < 0 ? SPEEDS.length - 1 : index) + step))];
		sim.setSpeed(next);
		this.store.updateUi({ flash: this.flash(next === 0 ? 'simulated clock frozen (> to resume, . to step)' : `simulated clock ×${next}`, 'info') });
	}

	private setTheme(name: string): void {
		const error = this.options.host.setTheme(name);
		this.store.updateUi(error ? { flash: this.flash(error, 'error') } : { themeName: name, flash: this.flash(`theme ${name}`, 'info') });
	}

	/**
	 * Plans an action on the selected workload (or on `target`, which a dialog named); destructive
	 * plans wait for a confirmation.
	 */
	private act(kind: ActionKind, replicas?: number, target?: ObjectRef): void {
		const workload = target ? (getObject(this.store.cluster, target.kind, target.namespace, target.name) as Workload | undefined) : selectedWorkload(this.store.getSnapshot());
		if (!workload) {
			if (target) this.store.updateUi({ flash: this.flash(`${target.kind.toLowerCase()} ${target.namespace}/${target.name} no longer exists`, 'warn') });
			return;
		}
		const action: Action = { kind, target: refOf(workload), ...(replicas !== undefined ? { replicas } : {}) };
		const result = planAction(action, { object: workload, replicaSets: selectReplicaSets(this.store.cluster, workload), now: this.store.cluster.now });
		if (!result.ok) return this.store.updateUi({ flash: this.flash(`${kind}: ${withRemedy(result.reason, result.remedy)}`, 'warn') });
		if (result.plan.destructive) return this.store.updateUi({ mode: { kind: 'confirm', plan: result.plan } });
		void this.execute(result.plan);
	}

	private async execute(plan: ActionPlan): Promise<void> {
		const source = this.options.source();
		const result = await executePlan(plan, (request) => source.patch(request));
		this.store.addLog({ at: this.store.cluster.now, summary: plan.summary, ok: result.ok, message: result.message, user: this.options.user });
		this.store.updateUi({ flash: this.flash(result.ok ? `✔ ${plan.summary}` : `✖ ${result.message}`, result.ok ? 'ok' : 'error') });
	}

	private commandLine(text: string): Promise<void> {
		return runCommandLine(text, {
			host: this.options.host,
			simulator: this.options.simulator,
			setTheme: (name) => this.setTheme(name),
			report: (error, done) => this.store.updateUi({ flash: this.flash(error ?? done, error ? 'error' : 'ok') }),
			forgetPermissions: () => this.permissions.reset(),
		});
	}
}
