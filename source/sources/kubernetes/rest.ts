// Raw JSON requests through client-node's HTTP stack and kubeconfig authentication (token, exec
// plugins, client certificates). The generated typed APIs are not used: they default PATCH to JSON
// Patch, cover Rollouts and built-in kinds with different methods, and deserialize into models that
// drop unknown fields and turn timestamps into Date objects, while rolltop needs the objects as sent.
import { createConfiguration, HttpMethod, ServerConfiguration, type Configuration, type KubeConfig } from '@kubernetes/client-node';

export interface RestResponse {
	/** HTTP status; 0 when no answer arrived (unreachable server, timeout, failed credential plugin). */
	status: number;
	body?: unknown;
	/** One line for people: the Status message of an error, or why there was no answer. */
	message?: string;
}

export interface RestRequest {
	query?: Record<string, string>;
	contentType?: string;
	body?: unknown;
	timeoutMs?: number;
}

function oneLine(text: string): string {
	return text.split('\n')[0].trim();
}

/** Why a request got no answer, without echoing headers, URLs or credentials. */
export function describeTransportError(error: unknown, server: string): string {
	const err = error as { code?: string; name?: string; message?: string; cause?: { code?: string } };
	const code = err.code ?? err.cause?.code;
	if (err.name === 'AbortError' || err.name === 'TimeoutError') return `API server ${server} did not answer in time`;
	if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EHOSTUNREACH' || code === 'ECONNRESET' || code === 'ETIMEDOUT') {
		return `cannot reach API server ${server} (${code})`;
	}
	if (code) return `request to API server ${server} failed (${code})`;
	return `request to API server ${server} failed: ${oneLine(err.message ?? String(error))}`;
}

export class RestClient {
	private readonly config: Configuration;
	readonly server: string;

	constructor(private readonly kc: KubeConfig) {
		const cluster = kc.getCurrentCluster();
		if (!cluster) throw new Error('the kubeconfig has no current cluster');
		this.server = cluster.server;
		this.config = createConfiguration({ baseServer: new ServerConfiguration(cluster.server, {}), authMethods: { default: kc } });
	}

	async request(method: 'GET' | 'PATCH' | 'POST', path: string, options: RestRequest = {}): Promise<RestResponse> {
		const context = this.config.baseServer.makeRequestContext(path, HttpMethod[method]);
		for (const [key, value] of Object.entries(options.query ?? {})) context.setQueryParam(key, value);
		context.setHeaderParam('Accept', 'application/json');
		if (options.contentType) context.setHeaderParam('Content-Type', options.contentType);
		if (options.body !== undefined) context.setBody(JSON.stringify(options.body));
		context.setSignal(AbortSignal.timeout(options.timeoutMs ?? 30_000));
		let text: string;
		let status: number;
		try {
			await this.kc.applySecurityAuthentication(context);
			const response = await this.config.httpApi.send(context).toPromise();
			status = response.httpStatusCode;
			text = await response.body.text();
		} catch (error) {
			return { status: 0, message: describeTransportError(error, this.server) };
		}
		let body: unknown;
		try {
			body = text ? JSON.parse(text) : undefined;
		} catch {
			body = undefined;
		}
		if (status >= 200 && status < 300) return { status, body };
		const statusMessage = (body as { message?: unknown } | undefined)?.message;
		return { status, body, message: typeof statusMessage === 'string' ? oneLine(statusMessage) : oneLine(text) || `HTTP ${status}` };
	}
}
