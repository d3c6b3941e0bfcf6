// The autoscaler that owns a workload's replica count, from the watched HPAs and ScaledObjects.
import { autoscalerOf, type AutoscalerSummary } from '../domain/autoscaler';
import { refOf } from '../domain/k8s';
import type { Workload } from '../domain/replica-set';
import { objectsOf, type ClusterState } from './cluster-state';

export function selectAutoscaler(state: ClusterState, workload: Workload): AutoscalerSummary | undefined {
	return autoscalerOf(refOf(workload), objectsOf(state, 'HorizontalPodAutoscaler'), objectsOf(state, 'ScaledObject'), state.now);
}
