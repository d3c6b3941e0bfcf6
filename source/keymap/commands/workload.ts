// Actions on the selected workload: each plans a cluster action through the console's planner.
import type { ActionKind } from '../../domain/action';
import { refOf } from '../../domain/k8s';
import { manualScaleWarning } from '../../domain/autoscaler';
import { selectAutoscaler } from '../../store/autoscaler-selectors';
import { selectedWorkload } from '../../store/lists';
import type { Command, CommandEnv, KeyContext } from '../command';

const noWorkload = (ctx: KeyContext): string | null => (ctx.workloadKind ? null : 'select a Rollout or Deployment first');

function actionCommand(id: string, keys: string[], action: ActionKind, title: string, options: { hint?: string; run?: (env: CommandEnv) => void } = {}): Command {
	return {
		id,
		keys,
		scope: 'workload',
		title,
		danger: true,
		action,
		hint: options.hint,
		disabledReason: (ctx) => noWorkload(ctx) ?? ctx.actionBlocked(action),
		run: options.run ?? ((env) => env.act(action)),
	};
}

const replicasOfSelected = (env: CommandEnv): number | undefined => selectedWorkload(env.store.getSnapshot())?.spec.replicas;

/** Opens the scale dialog, warning when an autoscaler owns the count (it overrides a manual scale). */
function openScaleDialog(env: CommandEnv, text: string): void {
	const workload = selectedWorkload(env.store.getSnapshot());
	if (!workload) return;
	const autoscaler = selectAutoscaler(env.store.cluster, workload);
	const warning = autoscaler && manualScaleWarning(autoscaler);
	env.store.updateUi({ mode: { kind: 'scale', text, current: workload.spec.replicas ?? 1, target: refOf(workload), ...(warning ? { warning } : {}) } });
}

function scaleBy(delta: number): (env: CommandEnv) => void {
	return (env) => {
		const target = (replicasOfSelected(env) ?? 1) + delta;
		if (target < 0) return env.store.flash('already scaled to 0', 'warn');
		const workload = selectedWorkload(env.store.getSnapshot());
		// One key must not quietly fight an autoscaler: the dialog shows the warning and asks for Enter.
		if (workload && selectAutoscaler(env.store.cluster, workload)) return openScaleDialog(env, String(target));
		env.act('scale', target);
	};
}

export const WORKLOAD_COMMANDS: Command[] = [
	actionCommand('rollout.promote', ['P'], 'promote', 'Promote one step (resumes a paused rollout)', { hint: 'promote' }),
	actionCommand('rollout.promoteFull', ['F'], 'promoteFull', 'Promote fully, skipping remaining steps'),
	actionCommand('workload.pause', ['p'], 'pause', 'Pause', { hint: 'pause' }),
	actionCommand('workload.resume', ['r'], 'resume', 'Resume (Deployments; Rollouts resume with P)'),
	actionCommand('rollout.abort', ['A'], 'abort', 'Abort the update, all traffic back to stable', { hint: 'abort' }),
	actionCommand('rollout.retry', ['t'], 'retry', 'Retry an aborted update'),
	actionCommand('workload.undo', ['u'], 'undo', 'Undo: roll back to the previous revision'),
	actionCommand('workload.restart', ['R'], 'restart', 'Restart all pods'),
	actionCommand('workload.scale', ['s'], 'scale', 'Scale to N replicas…', {
		hint: 'scale',
		run: (env) => openScaleDialog(env, ''),
	}),
	actionCommand('workload.scaleUp', ['+', '='], 'scale', 'Scale up by one', { run: scaleBy(1) }),
	actionCommand('workload.scaleDown', ['-'], 'scale', 'Scale down by one', { run: scaleBy(-1) }),
];
