// Pod logs as the Kubernetes API serves them (`pods/log`): the request options, the timestamps the
// kubelet prefixes with `timestamps=true`, and the kubelet's answers when there is no log to serve.
import type { ContainerStatus, Pod } from './k8s';

/** One log line with the time the container wrote it (ms since the epoch). */
export interface LogLine {
	at: number;
	text: string;
}

export interface LogRequest {
	namespace: string;
	pod: string;
	container: string;
	follow: boolean;
	previous?: boolean;
	tailLines?: number;
	/** Only lines written at or after this time (ms since the epoch), at second precision as the kubelet. */
	sinceTime?: number;
	limitBytes?: number;
}

/** What a log stream reports back; `end` follows a normal end of stream (the container stopped). */
export interface LogSink {
	lines(lines: LogLine[]): void;
	end(): void;
	/** The stream could not be opened or broke: `status` is the HTTP status when there was one. */
	error(message: string, status?: number): void;
}

/** Opens one stream; the returned function closes it (no further calls to the sink). */
export type OpenLogs = (request: LogRequest, sink: LogSink) => () => void;

/** RFC 3339 with exactly nine fractional digits, as the kubelet writes `timestamps=true` prefixes. */
export function logTimestamp(at: number): string {
	const iso = new Date(Math.floor(at)).toISOString();
	return `${iso.slice(0, 19)}.${iso.slice(20, 23)}000000Z`;
}

/** Splits a `timestamps=true` line into its time and text; lines without a prefix keep `fallback`. */
export function parseTimestamped(line: string, fallback: number): LogLine {
	const space = line.indexOf(' ');
	if (space > 19 && line[4] === '-' && line[10] === 'T') {
		const at = Date.parse(line.slice(0, space));
		if (Number.isFinite(at)) return { at, text: line.slice(space + 1) };
	}
	return { at: fallback, text: line };
}

/** The container `kubectl logs` picks when none is named: the default-container annotation, else the first. */
export function defaultContainer(pod: Pod): string | undefined {
	const names = (pod.spec.containers ?? []).map((c) => c.name);
	const annotated = pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'];
	return annotated && names.includes(annotated) ? annotated : names[0];
}

export function containerNames(pod: Pod): string[] {
	return (pod.spec.containers ?? []).map((c) => c.name);
}

const WAITING_TEXT: Record<string, string> = { ErrImagePull: 'image can\'t be pulled', ImagePullBackOff: 'trying and failing to pull image' };

/**
 * Why the kubelet would answer a log request for `container` with 400 instead of lines
 * (kubelet validateContainerLogStatus), or null when it serves lines. A pod not yet on a node is
 * served an empty 200 by the API server; callers check `spec.nodeName` for that.
 */
export function logUnavailable(pod: Pod, container: string, previous: boolean): string | null {
	const names = containerNames(pod);
	const podName = pod.metadata.name;
	if (!names.includes(container)) return `container ${container} is not valid for pod ${podName}`;
	const status: ContainerStatus | undefined = pod.status?.containerStatuses?.find((c) => c.name === container);
	const subject = `container "${container}" in pod "${podName}"`;
	if (!status) return `${subject} is not available`;
	const lastTerminated = status.lastState?.terminated;
	if (previous) return lastTerminated ? null : `previous terminated ${subject} not found`;
	const { waiting } = status.state ?? {};
	// A crash-looping container with a dead instance serves that instance's log.
	if (waiting && lastTerminated) return null;
	if (waiting) {
		const reason = waiting.reason;
		if (!reason) return `${subject} is waiting to start - no logs yet`;
		return `${subject} is waiting to start: ${WAITING_TEXT[reason] ?? reason}`;
	}
	return null;
}

/** Keeps the last `tailLines` lines (undefined: all). */
export function tail<T>(lines: T[], tailLines: number | undefined): T[] {
	return tailLines === undefined || lines.length <= tailLines ? lines : lines.slice(lines.length - tailLines);
}

/** One pod's stream that the console wants (derived from cluster state by the store). */
export interface LogStreamWant {
	/** namespace/pod */
	key: string;
	namespace: string;
	pod: string;
	container: string;
	role: string;
	previous: boolean;
	/** A stream can be opened now. */
	attach: boolean;
	/** Why not, when it cannot. */
	waiting?: string;
	/** The container instance: a new one is a new stream. */
	containerId?: string;
	restarts: number;
	lastTermination?: { exitCode?: number; reason?: string };
}

export interface LogDemand {
	/** Target and stream options: lines of another session are not mixed in. */
	session: string;
	streams: LogStreamWant[];
}


export type LogMarker = 'restart' | 'waiting' | 'error' | 'joined' | 'left';

/** A line for the log pane: the container's own, or one the console adds about the stream (marker). */
export interface PaneLogLine {
	at: number;
	pod: string;
	role: string;
	text: string;
	marker?: LogMarker;
}
