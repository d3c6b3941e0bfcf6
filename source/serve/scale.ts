// The `scale` subresource as `autoscaling/v1 Scale`, the shape kubectl and HPAs read and write.
import type { KubeObject } from '../domain/k8s';

interface Scalable {
	metadata: KubeObject['metadata'];
	spec?: { replicas?: number; selector?: { matchLabels?: Record<string, string> } };
	status?: { replicas?: number; HPAReplicas?: number; selector?: string };
}

export interface Scale {
	kind: 'Scale';
	apiVersion: 'autoscaling/v1';
	metadata: { name: string; namespace?: string; uid?: string; resourceVersion?: string; creationTimestamp?: string };
	spec: { replicas: number };
	status: { replicas: number; selector?: string };
}

export function toScale(obj: KubeObject): Scale {
	const { metadata, spec, status } = obj as unknown as Scalable;
	const labels = Object.entries(spec?.selector?.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`);
	const selector = status?.selector ?? (labels.length ? labels.join(',') : undefined);
	return {
		kind: 'Scale',
		apiVersion: 'autoscaling/v1',
		metadata: {
			name: metadata.name,
			namespace: metadata.namespace,
			uid: metadata.uid,
			resourceVersion: metadata.resourceVersion,
			creationTimestamp: metadata.creationTimestamp,
		},
		spec: { replicas: spec?.replicas ?? 1 },
		status: { replicas: status?.HPAReplicas ?? status?.replicas ?? 0, ...(selector ? { selector } : {}) },
	};
}
