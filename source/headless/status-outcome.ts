// When `rolltop status` stops and with which exit code (DESIGN §5d). The Argo plugin exits 1 for
// every failure; a CI gate needs to tell a failed rollout from a slow one or a typo, so each has its own code.
import type { WorkloadReport } from './workload-report';

export const EXIT = { healthy: 0, failed: 1, usage: 2, timeout: 3, notFound: 4 } as const;

export type Outcome = { final: false } | { final: true; exitCode: number; reason?: string };

/** Healthy → 0; Degraded (incl. aborted) → 1 with the message as the reason; Paused → 0 only when asked. */
export function statusOutcome(report: Pick<WorkloadReport, 'phase' | 'message'>, successOnPause: boolean): Outcome {
	if (report.phase === 'Healthy') return { final: true, exitCode: EXIT.healthy };
	if (report.phase === 'Degraded') return { final: true, exitCode: EXIT.failed, reason: report.message || 'Degraded' };
	if (report.phase === 'Paused' && successOnPause) return { final: true, exitCode: EXIT.healthy };
	return { final: false };
}
