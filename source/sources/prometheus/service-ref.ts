// A Kubernetes service that fronts Prometheus, reached through the API server's service proxy.

export interface ServiceRef {
	namespace: string;
	name: string;
	/** A port number or a named port. */
	port: string;
}

/** "namespace/service:port", or undefined when the text is not one. */
export function parseServiceRef(text: string): ServiceRef | undefined {
	const match = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?)\/([a-z0-9]([-a-z0-9]*[a-z0-9])?):([a-z0-9][-a-z0-9]*)$/.exec(text.trim());
	return match ? { namespace: match[1], name: match[3], port: match[5] } : undefined;
}
