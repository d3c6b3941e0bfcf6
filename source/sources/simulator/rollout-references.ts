// The Argo controller checks, before every reconcile, that the AnalysisTemplates a Rollout
// references exist (rollout/controller.go getReferencedAnalysisTemplates). A missing one — say
// deleted with kubectl — makes the Rollout InvalidSpec (Degraded) and halts it until the template
// is back; the condition goes at the first valid reconcile.
import type { Rollout } from '../../domain/k8s';
import { calculateRolloutPhase } from '../../domain/rollout-phase';
import { rfc3339 } from '../../domain/format';
import type { AnalysisRef } from './analysis-runs';
import type { SimContext } from './context';
import { putIfStatusChanged } from './replicasets';

export const INVALID_SPEC = 'InvalidSpec';

/** Each analysis the Rollout references with the field path Argo reports it under, in Argo's order. */
function analysesOf(ro: Rollout): Array<[string, AnalysisRef | undefined]> {
	const { blueGreen, canary } = ro.spec.strategy ?? {};
	if (blueGreen) {
		return [
			['spec.strategy.blueGreen.prePromotionAnalysis.templates', blueGreen.prePromotionAnalysis as AnalysisRef | undefined],
			['spec.strategy.blueGreen.postPromotionAnalysis.templates', blueGreen.postPromotionAnalysis as AnalysisRef | undefined],
		];
	}
	return [
		...(canary?.steps ?? []).map((step, i): [string, AnalysisRef | undefined] => [`spec.strategy.canary.steps[${i}].analysis.templates`, step.analysis as AnalysisRef | undefined]),
		['spec.strategy.canary.analysis.templates', canary?.analysis as AnalysisRef | undefined],
	];
}

/** The field error for the first referenced AnalysisTemplate that does not exist, as Argo words it; undefined when all do. */
export function missingReference(ctx: SimContext, ro: Rollout): string | undefined {
	for (const [path, analysis] of analysesOf(ro)) {
		for (const { templateName } of analysis?.templates ?? []) {
			if (ctx.store.get({ kind: 'AnalysisTemplate', namespace: ro.metadata.namespace, name: templateName })) continue;
			return `${path}: Invalid value: ${JSON.stringify(templateName)}: AnalysisTemplate '${templateName}' not found`;
		}
	}
	return undefined;
}

/** Only the InvalidSpec condition (and the phase it implies) is written; nothing else of the Rollout moves. */
export function markInvalidSpec(ctx: SimContext, ro: Rollout, fieldError: string): void {
	const message = `The Rollout "${ro.metadata.name}" is invalid: ${fieldError}`;
	const status = ro.status ?? {};
	const conditions = status.conditions ?? [];
	const current = conditions.find((c) => c.type === INVALID_SPEC);
	const at = rfc3339(ctx.now);
	const condition = current?.message === message ? current : { type: INVALID_SPEC, status: 'True', reason: INVALID_SPEC, message, lastTransitionTime: at, lastUpdateTime: at };
	const next = { ...status, observedGeneration: String(ro.metadata.generation ?? 1), conditions: [...conditions.filter((c) => c.type !== INVALID_SPEC), condition] };
	const { phase, message: phaseMessage } = calculateRolloutPhase({ ...ro, status: next });
	putIfStatusChanged(ctx, ro, { ...ro, status: { ...next, phase, message: phaseMessage } });
}
