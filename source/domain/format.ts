// Small pure formatters shared by status and action rules: ages, image tags, timestamps.

/**
 * An age the way kubectl prints it (apimachinery duration.HumanDuration): 45s, 3m20s, 42m, 2h5m,
 * 10h, 4d, 3d2h, 400d, 2y30d. Precision shrinks as the age grows.
 */
export function formatAge(ms: number): string {
	const seconds = Math.trunc(ms / 1000);
	if (seconds < -1) return '<invalid>';
	if (seconds < 0) return '0s';
	if (seconds < 120) return `${seconds}s`;
	const minutes = Math.trunc(seconds / 60);
	if (minutes < 10) {
		const s = seconds % 60;
		return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
	}
	if (minutes < 180) return `${minutes}m`;
	const hours = Math.trunc(minutes / 60);
	if (hours < 8) {
		const m = minutes % 60;
		return m === 0 ? `${hours}h` : `${hours}h${m}m`;
	}
	if (hours < 48) return `${hours}h`;
	const days = Math.trunc(hours / 24);
	if (hours < 24 * 8) {
		const h = hours % 24;
		return h === 0 ? `${days}d` : `${days}d${h}h`;
	}
	if (hours < 24 * 365 * 2) return `${days}d`;
	const years = Math.trunc(days / 365);
	if (hours < 24 * 365 * 8) {
		const d = days % 365;
		return d === 0 ? `${years}y` : `${years}y${d}d`;
	}
	return `${years}y`;
}

/**
 * The tag of a container image reference ("vllm/vllm-openai:v0.6.3" → "v0.6.3"). A registry port
 * is not a tag; an untagged image is "latest"; a digest-only reference shows a short digest.
 */
export function imageTag(image: string): string {
	const [name, digest] = image.split('@', 2);
	const lastSegment = name.slice(name.lastIndexOf('/') + 1);
	const colon = lastSegment.lastIndexOf(':');
	if (colon >= 0) return lastSegment.slice(colon + 1);
	if (digest) return `@${digest.replace(/^sha256:/, '').slice(0, 12)}`;
	return 'latest';
}

/** RFC 3339 in UTC without fractional seconds, like Go's time.Now().UTC().Format(time.RFC3339). */
export function rfc3339(ms: number): string {
	return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** Milliseconds since the epoch of a Kubernetes timestamp, or undefined when absent or malformed. */
export function parseTime(timestamp: string | undefined): number | undefined {
	if (!timestamp) return undefined;
	const ms = Date.parse(timestamp);
	return Number.isNaN(ms) ? undefined : ms;
}
