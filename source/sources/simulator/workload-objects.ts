// The Rollout and Deployment objects a scenario's workloads start as, with real-looking pod
// templates for vLLM, TGI and Triton servers.
import { rfc3339 } from '../../domain/format';
import type { Deployment, PodTemplate, Rollout } from '../../domain/k8s';
import { GPU_PRODUCT_LABEL, GPU_RESOURCE } from './nodes';
import type { ServerKind, ServingWorkload } from './scenario';

const PORT = 8000;

const CONTAINER_NAMES: Record<ServerKind, string> = { vllm: 'vllm', tgi: 'text-generation-inference', triton: 'triton' };

function serverArgs(w: ServingWorkload): string[] {
	switch (w.server) {
		case 'vllm':
			return ['--model', w.model, '--tensor-parallel-size', String(w.gpusPerReplica), '--max-model-len', '8192', '--gpu-memory-utilization', '0.92', '--port', String(PORT)];
		case 'tgi':
			return ['--model-id', w.model, '--num-shard', String(w.gpusPerReplica), '--port', String(PORT)];
		case 'triton':
			return ['tritonserver', `--model-repository=gs://models/${w.model}`, `--http-port=${PORT}`, '--metrics-port=8002'];
	}
}

export function podTemplate(w: ServingWorkload, image: string): PodTemplate {
	const resources = {
		[GPU_RESOURCE]: String(w.gpusPerReplica),
		cpu: String(8 * w.gpusPerReplica),
		memory: `${64 * w.gpusPerReplica}Gi`,
	};
	return {
		metadata: {
			labels: { app: w.name, 'app.kubernetes.io/name': w.name, 'app.kubernetes.io/component': 'inference-server' },
			annotations: { 'prometheus.io/scrape': 'true', 'prometheus.io/port': String(w.server === 'triton' ? 8002 : PORT) },
		},
		spec: {
			containers: [
				{
					name: CONTAINER_NAMES[w.server],
					image,
					args: serverArgs(w),
					ports: [{ name: 'http', containerPort: PORT, protocol: 'TCP' }],
					env: [{ name: 'HF_HOME', value: '/models/cache' }],
					resources: { limits: { ...resources }, requests: { ...resources } },
					readinessProbe: { httpGet: { path: w.server === 'triton' ? '/v2/health/ready' : '/health', port: PORT }, periodSeconds: 5, failureThreshold: 3 },
					volumeMounts: [{ name: 'dshm', mountPath: '/dev/shm' }],
				},
			],
			volumes: [{ name: 'dshm', emptyDir: { medium: 'Memory', sizeLimit: '16Gi' } }],
			tolerations: [{ key: GPU_RESOURCE, operator: 'Exists', effect: 'NoSchedule' }],
			...(w.gpuProduct ? { nodeSelector: { [GPU_PRODUCT_LABEL]: w.gpuProduct } } : {}),
		},
	};
}

/** The version running when the scenario starts: the last one without a deployAt. */
export function initialImage(w: ServingWorkload): string {
	const history = w.versions.filter((v) => v.deployAt === undefined);
	return (history[history.length - 1] ?? w.versions[0]).image;
}

export function workloadObject(w: ServingWorkload, uid: string, createdAt: number): Rollout | Deployment {
	const metadata = {
		name: w.name,
		namespace: w.namespace,
		uid,
		creationTimestamp: rfc3339(createdAt),
		labels: { app: w.name, 'app.kubernetes.io/part-of': 'inference' },
		annotations: {} as Record<string, string>,
	};
	const selector = { matchLabels: { app: w.name } };
	const template = podTemplate(w, initialImage(w));
	if (w.strategy === 'rolling') {
		return {
			apiVersion: 'apps/v1',
			kind: 'Deployment',
			metadata,
			spec: {
				replicas: w.replicas,
				selector,
				template,
				revisionHistoryLimit: 10,
				progressDeadlineSeconds: w.rolling?.progressDeadlineSeconds ?? 600,
				strategy: {
					type: 'RollingUpdate',
					rollingUpdate: { maxSurge: w.rolling?.maxSurge ?? '25%', maxUnavailable: w.rolling?.maxUnavailable ?? '25%' },
				},
			},
		};
	}
	const strategy =
		w.strategy === 'canary'
			? {
					canary: {
						canaryService: `${w.name}-canary`,
						stableService: `${w.name}-stable`,
						...(w.canary?.trafficRouting === false
							? {}
							: { trafficRouting: { istio: { virtualService: { name: `${w.name}-vsvc`, routes: ['primary'] } } } }),
						...(w.canary?.scaleDownDelaySeconds !== undefined ? { scaleDownDelaySeconds: w.canary.scaleDownDelaySeconds } : {}),
						...(w.canary?.analysis ? { analysis: structuredClone(w.canary.analysis) } : {}),
						steps: structuredClone(w.canary?.steps ?? []),
					},
				}
			: {
					blueGreen: {
						activeService: w.name,
						previewService: `${w.name}-preview`,
						autoPromotionEnabled: w.blueGreen?.autoPromotionEnabled ?? true,
						...(w.blueGreen?.autoPromotionSeconds !== undefined ? { autoPromotionSeconds: w.blueGreen.autoPromotionSeconds } : {}),
						scaleDownDelaySeconds: w.blueGreen?.scaleDownDelaySeconds ?? 30,
						...(w.blueGreen?.prePromotionAnalysis ? { prePromotionAnalysis: structuredClone(w.blueGreen.prePromotionAnalysis) } : {}),
						...(w.blueGreen?.postPromotionAnalysis ? { postPromotionAnalysis: structuredClone(w.blueGreen.postPromotionAnalysis) } : {}),
					},
				};
	return {
		apiVersion: 'argoproj.io/v1alpha1',
		kind: 'Rollout',
		metadata,
		spec: { replicas: w.replicas, revisionHistoryLimit: 3, progressDeadlineSeconds: 600, selector, template, strategy },
	};
}
