// The live cluster source: one list+watch per kind and scope, Argo kinds only when discovery finds
// them, PATCHes with explicit Content-Types, and access reviews for disabled-key reasons.
import { Watch } from '@kubernetes/client-node';
import { PATCH_CONTENT_TYPES, type PatchRequest, type PatchResponse } from '../../domain/action';
import { RESOURCES, type Kind } from '../../domain/k8s';
import type { ClusterSource, SourceEvent } from '../../domain/source';
import { AccessReviewer } from './access-review';
import { objectPath } from './api-paths';
import { Backoff, formatDelay, type BackoffOptions } from './backoff';
import { describeFailure } from './errors';
import { loadKubeConfig, type KubeConfigOptions } from './kubeconfig';
import { podLogOpener } from './pod-logs';
import { ListWatch } from './list-watch';
import { RestClient } from './rest';

export { KubeConfigError, hasUsableKubeconfig, listContexts, loadKubeConfig, kubeconfigFiles } from './kubeconfig';
export type { KubeConfigOptions, LoadedKubeConfig } from './kubeconfig';

export interface KubernetesSourceOptions extends KubeConfigOptions {
	/** `-A`: watch every namespace (actions still name each object's own namespace). */
	allNamespaces?: boolean;
	backoff?: BackoffOptions;
	watchTimeoutSeconds?: number;
	/** How often to emit a wall-clock `clock` event (default 1000 ms; 0 = never). */
	clockIntervalMs?: number;
	env?: Record<string, string | undefined>;
}

export interface KubernetesSource extends ClusterSource {
	readonly kind: 'live';
	readonly context: string;
	/** undefined with --all-namespaces. */
	readonly namespace: string | undefined;
	readonly server: string;
}

const CORE_KINDS: readonly Kind[] = ['Deployment', 'ReplicaSet', 'Pod', 'Event'];
/** Kinds that only some panes need: RBAC may forbid them (a namespace-scoped Role cannot list nodes). */
const OPTIONAL_KINDS: ReadonlySet<Kind> = new Set(['Node', 'Rollout', 'AnalysisRun', 'HorizontalPodAutoscaler', 'ScaledObject']);
const ARGO_PATH = '/apis/argoproj.io/v1alpha1';
export const ARGO_MISSING_HINT =
	'Argo Rollouts CRDs not installed: argoproj.io/v1alpha1 is not served by this cluster, so only Deployments are shown (install Argo Rollouts to see Rollouts)';

interface OptionalGroup {
	path: string;
	kinds: Kind[];
	/** Kinds whose absence from a served group is worth a hint (AnalysisRuns go unmentioned). */
	reportMissing: Kind[];
	hint: string;
}

/** API groups watched only when discovery finds them. */
const OPTIONAL_GROUPS: readonly OptionalGroup[] = [
	{ path: ARGO_PATH, kinds: ['Rollout', 'AnalysisRun'], reportMissing: ['Rollout'], hint: ARGO_MISSING_HINT },
	{
		path: '/apis/autoscaling/v2',
		kinds: ['HorizontalPodAutoscaler'],
		reportMissing: ['HorizontalPodAutoscaler'],
		hint: 'not served: autoscaling/v2 (HorizontalPodAutoscalers) is absent from this cluster',
	},
	{ path: '/apis/keda.sh/v1alpha1', kinds: ['ScaledObject'], reportMissing: ['ScaledObject'], hint: 'not served: keda.sh/v1alpha1 (KEDA is not installed)' },
];

/** Collects events emitted in one turn of the event loop into one batch for the store. */
function batching(emit: (events: SourceEvent[]) => void): { push(event: SourceEvent): void; cancel(): void } {
	let pending: SourceEvent[] = [];
	let scheduled: NodeJS.Immediate | undefined;
	return {
		push(event) {
			pending.push(event);
			scheduled ??= setImmediate(() => {
				scheduled = undefined;
				const batch = pending;
				pending = [];
				emit(batch);
			});
		},
		cancel() {
			if (scheduled) clearImmediate(scheduled);
			scheduled = undefined;
			pending = [];
		},
	};
}

