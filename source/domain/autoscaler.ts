// Which autoscaler owns a workload's replica count (an HPA, or a KEDA ScaledObject through the HPA
// it creates), and what it says: min/max/current/desired, TARGETS, conditions, last scale.
import { formatAge, parseTime } from './format';
import { formatTargets, hpaProblem } from './hpa';
import type { Condition, HorizontalPodAutoscaler, ObjectRef, ScaledObject } from './k8s';

export interface AutoscalerSummary {
	/** "hpa llm/chat" or "scaledobject llm/chat (hpa keda-hpa-chat)". */
	title: string;
	/** The same without the namespace, beside the workload that names it already. */
	name: string;
	/** Set when the object is malformed: nothing else is trusted. */
	problem?: string;
	minReplicas?: number;
	maxReplicas?: number;
	currentReplicas?: number;
	desiredReplicas?: number;
	targets?: string;
	conditions: Condition[];
	lastScale?: string;
}

function targets(ref: { kind?: string; name?: string } | undefined, workload: ObjectRef, defaultKind?: string): boolean {
	return ref?.name === workload.name && (ref.kind ?? defaultKind) === workload.kind;
}

/** The HPA KEDA made for a ScaledObject (status.hpaName, else its configured or default name). */
export function kedaHpaName(so: ScaledObject): string {
	return so.status?.hpaName ?? so.spec?.advanced?.horizontalPodAutoscalerConfig?.name ?? `keda-hpa-${so.metadata.name}`;
}

function summarize(hpa: HorizontalPodAutoscaler, title: string, name: string, now: number): AutoscalerSummary {
	const problem = hpaProblem(hpa);
	if (problem) return { title, name, problem: `malformed HorizontalPodAutoscaler: ${problem}`, conditions: [] };
	const status = hpa.status ?? {};
	const lastScale = parseTime(status.lastScaleTime);
	return {
		title,
		name,
		minReplicas: hpa.spec.minReplicas ?? 1,
		maxReplicas: hpa.spec.maxReplicas,
		currentReplicas: status.currentReplicas,
		desiredReplicas: status.desiredReplicas,
		targets: formatTargets(hpa),
		conditions: Array.isArray(status.conditions) ? status.conditions : [],
		lastScale: lastScale === undefined ? undefined : `${formatAge(now - lastScale)} ago`,
	};
}

/** The autoscaler of `workload` among the namespace's HPAs and ScaledObjects, if any. */
export function autoscalerOf(workload: ObjectRef, hpas: HorizontalPodAutoscaler[], scaledObjects: ScaledObject[], now: number): AutoscalerSummary | undefined {
	const inNamespace = <T extends { metadata: { namespace?: string } }>(list: T[]) => list.filter((o) => o.metadata.namespace === workload.namespace);
	const so = inNamespace(scaledObjects).find((s) => targets(s.spec?.scaleTargetRef, workload, 'Deployment'));
	const ns = workload.namespace ?? '';
	if (so) {
		const name = kedaHpaName(so);
		const hpa = inNamespace(hpas).find((h) => h.metadata.name === name);
		const title = `scaledobject ${ns}/${so.metadata.name} (hpa ${name})`;
		const short = `scaledobject ${so.metadata.name} (hpa ${name})`;
		if (hpa) return summarize(hpa, title, short, now);
		return { title, name: short, minReplicas: so.spec.minReplicaCount ?? 0, maxReplicas: so.spec.maxReplicaCount ?? 100, conditions: so.status?.conditions ?? [] };
	}
	const hpa = inNamespace(hpas).find((h) => targets(h.spec?.scaleTargetRef, workload));
	return hpa && summarize(hpa, `hpa ${ns}/${hpa.metadata.name}`, `hpa ${hpa.metadata.name}`, now);
}

/** The scale dialog's warning: a manual count is overridden at the autoscaler's next sync. */
export function manualScaleWarning(autoscaler: AutoscalerSummary): string {
	const range = autoscaler.minReplicas !== undefined ? ` (min ${autoscaler.minReplicas}, max ${autoscaler.maxReplicas})` : '';
	return `${autoscaler.title} owns the replica count${range}: a manual scale is overridden at its next sync`;
}
