// `GET …/pods/NAME/log` as the API server answers it (PodLogOptions): container (defaulted when the
// pod has one), follow, previous, tailLines, sinceSeconds/sinceTime, timestamps, limitBytes; the
// kubelet's 400s when there is no log; lines flushed as they are written while following.
import type { ServerResponse } from 'node:http';
import type { Pod } from '../domain/k8s';
import { containerNames, logTimestamp, type LogLine, type OpenLogs } from '../domain/logs';
import { ApiError } from './status';

export interface PodLogRequest {
	url: URL;
	pod: Pod | undefined;
	namespace: string;
	name: string;
}

function flag(params: URLSearchParams, name: string): boolean {
	const value = params.get(name);
	return value === 'true' || value === '1';
}

function integer(params: URLSearchParams, name: string, min: number): number | undefined {
	const text = params.get(name);
	if (text === null) return undefined;
	const value = Number(text);
	if (!Number.isInteger(value) || value < min) throw new ApiError(422, `PodLogOptions "" is invalid: ${name}: Invalid value: ${text}: must be greater than or equal to ${min}`);
	return value;
}

function containerOf(pod: Pod, params: URLSearchParams): string {
	const given = params.get('container');
	if (given) return given;
	const names = containerNames(pod);
	if (names.length === 1) return names[0];
	throw new ApiError(400, `a container name must be specified for pod ${pod.metadata.name}, choose one of: [${names.join(' ')}]`);
}

/** The start time a request asks for: sinceTime (RFC 3339) or sinceSeconds before `now`, at most one. */
function sinceOf(params: URLSearchParams, now: number): number | undefined {
	const seconds = integer(params, 'sinceSeconds', 1);
	const time = params.get('sinceTime');
	if (seconds !== undefined && time !== null) throw new ApiError(422, 'PodLogOptions "" is invalid: []: Forbidden: at most one of `sinceTime` or `sinceSeconds` may be specified');
	if (seconds !== undefined) return now - seconds * 1000;
	if (time === null) return undefined;
	const at = Date.parse(time);
	if (!Number.isFinite(at)) throw new ApiError(400, `parsing time "${time}" as RFC3339: cannot parse`);
	return at;
}

export function servePodLog(req: PodLogRequest, res: ServerResponse, openLogs: OpenLogs, now: number): void {
	if (!req.pod) throw new ApiError(404, `pods "${req.name}" not found`, { name: req.name, kind: 'pods' });
	const params = req.url.searchParams;
	const container = containerOf(req.pod, params);
	const follow = flag(params, 'follow');
	const timestamps = flag(params, 'timestamps');
	const limitBytes = integer(params, 'limitBytes', 1);
	const request = {
		namespace: req.namespace,
		pod: req.name,
		container,
		follow,
		previous: flag(params, 'previous'),
		tailLines: integer(params, 'tailLines', 0),
		sinceTime: sinceOf(params, now),
	};
	let sent = 0;
	let close = () => {};
	const write = (lines: LogLine[]) => {
		if (!res.headersSent) res.writeHead(200, { 'Content-Type': 'text/plain', 'Transfer-Encoding': 'chunked' });
		let text = lines.map((l) => `${timestamps ? `${logTimestamp(l.at)} ` : ''}${l.text}\n`).join('');
		if (limitBytes !== undefined && sent + Buffer.byteLength(text) >= limitBytes) {
			text = Buffer.from(text).subarray(0, limitBytes - sent).toString();
			res.end(text);
			close();
			return;
		}
		sent += Buffer.byteLength(text);
		if (text) res.write(text);
	};
	let failed: ApiError | undefined;
	close = openLogs(request, {
		lines: (lines) => !res.writableEnded && write(lines),
		end: () => {
			if (res.writableEnded) return;
			if (!res.headersSent) res.writeHead(200, { 'Content-Type': 'text/plain' });
			res.end();
		},
		error: (message, status) => {
			failed = new ApiError(status ?? 500, message);
			if (res.headersSent && !res.writableEnded) res.destroy();
		},
	});
	if (failed && !res.headersSent) {
		close();
		throw failed;
	}
	res.on('close', () => close());
}
