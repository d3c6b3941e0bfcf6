// The console's own record of what the operator did and what came of it.
export interface ActionLogEntry {
	/** Source clock (simulated or wall time), ms. */
	at: number;
	summary: string;
	ok: boolean;
	message: string;
	/** Who: the local user, as kubectl would not know better. */
	user: string;
}

export const ACTION_LOG_LIMIT = 200;

export function appendLog(log: ActionLogEntry[], entry: ActionLogEntry): ActionLogEntry[] {
	const next = [entry, ...log];
	return next.length > ACTION_LOG_LIMIT ? next.slice(0, ACTION_LOG_LIMIT) : next;
}