/** Throws KubeConfigError (one line) when the kubeconfig or context is unusable. */
export function createKubernetesSource(options: KubernetesSourceOptions = {}): KubernetesSource {
	const loaded = loadKubeConfig(options, options.env);
	const rest = new RestClient(loaded.kc);
	const reviewer = new AccessReviewer(rest);
	const namespace = options.allNamespaces ? undefined : loaded.namespace;
	let running: { stop(): void } | undefined;

	const start = (emit: (events: SourceEvent[]) => void) => {
		running?.stop();
		const out = batching(emit);
		const watches: ListWatch[] = [];
		let stopped = false;
		const timers: NodeJS.Timeout[] = [];
		const watch = (kind: Kind) => {
			const lw = new ListWatch({
				kind,
				namespace,
				rest,
				watcher: new Watch(loaded.kc),
				emit: (e) => out.push(e),
				backoff: options.backoff,
				watchTimeoutSeconds: options.watchTimeoutSeconds,
				optional: OPTIONAL_KINDS.has(kind),
			});
			watches.push(lw);
			lw.start();
		};
		const discoveryBackoff = new Backoff(options.backoff);
		/** Watches the group's kinds that discovery lists; the others are unavailable with the group's hint. */
		const discover = async (group: OptionalGroup) => {
			const response = await rest.request('GET', group.path);
			if (stopped) return;
			if (response.status === 200) {
				const served = ((response.body as { resources?: Array<{ name: string }> })?.resources ?? []).map((r) => r.name);
				for (const kind of group.kinds) {
					if (served.includes(RESOURCES[kind].plural)) watch(kind);
					else if (group.reportMissing.includes(kind)) out.push({ type: 'unavailable', kind, hint: group.hint });
				}
			} else if (response.status === 404) {
				for (const kind of group.kinds) out.push({ type: 'unavailable', kind, hint: group.hint });
			} else {
				const delay = discoveryBackoff.next();
				const why = describeFailure(response, { verb: 'discover', resource: group.path.replace(/^\/apis\//, '') });
				out.push({ type: 'connection', state: 'reconnecting', kind: group.kinds[0], message: `${why}; retrying in ${formatDelay(delay)}` });
				timers.push(setTimeout(() => void discover(group), delay));
			}
		};
		const clockMs = options.clockIntervalMs ?? 1000;
		const tick = () => out.push({ type: 'clock', now: Date.now() });
		const clock = clockMs > 0 ? setInterval(tick, clockMs) : undefined;
		tick();
		out.push({ type: 'connection', state: 'connecting', kind: 'Rollout' });
		for (const kind of CORE_KINDS) watch(kind);
		watch('Node');
		for (const group of OPTIONAL_GROUPS) void discover(group);
		running = {
			stop() {
				stopped = true;
				clearInterval(clock);
				for (const timer of timers) clearTimeout(timer);
				for (const lw of watches) lw.stop();
				out.cancel();
			},
		};
	};

	const patch = async (request: PatchRequest): Promise<PatchResponse> => {
		const response = await rest.request('PATCH', objectPath(request.target, request.subresource), {
			contentType: PATCH_CONTENT_TYPES[request.patchType],
			body: request.body,
		});
		return response.message === undefined ? { status: response.status, body: response.body } : response;
	};

	return {
		kind: 'live',
		label: loaded.context,
		scope: namespace ? `namespace ${namespace}` : 'all namespaces',
		context: loaded.context,
		namespace,
		server: loaded.server,
		start,
		stop: () => {
			running?.stop();
			running = undefined;
		},
		patch,
		canI: (verb, resource, ns, subresource) => reviewer.canI(verb, resource, ns, subresource),
		openLogs: podLogOpener(loaded.kc),
	};
}
