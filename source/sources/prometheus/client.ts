// The Prometheus HTTP API over axios, reached directly or through the Kubernetes API server's
// service proxy. Every failure becomes a PrometheusError with one line that carries no secret.
import { readFileSync } from 'node:fs';
import https from 'node:https';
import type { KubeConfig } from '@kubernetes/client-node';
import axios, { type AxiosError, type AxiosInstance, type AxiosRequestConfig } from 'axios';
import type { PrometheusAuth } from './auth-env';
import { describeFailure, PrometheusError } from './errors';
import type { ServiceRef } from './service-ref';

export interface PrometheusConnection {
	/** Prometheus base URL (`--prometheus`), e.g. http://prometheus.example:9090 or a managed endpoint with a path prefix. */
	url?: string;
	/** Or a Kubernetes service reached through the API server's proxy (needs `kubeConfig`). */
	service?: ServiceRef;
	kubeConfig?: KubeConfig;
	auth?: PrometheusAuth;
	/** PEM file of the CA that signed Prometheus's certificate (`--prometheus-ca`). */
	caFile?: string;
	/** Skip TLS verification (`--prometheus-insecure`): only when asked for explicitly. */
	insecure?: boolean;
	timeoutMs?: number;
}

export interface VectorResult {
	metric: Record<string, string>;
	value: [number, string];
}

export interface MatrixResult {
	metric: Record<string, string>;
	values: Array<[number, string]>;
}

interface ApiResponse<T> {
	status: 'success' | 'error';
	data?: { resultType: string; result: T };
	errorType?: string;
	error?: string;
}

/** A URL safe to show: no credentials, query or fragment. */
function publicUrl(url: URL): string {
	return `${url.protocol}//${url.host}${url.pathname.replace(/\/$/, '')}`;
}

export class PrometheusClient {
	/** Where queries go, for messages ("http://prom:9090", "service monitoring/prometheus:9090"). */
	readonly target: string;
	private readonly baseUrl: string;
	private readonly http: AxiosInstance;
	/** TLS material from the kubeconfig, built once: certificates rotate far less often than tokens. */
	private proxyAgent?: https.Agent;

	constructor(private readonly connection: PrometheusConnection) {
		const { url, service, kubeConfig } = connection;
		if (url !== undefined) {
			let parsed: URL;
			try {
				parsed = new URL(url);
			} catch {
				throw new PrometheusError(`prometheus URL "${url}" is not a valid URL (expected http(s)://host:port)`);
			}
			if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
				throw new PrometheusError(`prometheus URL "${parsed.username ? publicUrl(parsed) : url}" must start with http:// or https://`);
			}
			this.target = publicUrl(parsed);
			this.baseUrl = this.target;
		} else if (service) {
			const server = kubeConfig?.getCurrentCluster()?.server;
			if (!server) throw new PrometheusError('prometheus service needs a kubeconfig with a current cluster');
			this.target = `service ${service.namespace}/${service.name}:${service.port}`;
			this.baseUrl = `${server.replace(/\/$/, '')}/api/v1/namespaces/${service.namespace}/services/${service.name}:${service.port}/proxy`;
		} else {
			throw new PrometheusError('no prometheus configured (use --prometheus URL or prometheus.service in the config)');
		}
		const ca = connection.caFile ? readCa(connection.caFile) : undefined;
		this.http = axios.create({
			timeout: connection.timeoutMs ?? 10_000,
			httpsAgent: new https.Agent({ ca, rejectUnauthorized: !connection.insecure, keepAlive: true }),
			// Prometheus answers errors with a JSON body that says why: read it instead of throwing.
			validateStatus: () => true,
			// Credentials in a direct URL are applied as headers, never logged.
			...(url !== undefined ? urlCredentials(new URL(url)) : {}),
		});
	}

	/** An instant query at Prometheus's own "now"; each result carries the evaluation time. */
	async query(expr: string): Promise<VectorResult[]> {
		return (await this.get<VectorResult[]>('/api/v1/query', { query: expr })).result;
	}

	async queryRange(expr: string, fromMs: number, toMs: number, stepMs: number): Promise<MatrixResult[]> {
		const params = { query: expr, start: fromMs / 1000, end: toMs / 1000, step: Math.max(stepMs, 1) / 1000 };
		return (await this.get<MatrixResult[]>('/api/v1/query_range', params)).result;
	}

	private async get<T>(path: string, params: Record<string, string | number>): Promise<{ result: T }> {
		let auth: AxiosRequestConfig;
		try {
			auth = await this.requestAuth();
		} catch (error) {
			throw new PrometheusError(`prometheus ${this.target}: kubeconfig credentials failed: ${(error as Error).message.split('\n')[0]}`);
		}
		let response;
		try {
			response = await this.http.get<ApiResponse<T>>(`${this.baseUrl}${path}`, { params, ...auth });
		} catch (error) {
			throw new PrometheusError(describeFailure(this.target, error as AxiosError | Error));
		}
		const body = response.data;
		if (response.status >= 200 && response.status < 300 && body?.status === 'success' && body.data) {
			return { result: body.data.result };
		}
		throw new PrometheusError(describeFailure(this.target, response.status, body?.errorType, body?.error), response.status);
	}

	/** Headers and TLS material for one request: ours, or the kubeconfig's for the service proxy. */
	private async requestAuth(): Promise<AxiosRequestConfig> {
		const { service, kubeConfig, auth } = this.connection;
		if (service && kubeConfig) {
			const options: https.RequestOptions = {};
			await kubeConfig.applyToHTTPSOptions(options);
			const headers = { ...(options.headers as Record<string, string> | undefined) };
			if (options.auth && !headers.Authorization) headers.Authorization = basic(options.auth);
			this.proxyAgent ??= new https.Agent({
				ca: options.ca,
				cert: options.cert,
				key: options.key,
				rejectUnauthorized: options.rejectUnauthorized ?? true,
				keepAlive: true,
			});
			return { headers, httpsAgent: this.proxyAgent };
		}
		if (auth?.token) return { headers: { Authorization: `Bearer ${auth.token}` } };
		if (auth?.username !== undefined) return { headers: { Authorization: basic(`${auth.username}:${auth.password ?? ''}`) } };
		return {};
	}
}

function basic(userPass: string): string {
	return `Basic ${Buffer.from(userPass).toString('base64')}`;
}

function urlCredentials(url: URL): AxiosRequestConfig {
	if (!url.username) return {};
	return { headers: { Authorization: basic(`${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`) } };
}

function readCa(file: string): Buffer {
	try {
		return readFileSync(file);
	} catch (error) {
		throw new PrometheusError(`prometheus CA file ${file}: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}`);
	}
}
