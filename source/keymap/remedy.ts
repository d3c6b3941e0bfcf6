// The domain says which action lifts a refusal or ends a wait; this adds the key that runs it, from
// the same command records as dispatch and help, so the hint follows the keymap.
import type { ActionKind, Remedy } from '../domain/action';
import type { ReplicaSet } from '../domain/k8s';
import { actionRefusal } from '../domain/plan-action';
import type { Workload } from '../domain/replica-set';
import { COMMANDS } from './commands';
import { keysLabel } from './keys';

/** "paused" + promote → "paused — press P to promote/resume". */
export function withRemedy(text: string, remedy: Remedy | undefined): string {
	const command = remedy && COMMANDS.find((c) => c.action === remedy.action);
	return command ? `${text} — press ${keysLabel(command)} to ${remedy.verb}` : text;
}

/** Why the key for `kind` does nothing right now, in words with the key that would help; null when it would plan. */
export function actionDisabledReason(kind: ActionKind, workload: Workload, replicaSets: ReplicaSet[]): string | null {
	const refusal = actionRefusal(kind, workload, replicaSets);
	return refusal && withRemedy(refusal.reason, refusal.remedy);
}
