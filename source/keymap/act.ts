// Planning an action on a workload and sending it: destructive plans wait for the operator's
// confirmation; every result goes to the action log and the footer.
import type { Action, ActionKind, ActionPlan, NodeActionKind } from '../domain/action';
import { planNodeAction } from '../domain/node-actions';
import { refOf, type ObjectRef } from '../domain/k8s';
import { planAction } from '../domain/plan-action';
import type { Workload } from '../domain/replica-set';
import { getObject } from '../store/cluster-state';
import { selectedNode, selectedWorkload } from '../store/lists';
import { selectReplicaSets } from '../store/selectors';
import type { Store } from '../store/store';
import type { Host } from './host';
import { withRemedy } from './remedy';

/** Plans `kind` on the selected workload, or on `target`, which a dialog named. */
export function act(store: Store, host: Host, kind: ActionKind, replicas?: number, target?: ObjectRef): void {
	const workload = target ? (getObject(store.cluster, target.kind, target.namespace, target.name) as Workload | undefined) : selectedWorkload(store.getSnapshot());
	if (!workload) {
		if (target) store.flash(`${target.kind.toLowerCase()} ${target.namespace}/${target.name} no longer exists`, 'warn');
		return;
	}
	const action: Action = { kind, target: refOf(workload), ...(replicas !== undefined ? { replicas } : {}) };
	const result = planAction(action, { object: workload, replicaSets: selectReplicaSets(store.cluster, workload), now: store.cluster.now });
	if (!result.ok) return store.flash(`${kind}: ${withRemedy(result.reason, result.remedy)}`, 'warn');
	if (result.plan.destructive || result.plan.confirm) return store.updateUi({ mode: { kind: 'confirm', plan: result.plan } });
	void execute(store, host, result.plan);
}

/** Plans cordon/uncordon of the selected node and asks for confirmation. */
export function actOnNode(store: Store, kind: NodeActionKind): void {
	const node = selectedNode(store.getSnapshot())?.node;
	if (!node) return store.flash(`${kind}: select a node first`, 'warn');
	const result = planNodeAction(kind, node);
	if (!result.ok) return store.flash(`${kind}: ${result.reason}`, 'warn');
	store.updateUi({ mode: { kind: 'confirm', plan: result.plan } });
}

export async function execute(store: Store, host: Host, plan: ActionPlan): Promise<void> {
	const result = await host.execute(plan);
	store.addLog({ at: store.cluster.now, summary: plan.summary, ok: result.ok, message: result.message, user: host.user });
	store.flash(result.ok ? `✔ ${plan.summary}` : `✖ ${result.message}`, result.ok ? 'ok' : 'error');
}
