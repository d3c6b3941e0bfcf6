// Tones of the workload phases; the status itself is a domain rule (domain/workload-status.ts).
import type { ColorToken } from '../theme/theme';
import type { Phase } from '../domain/status';

export const PHASE_TONES: Record<Phase, ColorToken> = {
	Healthy: 'ok',
	Progressing: 'accent',
	Paused: 'warn',
	Degraded: 'error',
	ScaledDown: 'muted',
};
