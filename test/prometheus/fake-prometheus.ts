// A stand-in for the Prometheus HTTP API that answers from recorded responses and records every
// request, so tests can assert exactly what the prometheus source sent.
import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { join } from 'node:path';
import { packageRoot } from '../../source/package-root';
import { presetFreshnessQuery, presetQueries, type PresetName } from '../../source/sources/prometheus/presets';

export interface FakeRequest {
	path: string;
	params: Record<string, string>;
	headers: IncomingHttpHeaders;
}

export interface Answer {
	status: number;
	body: unknown;
}

export interface FakePrometheus {
	url: string;
	port: number;
	requests: FakeRequest[];
	/** Replace how requests are answered. */
	answer: (request: FakeRequest) => Answer;
	close(): Promise<void>;
}

export async function startFakePrometheus(answer: (request: FakeRequest) => Answer, port = 0): Promise<FakePrometheus> {
	const fake = { requests: [] as FakeRequest[], answer } as FakePrometheus;
	const server: Server = createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://localhost');
		const request = { path: url.pathname, params: Object.fromEntries(url.searchParams), headers: req.headers };
		fake.requests.push(request);
		const { status, body } = fake.answer(request);
		res.writeHead(status, { 'Content-Type': 'application/json' });
		res.end(JSON.stringify(body));
	});
	await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
	fake.port = (server.address() as { port: number }).port;
	fake.url = `http://127.0.0.1:${fake.port}`;
	fake.close = () =>
		new Promise((resolve) => {
			server.closeAllConnections();
			server.close(() => resolve());
		});
	return fake;
}

export interface RecordedRefresh {
	window: string;
	responses: Record<string, unknown>;
}

export function loadFixture<T = RecordedRefresh>(name: string): T {
	return JSON.parse(readFileSync(join(packageRoot(), 'fixtures', 'prometheus', name), 'utf8')) as T;
}

/** Answers each preset query (and detection) with the recorded response for it; unknown queries get an empty vector. */
export function answerFromRecording(recording: RecordedRefresh, presets: PresetName[] = ['dcgm', 'vllm']): (request: FakeRequest) => Answer {
	const byQuery = new Map<string, unknown>();
	for (const preset of presets) {
		for (const [key, expr] of Object.entries(presetQueries(preset, recording.window))) {
			const recorded = recording.responses[`${preset}.${key}`];
			if (recorded) byQuery.set(expr!, recorded);
		}
		byQuery.set(presetFreshnessQuery(preset), recording.responses[`${preset}.live`]);
	}
	return ({ path, params }) => {
		if (path === '/api/v1/query_range') return { status: 200, body: recording.responses['range.vllm.p99'] };
		if (params.query.startsWith('count by (__name__)')) return { status: 200, body: recording.responses.detect };
		return { status: 200, body: byQuery.get(params.query) ?? { status: 'success', data: { resultType: 'vector', result: [] } } };
	};
}
