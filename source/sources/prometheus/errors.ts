// One-line descriptions of Prometheus failures for the header banner: what failed and what to do,
// naming the target by its public URL only (no credentials, tokens or query strings).
import type { AxiosError } from 'axios';
import { PASSWORD_ENV, TOKEN_ENV, USER_ENV } from './auth-env';

export class PrometheusError extends Error {
	constructor(
		message: string,
		readonly status?: number,
	) {
		super(message);
		this.name = 'PrometheusError';
	}
}

const NETWORK_CODES: Record<string, string> = {
	ECONNREFUSED: 'connection refused',
	ECONNRESET: 'connection reset',
	ENOTFOUND: 'host not found',
	EAI_AGAIN: 'host not found (DNS)',
	EHOSTUNREACH: 'host unreachable',
	ENETUNREACH: 'network unreachable',
	ETIMEDOUT: 'timed out',
	ECONNABORTED: 'timed out',
	ERR_CANCELED: 'request cancelled',
};

const TLS_CODES = new Set([
	'DEPTH_ZERO_SELF_SIGNED_CERT',
	'SELF_SIGNED_CERT_IN_CHAIN',
	'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
	'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
	'CERT_HAS_EXPIRED',
	'ERR_TLS_CERT_ALTNAME_INVALID',
]);

function oneLine(text: string, max = 160): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export function describeFailure(target: string, failure: AxiosError | Error | number, errorType?: string, error?: string): string {
	if (typeof failure === 'number') {
		if (failure === 401) return `prometheus ${target}: 401 unauthorized (set ${TOKEN_ENV}, or ${USER_ENV} and ${PASSWORD_ENV})`;
		if (failure === 403) return `prometheus ${target}: 403 forbidden (the credentials may not query this Prometheus)`;
		if (failure === 404) return `prometheus ${target}: 404 not found (is this the Prometheus base URL, including any path prefix?)`;
		if (error) return `prometheus ${target}: query rejected (${errorType ?? failure}: ${oneLine(error)})`;
		return `prometheus ${target}: HTTP ${failure}`;
	}
	const code = (failure as AxiosError).code ?? (failure.cause as NodeJS.ErrnoException | undefined)?.code;
	if (code && NETWORK_CODES[code]) return `prometheus ${target} unreachable: ${NETWORK_CODES[code]}`;
	if (code && TLS_CODES.has(code)) {
		return `prometheus ${target}: TLS certificate not trusted (${code}); pass --prometheus-ca FILE or --prometheus-insecure`;
	}
	return `prometheus ${target} unreachable: ${oneLine(code ?? failure.message)}`;
}
