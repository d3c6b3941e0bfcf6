// Phases and glyphs shared by rollouts, deployments and ReplicaSets, as the Argo Rollouts plugin
// draws them. A status is always shown as glyph + word so it survives NO_COLOR and the mono theme.

export type Phase = 'Healthy' | 'Progressing' | 'Paused' | 'Degraded' | 'ScaledDown';

export const PHASE_GLYPHS: Record<Phase, string> = {
	Healthy: '✔',
	Progressing: '◌',
	Paused: '॥',
	Degraded: '✖',
	ScaledDown: '•',
};

/** spec.progressDeadlineSeconds when unset, for Deployments and Rollouts alike. */
export const DEFAULT_PROGRESS_DEADLINE_SECONDS = 600;

/** Pod status glyphs beyond the phases (plugin: IconWarning, IconUnknown). */
export const WARNING_GLYPH = '⚠';
export const UNKNOWN_GLYPH = '?';

export interface ReplicaCounts {
	desired: number;
	current: number;
	updated: number;
	ready: number;
	available: number;
}

/** What a workload shows in one line: the phase with its glyph and the plugin's message. */
export interface WorkloadHealth {
	phase: Phase;
	glyph: string;
	message: string;
}

export function health(phase: Phase, message: string): WorkloadHealth {
	return { phase, glyph: PHASE_GLYPHS[phase], message };
}

/** Desired/current/updated/ready/available of a Rollout or Deployment, as its status reports them. */
export function replicaCounts(
	desired: number | undefined,
	status: { replicas?: number; updatedReplicas?: number; readyReplicas?: number; availableReplicas?: number },
): ReplicaCounts {
	return {
		desired: desired ?? 1,
		current: status.replicas ?? 0,
		updated: status.updatedReplicas ?? 0,
		ready: status.readyReplicas ?? 0,
		available: status.availableReplicas ?? 0,
	};
}
