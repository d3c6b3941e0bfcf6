// The defaults the API server fills in (and its admission plugins add) on a created workload, pod, HPA or node, so objects posted by
// `kubectl create deployment` or `kubectl run` read like those of a real cluster (and the controllers find what they expect).
import type { Deployment, HorizontalPodAutoscaler, Node, Pod, PodTemplate, ReplicaSet, Rollout } from '../domain/k8s';
import { NOT_READY_TAINT } from '../sources/simulator/node-lifecycle';

function defaultTemplate(template: PodTemplate | undefined): PodTemplate {
	const spec = template?.spec ?? {};
	const containers = (spec.containers ?? []).map((c) => ({
		...c,
		imagePullPolicy: c.imagePullPolicy ?? (/:[^/]+$/.test(c.image ?? '') && !(c.image ?? '').endsWith(':latest') ? 'IfNotPresent' : 'Always'),
		resources: c.resources ?? {},
		terminationMessagePath: c.terminationMessagePath ?? '/dev/termination-log',
		terminationMessagePolicy: c.terminationMessagePolicy ?? 'File',
		...(c.ports ? { ports: (c.ports as Array<Record<string, unknown>>).map((p) => ({ protocol: 'TCP', ...p })) } : {}),
	}));
	return {
		...template,
		metadata: { ...template?.metadata },
		spec: {
			restartPolicy: 'Always',
			terminationGracePeriodSeconds: 30,
			dnsPolicy: 'ClusterFirst',
			schedulerName: 'default-scheduler',
			securityContext: {},
			...spec,
			containers,
		},
	};
}

export function podWithDefaults(pod: Pod): Pod {
	return { ...pod, spec: { ...defaultTemplate({ spec: pod.spec }).spec, enableServiceLinks: true, preemptionPolicy: 'PreemptLowerPriority', priority: 0 } };
}

export function withDefaults<T extends Deployment | Rollout | ReplicaSet>(obj: T): T {
	// A ReplicaSet keeps no revision history of its own.
	const history = obj.kind === 'ReplicaSet' ? {} : { revisionHistoryLimit: obj.spec.revisionHistoryLimit ?? 10 };
	const spec = { ...obj.spec, replicas: obj.spec.replicas ?? 1, ...history, template: defaultTemplate(obj.spec.template) };
	if (obj.kind === 'Deployment') {
		const strategy = (obj as Deployment).spec.strategy ?? {};
		const type = strategy.type ?? 'RollingUpdate';
		Object.assign(spec, {
			progressDeadlineSeconds: (obj as Deployment).spec.progressDeadlineSeconds ?? 600,
			strategy: type === 'RollingUpdate' ? { type, rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%', ...strategy.rollingUpdate } } : { type },
		});
	}
	return { ...obj, spec };
}

/** autoscaling/v2 defaults (minReplicas 1, one CPU metric at 80 % utilization) and the empty status a new HPA starts with. */
export function hpaWithDefaults(hpa: HorizontalPodAutoscaler): HorizontalPodAutoscaler {
	const metrics = hpa.spec.metrics?.length ? hpa.spec.metrics : [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }];
	return { ...hpa, spec: { ...hpa.spec, minReplicas: hpa.spec.minReplicas ?? 1, metrics }, status: { currentMetrics: null, desiredReplicas: 0 } };
}

/** TaintNodesByCondition admission: a new Node is tainted not-ready until its kubelet reports Ready. */
export function nodeWithAdmissionTaint(node: Node): Node {
	const taints = node.spec?.taints ?? [];
	if (taints.some((t) => t.key === NOT_READY_TAINT)) return node;
	return { ...node, spec: { ...node.spec, taints: [...taints, { key: NOT_READY_TAINT, effect: 'NoSchedule' }] } };
}
