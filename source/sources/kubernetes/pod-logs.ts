// Log streams of a live cluster through client-node's `Log` (GET …/pods/NAME/log): always with
// timestamps (each line's time, so a re-opened stream resumes after the last line), split into
// lines, an end of stream reported when the server ends it (the container stopped). client-node 1.4
// drops 4xx bodies, so those come back as their status; the store explains waiting pods from
// their status instead.
import { Writable } from 'node:stream';
import { Log, type KubeConfig } from '@kubernetes/client-node';
import { parseTimestamped, type LogLine, type LogRequest, type LogSink, type OpenLogs } from '../../domain/logs';

/** Splits written chunks into timestamped lines; a partial last line waits for its end. */
function lineWriter(sink: LogSink, isOpen: () => boolean): Writable {
	let partial = '';
	return new Writable({
		write(chunk: Buffer, _encoding, done) {
			const text = partial + chunk.toString('utf8');
			const parts = text.split('\n');
			partial = parts.pop() ?? '';
			const now = Date.now();
			const lines: LogLine[] = parts.map((line) => parseTimestamped(line, now));
			if (lines.length && isOpen()) sink.lines(lines);
			done();
		},
		final(done) {
			if (partial && isOpen()) sink.lines([parseTimestamped(partial, Date.now())]);
			partial = '';
			if (isOpen()) sink.end();
			done();
		},
	});
}

function statusOf(error: unknown): number | undefined {
	const code = (error as { code?: unknown }).code;
	return typeof code === 'number' ? code : undefined;
}

export function podLogOpener(kc: KubeConfig): OpenLogs {
	const log = new Log(kc);
	return (request: LogRequest, sink: LogSink) => {
		let open = true;
		let controller: AbortController | undefined;
		const writer = lineWriter(sink, () => open);
		log
			.log(request.namespace, request.pod, request.container, writer, {
				follow: request.follow,
				previous: request.previous,
				timestamps: true,
				...(request.tailLines !== undefined ? { tailLines: request.tailLines } : {}),
				...(request.sinceTime !== undefined ? { sinceTime: new Date(request.sinceTime).toISOString() } : {}),
				...(request.limitBytes !== undefined ? { limitBytes: request.limitBytes } : {}),
			})
			.then(
				(abort) => {
					controller = abort;
					if (!open) abort.abort();
				},
				(error: unknown) => {
					if (!open) return;
					open = false;
					const status = statusOf(error);
					// client-node reports network failures as a 500 without the server's words.
					sink.error(status === 500 || status === undefined ? 'cannot reach the API server for logs' : `log request refused (HTTP ${status})`, status);
				},
			);
		// Aborting ends nothing on the writer (node-fetch swallows it): closing is final here.
		return () => {
			open = false;
			controller?.abort();
		};
	};
}
