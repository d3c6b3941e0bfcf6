// Renders a pod's runtime state as the Pod object the API server would show for it.
import { rfc3339 } from '../../domain/format';
import type { Condition, Container, ContainerStatus, KubeObject, Pod } from '../../domain/k8s';
import type { NodeState, PodRuntime, SimContext } from './context';
import { fnv1a } from './random';

function digest(text: string): string {
	let out = '';
	for (let i = 0; out.length < 64; i++) out += fnv1a(`${text}#${i}`).toString(16).padStart(8, '0');
	return out.slice(0, 64);
}

export function imageID(image: string): string {
	const repository = image.split(':')[0];
	const qualified = repository.includes('.') ? repository : `docker.io/${repository}`;
	return `${qualified}@sha256:${digest(image)}`;
}

function containerStatus(pod: PodRuntime): ContainerStatus & Record<string, unknown> {
	const name = pod.template.spec?.containers?.[0]?.name ?? 'server';
	const base = {
		name,
		image: pod.image,
		imageID: pod.stage === 'ContainerCreating' ? '' : imageID(pod.image),
		restartCount: pod.restartCount,
		lastState: pod.lastTermination
			? {
					terminated: {
						reason: pod.lastTermination.reason,
						exitCode: pod.lastTermination.exitCode,
						startedAt: rfc3339(pod.lastTermination.startedAt),
						finishedAt: rfc3339(pod.lastTermination.finishedAt),
						containerID: pod.containerId,
					},
				}
			: {},
	};
	switch (pod.stage) {
		case 'ContainerCreating':
		case 'Unscheduled':
			return { ...base, ready: false, started: false, state: { waiting: { reason: 'ContainerCreating' } } };
		case 'BackOff':
			return {
				...base,
				ready: false,
				started: false,
				containerID: pod.containerId,
				state: {
					waiting: {
						reason: 'CrashLoopBackOff',
						message: `back-off ${Math.round((pod.stageUntil - (pod.lastTermination?.finishedAt ?? 0)) / 1000)}s restarting failed container=${name} pod=${pod.name}_${pod.namespace}(${pod.uid})`,
					},
				},
			};
		default:
			return {
				...base,
				ready: pod.stage === 'Ready',
				started: true,
				containerID: pod.containerId,
				state: { running: { startedAt: rfc3339(pod.startedAt ?? pod.createdAt) } },
			};
	}
}

function conditions(pod: PodRuntime, containerName: string): Condition[] | undefined {
	if (pod.stage === 'Unscheduled') {
		// None until the scheduler has tried (a pod just created has only its phase and QoS class).
		if (pod.unschedulableMessage === undefined) return undefined;
		return [
			{
				type: 'PodScheduled',
				status: 'False',
				reason: 'Unschedulable',
				message: pod.unschedulableMessage,
				lastTransitionTime: rfc3339(pod.createdAt),
			},
		];
	}
	const scheduled = rfc3339(pod.scheduledAt ?? pod.createdAt);
	const ready = pod.stage === 'Ready';
	const readyCondition = (type: string): Condition =>
		ready
			? { type, status: 'True', lastTransitionTime: rfc3339(pod.readyChangedAt) }
			: {
					type,
					status: 'False',
					reason: 'ContainersNotReady',
					message: `containers with unready status: [${containerName}]`,
					lastTransitionTime: rfc3339(pod.readyChangedAt),
				};
	const started = pod.stage !== 'ContainerCreating';
	return [
		{ type: 'PodReadyToStartContainers', status: started ? 'True' : 'False', lastTransitionTime: rfc3339(pod.startedAt ?? pod.readyChangedAt) },
		{ type: 'Initialized', status: 'True', lastTransitionTime: scheduled },
		readyCondition('Ready'),
		readyCondition('ContainersReady'),
		{ type: 'PodScheduled', status: 'True', lastTransitionTime: scheduled },
	];
}

/** Only CPU and memory decide the QoS class; requests default to limits. */
const QOS_RESOURCES = ['cpu', 'memory'];

