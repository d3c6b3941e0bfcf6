// Prometheus credentials come from the environment, never from flags, so they stay out of shell
// history and process listings.

export const TOKEN_ENV = 'ROLLTOP_PROMETHEUS_TOKEN';
export const USER_ENV = 'ROLLTOP_PROMETHEUS_USER';
export const PASSWORD_ENV = 'ROLLTOP_PROMETHEUS_PASSWORD';

export interface PrometheusAuth {
	token?: string;
	username?: string;
	password?: string;
}

/** A bearer token wins over basic auth when both are set. */
export function authFromEnv(env: NodeJS.ProcessEnv = process.env): PrometheusAuth | undefined {
	if (env[TOKEN_ENV]) return { token: env[TOKEN_ENV] };
	if (env[USER_ENV]) return { username: env[USER_ENV], password: env[PASSWORD_ENV] ?? '' };
	return undefined;
}
