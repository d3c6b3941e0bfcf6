// A small real-shaped cluster in an ObjectStore: an Argo canary Rollout paused at step 2/4 with its
// two ReplicaSets, a Deployment with two revisions, their pods, a GPU node, events and an AnalysisRun.
import type { AnalysisRun, Deployment, KubeEvent, KubeObject, Node, Pod, PodTemplate, ReplicaSet, Rollout } from '../../source/domain/k8s';
import { ObjectStore } from '../../source/sources/simulator/object-store';

export const NOW = Date.parse('2025-06-01T12:00:00Z');
export const NS = 'llm';

function template(app: string, image: string, hash: string, hashLabel: string): PodTemplate {
	return {
		metadata: { labels: { app, [hashLabel]: hash } },
		spec: { containers: [{ name: 'server', image, resources: { limits: { 'nvidia.com/gpu': '1' } } }] },
	};
}

function replicaSet(owner: { kind: 'Rollout' | 'Deployment'; name: string }, hash: string, revision: number, image: string, replicas: number): ReplicaSet {
	const hashLabel = owner.kind === 'Rollout' ? 'rollouts-pod-template-hash' : 'pod-template-hash';
	const revisionKey = owner.kind === 'Rollout' ? 'rollout.argoproj.io/revision' : 'deployment.kubernetes.io/revision';
	return {
		apiVersion: 'apps/v1',
		kind: 'ReplicaSet',
		metadata: {
			name: `${owner.name}-${hash}`,
			namespace: NS,
			labels: { app: owner.name, [hashLabel]: hash },
			annotations: { [revisionKey]: String(revision) },
			ownerReferences: [{ apiVersion: owner.kind === 'Rollout' ? 'argoproj.io/v1alpha1' : 'apps/v1', kind: owner.kind, name: owner.name, controller: true }],
		},
		spec: { replicas, selector: { matchLabels: { app: owner.name, [hashLabel]: hash } }, template: template(owner.name, image, hash, hashLabel) },
		status: { replicas, readyReplicas: replicas, availableReplicas: replicas, observedGeneration: 1 },
	};
}

function pod(rs: ReplicaSet, index: number): Pod {
	return {
		apiVersion: 'v1',
		kind: 'Pod',
		metadata: {
			name: `${rs.metadata.name}-p${index}`,
			namespace: NS,
			labels: rs.spec.template?.metadata?.labels,
			ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: rs.metadata.name, controller: true }],
		},
		spec: { nodeName: 'gpu-node-1', containers: rs.spec.template?.spec?.containers },
		status: {
			phase: 'Running',
			conditions: [{ type: 'Ready', status: 'True' }],
			containerStatuses: [{ name: 'server', ready: true, restartCount: 0, state: { running: { startedAt: '2025-06-01T11:00:00Z' } } }],
		},
	};
}

export function rollout(): Rollout {
	return {
		apiVersion: 'argoproj.io/v1alpha1',
		kind: 'Rollout',
		metadata: { name: 'chat', namespace: NS, labels: { app: 'chat' }, annotations: { 'rollout.argoproj.io/revision': '2' } },
		spec: {
			replicas: 4,
			selector: { matchLabels: { app: 'chat' } },
			template: { metadata: { labels: { app: 'chat' } }, spec: { containers: [{ name: 'server', image: 'vllm/chat:v2', resources: { limits: { 'nvidia.com/gpu': '1' } } }] } },
			strategy: { canary: { steps: [{ setWeight: 25 }, { pause: {} }, { setWeight: 50 }, { pause: { duration: '10m' } }] } },
		},
		status: {
			phase: 'Paused',
			replicas: 5,
			updatedReplicas: 1,
			readyReplicas: 5,
			availableReplicas: 5,
			currentPodHash: 'c2',
			stableRS: 'c1',
			currentStepIndex: 1,
			pauseConditions: [{ reason: 'CanaryPauseStep', startTime: '2025-06-01T11:55:00Z' }],
			controllerPause: true,
			selector: 'app=chat',
		},
	};
}

export function deployment(): Deployment {
	return {
		apiVersion: 'apps/v1',
		kind: 'Deployment',
		metadata: { name: 'embed', namespace: NS, labels: { app: 'embed' }, annotations: { 'deployment.kubernetes.io/revision': '2' } },
		spec: {
			replicas: 2,
			selector: { matchLabels: { app: 'embed' } },
			template: { metadata: { labels: { app: 'embed' } }, spec: { containers: [{ name: 'server', image: 'tei/embed:v2' }] } },
			strategy: { type: 'RollingUpdate' },
		},
		status: { observedGeneration: 1, replicas: 2, updatedReplicas: 2, readyReplicas: 2, availableReplicas: 2 },
	};
}

export function clusterObjects(): KubeObject[] {
	const chatStable = replicaSet({ kind: 'Rollout', name: 'chat' }, 'c1', 1, 'vllm/chat:v1', 4);
	const chatCanary = replicaSet({ kind: 'Rollout', name: 'chat' }, 'c2', 2, 'vllm/chat:v2', 1);
	const embedOld = replicaSet({ kind: 'Deployment', name: 'embed' }, 'e1', 1, 'tei/embed:v1', 0);
	const embedNew = replicaSet({ kind: 'Deployment', name: 'embed' }, 'e2', 2, 'tei/embed:v2', 2);
	const node: Node = {
		apiVersion: 'v1',
		kind: 'Node',
		metadata: { name: 'gpu-node-1', labels: { 'nvidia.com/gpu.product': 'NVIDIA-H100-80GB-HBM3' } },
		spec: {},
		status: { capacity: { 'nvidia.com/gpu': '8' }, allocatable: { 'nvidia.com/gpu': '8' }, conditions: [{ type: 'Ready', status: 'True' }] },
	};
	const event: KubeEvent = {
		apiVersion: 'v1',
		kind: 'Event',
		metadata: { name: 'chat.17a1', namespace: NS },
		involvedObject: { kind: 'Rollout', name: 'chat', namespace: NS },
		reason: 'RolloutPaused',
		message: 'Rollout is paused (CanaryPauseStep)',
		type: 'Normal',
		count: 1,
		lastTimestamp: '2025-06-01T11:55:00Z',
	};
	const analysis: AnalysisRun = {
		apiVersion: 'argoproj.io/v1alpha1',
		kind: 'AnalysisRun',
		metadata: { name: 'chat-c2-2', namespace: NS, ownerReferences: [{ kind: 'Rollout', name: 'chat', controller: true }] },
		spec: { metrics: [{ name: 'p99' }] },
		status: { phase: 'Running' },
	};
	return [
		rollout(),
		deployment(),
		chatStable,
		chatCanary,
		embedOld,
		embedNew,
		...[0, 1, 2, 3].map((i) => pod(chatStable, i)),
		pod(chatCanary, 0),
		...[0, 1].map((i) => pod(embedNew, i)),
		node,
		event,
		analysis,
	];
}

export function fixtureStore(): ObjectStore {
	const store = new ObjectStore(() => NOW);
	for (const obj of clusterObjects()) store.put(obj);
	return store;
}