export function qosClassOf(spec: { containers?: Container[] }): 'Guaranteed' | 'Burstable' | 'BestEffort' {
	let constrained = false;
	let guaranteed = true;
	for (const container of spec.containers ?? []) {
		const limits = container.resources?.limits ?? {};
		const requests = { ...limits, ...container.resources?.requests };
		for (const resource of QOS_RESOURCES) {
			if (requests[resource] !== undefined) constrained = true;
			if (limits[resource] === undefined || requests[resource] !== limits[resource]) guaranteed = false;
		}
	}
	if (!constrained) return 'BestEffort';
	return guaranteed ? 'Guaranteed' : 'Burstable';
}

export function renderPod(pod: PodRuntime, node: NodeState | undefined): Pod {
	const spec = structuredClone(pod.template.spec ?? {});
	const containerName = spec.containers?.[0]?.name ?? 'server';
	const running = pod.stage !== 'Unscheduled' && pod.stage !== 'ContainerCreating';
	const podConditions = conditions(pod, containerName);
	const status: NonNullable<Pod['status']> = {
		phase: running ? 'Running' : 'Pending',
		...(podConditions ? { conditions: podConditions } : {}),
		qosClass: qosClassOf(spec),
	};
	if (pod.stage !== 'Unscheduled') {
		const hostIP = node?.internalIP;
		Object.assign(status, {
			hostIP,
			hostIPs: hostIP ? [{ ip: hostIP }] : undefined,
			podIP: pod.podIP,
			podIPs: pod.podIP ? [{ ip: pod.podIP }] : undefined,
			startTime: rfc3339(pod.scheduledAt ?? pod.createdAt),
			containerStatuses: [containerStatus(pod)],
		});
	}
	return {
		apiVersion: 'v1',
		kind: 'Pod',
		metadata: {
			name: pod.name,
			...(pod.rsName !== undefined ? { generateName: `${pod.rsName}-` } : {}),
			namespace: pod.namespace,
			uid: pod.uid,
			creationTimestamp: rfc3339(pod.createdAt),
			...(pod.deletedAt !== undefined
				? { deletionTimestamp: rfc3339(pod.deletedAt + 30_000), deletionGracePeriodSeconds: 30 }
				: {}),
			labels: { ...(pod.template.metadata?.labels ?? {}) },
			annotations: pod.template.metadata?.annotations ? { ...pod.template.metadata.annotations } : undefined,
			...(pod.rsName !== undefined
				? { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: pod.rsName, uid: pod.rsUid, controller: true, blockOwnerDeletion: true }] }
				: {}),
		},
		// The API server's defaults, then what the template (or the posted pod) says.
		spec: {
			restartPolicy: 'Always',
			schedulerName: 'default-scheduler',
			serviceAccountName: 'default',
			terminationGracePeriodSeconds: 30,
			dnsPolicy: 'ClusterFirst',
			enableServiceLinks: true,
			priority: 0,
			preemptionPolicy: 'PreemptLowerPriority',
			...spec,
			nodeName: pod.node,
		},
		status,
	};
}

/** Metadata the API may change on a pod and neither the kubelet nor a controller rewrites. */
const API_METADATA = ['labels', 'annotations', 'managedFields', 'finalizers'] as const;

/**
 * Stores the pod as rendered now. The runtime copy knows only the metadata the pod was created
 * with, so what the API wrote since (kubectl label/annotate, server-side apply) is taken from the
 * stored object: one lookup per pod being written anyway, nothing compared.
 */
export function storePod(ctx: SimContext, pod: PodRuntime): KubeObject {
	const rendered = renderPod(pod, ctx.node(pod.node));
	const stored = ctx.store.get({ kind: 'Pod', namespace: pod.namespace, name: pod.name });
	if (stored?.metadata.uid === pod.uid) {
		const metadata = rendered.metadata as Record<string, unknown>;
		const written = stored.metadata as Record<string, unknown>;
		for (const key of API_METADATA) {
			if (written[key] === undefined) delete metadata[key];
			else metadata[key] = written[key];
		}
	}
	return ctx.store.put(rendered);
}
