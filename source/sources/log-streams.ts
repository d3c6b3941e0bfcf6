// Answers the log pane's demand: one stream per wanted pod (stern's model), lines fed back into the
// store. A stream that ends while its pod lives is re-opened for the next container instance, after
// a `container restarted` mark; a pod that cannot serve logs yet shows why and is attached when it
// can; a stream that fails is one line in the pane and is retried with backoff, resuming after the
// last line received. One instance per cluster source.
import type { LogDemand, LogMarker, LogStreamWant, OpenLogs, PaneLogLine } from '../domain/logs';

/** Lines each pod's stream starts with. */
export const DEFAULT_TAIL_LINES = 200;

export type DeliverLogs = (session: string, lines: PaneLogLine[]) => void;

/** Delays between retries of a failed stream (capped exponential); reset by a line received. */
export interface RetryDelays {
	next(): number;
	reset(): void;
}

export interface LogStreamsOptions {
	tailLines?: number;
	retryDelays: () => RetryDelays;
}

interface StreamState {
	want: LogStreamWant;
	close?: () => void;
	/** The container instance a stream was opened for (undefined: none yet, or to be retried). */
	openedFor?: string;
	restarts: number;
	/** The waiting message shown last, so it is shown once. */
	shown?: string;
	/** Time of the last line received: a re-opened stream resumes after it. */
	lastAt?: number;
	retry?: ReturnType<typeof setTimeout>;
	backoff: RetryDelays;
}

export class LogStreams {
	private readonly streams = new Map<string, StreamState>();
	private session: string | undefined;
	private stopped = false;

	constructor(
		private readonly open: OpenLogs | undefined,
		private readonly deliver: DeliverLogs,
		private readonly options: LogStreamsOptions,
	) {}

	want(demand: LogDemand | undefined): void {
		if (this.stopped) return;
		if (!demand || demand.session !== this.session) {
			this.closeAll();
			this.session = demand?.session;
			if (!demand) return;
			if (!this.open) return this.mark(undefined, 'error', 'this source does not serve logs');
		}
		const first = this.streams.size === 0;
		const wanted = new Set<string>();
		for (const want of demand.streams) {
			wanted.add(want.key);
			let state = this.streams.get(want.key);
			if (!state) {
				state = { want, restarts: want.restarts, backoff: this.options.retryDelays() };
				this.streams.set(want.key, state);
				if (!first) this.mark(want, 'joined', `+ ${want.pod} › ${want.container}`);
			}
			this.update(state, want);
		}
		for (const [key, state] of this.streams) {
			if (wanted.has(key)) continue;
			this.closeStream(state);
			this.streams.delete(key);
			this.mark(state.want, 'left', `- ${state.want.pod} › ${state.want.container}`);
		}
	}

	stop(): void {
		this.stopped = true;
		this.closeAll();
	}

	private update(state: StreamState, want: LogStreamWant): void {
		state.want = want;
		const restarted = want.restarts > state.restarts && !want.previous;
		// State first, then deliver: delivering may notify and bring the next demand at once.
		state.restarts = want.restarts;
		if (restarted) {
			const t = want.lastTermination;
			this.mark(want, 'restart', `── container restarted: exit ${t?.exitCode ?? '?'} (${t?.reason ?? 'unknown'}) ──`);
		}
		if (want.attach) {
			if (state.openedFor !== (want.containerId ?? '') && !state.retry) this.openStream(state);
		} else if (want.waiting && want.waiting !== state.shown && !state.close) {
			state.shown = want.waiting;
			this.mark(want, 'waiting', want.waiting);
		}
	}

	private openStream(state: StreamState): void {
		const { want } = state;
		const session = this.session ?? '';
		state.openedFor = want.containerId ?? '';
		state.shown = undefined;
		let done = false;
		const finish = () => {
			done = true;
			state.close = undefined;
		};
		const close = this.open!(
			{
				namespace: want.namespace,
				pod: want.pod,
				container: want.container,
				follow: !want.previous,
				previous: want.previous,
				...(state.lastAt === undefined ? { tailLines: this.options.tailLines ?? DEFAULT_TAIL_LINES } : { sinceTime: state.lastAt }),
			},
			{
				lines: (lines) => {
					if (done || this.session !== session) return;
					const after = state.lastAt;
					const fresh = after === undefined ? lines : lines.filter((line) => line.at > after);
					if (fresh.length === 0) return;
					state.lastAt = fresh[fresh.length - 1].at;
					state.backoff.reset();
					this.deliver(session, fresh.map((line) => ({ at: line.at, pod: want.pod, role: state.want.role, text: line.text })));
				},
				end: finish,
				error: (message, status) => {
					if (done) return;
					finish();
					if (this.session !== session) return;
					// The kubelet's answer (waiting, no previous run): shown; the next instance re-attaches.
					if (status !== undefined && status >= 400 && status < 500) {
						if (message !== state.shown) this.mark(state.want, 'waiting', message);
						state.shown = message;
						return;
					}
					const delay = state.backoff.next();
					this.mark(state.want, 'error', `log stream failed: ${message} — retrying in ${(delay / 1000).toFixed(1)} s`);
					state.retry = setTimeout(() => {
						state.retry = undefined;
						if (this.streams.get(state.want.key) !== state || this.session !== session) return;
						state.openedFor = undefined;
						this.update(state, state.want);
					}, delay);
				},
			},
		);
		if (!done) state.close = close;
	}

	private mark(want: LogStreamWant | undefined, marker: LogMarker, text: string): void {
		this.deliver(this.session ?? '', [{ at: 0, pod: want?.pod ?? '', role: want?.role ?? '', text, marker }]);
	}

	private closeStream(state: StreamState): void {
		state.close?.();
		state.close = undefined;
		if (state.retry) clearTimeout(state.retry);
		state.retry = undefined;
	}

	private closeAll(): void {
		for (const state of this.streams.values()) this.closeStream(state);
		this.streams.clear();
	}
}
