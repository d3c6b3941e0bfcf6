// AnalysisRuns as the Argo Rollouts controller creates them from a Rollout's templates
// (utils/analysis/factory.go): name, labels, revision annotation, owner, resolved arguments, and the
// terminate patch it sends to cancel one.
import type { Argument, AnalysisSpec, Metric } from '../../domain/analysis';
import { ROLLOUT_TYPE_LABEL, STEP_INDEX_LABEL } from '../../domain/analysis-info';
import type { AnalysisRun, AnalysisTemplate, Rollout } from '../../domain/k8s';
import type { SimContext } from './context';
import { ROLLOUT_HASH_LABEL } from '../../domain/replica-set';
import { rfc3339 } from '../../domain/format';

export type RunType = 'Background' | 'Step' | 'PrePromotion' | 'PostPromotion';

/** `strategy.canary.analysis`, a step's `analysis`, `blueGreen.prePromotionAnalysis`, … */
export interface AnalysisRef {
	templates?: Array<{ templateName: string }>;
	args?: Argument[];
	startingStep?: number;
	dryRun?: AnalysisSpec['dryRun'];
}

const INFIX: Record<RunType, (step?: number) => string> = {
	Background: () => '',
	Step: (step) => `-${step}`,
	PrePromotion: () => '-pre',
	PostPromotion: () => '-post',
};

function uniqueName(ctx: SimContext, namespace: string | undefined, base: string): string {
	let name = base;
	for (let i = 1; ctx.store.get({ kind: 'AnalysisRun', namespace, name }); i++) name = `${base}.${i}`;
	return name;
}

/** The rollout's argument values: plain values, or the stable / latest pod-template hash. */
function resolveArgs(templateArgs: Argument[], ref: AnalysisRef, ro: Rollout, latestHash: string): { args: Argument[]; missing?: string } {
	const given = new Map((ref.args ?? []).map((a) => [a.name, a]));
	const args: Argument[] = [];
	for (const arg of templateArgs) {
		const supplied = given.get(arg.name);
		const from = supplied?.valueFrom?.podTemplateHashValue;
		const value = from === 'Latest' ? latestHash : from === 'Stable' ? ro.status?.stableRS : (supplied?.value ?? arg.value);
		if (value === undefined) return { args, missing: arg.name };
		args.push({ name: arg.name, value });
	}
	return { args };
}

function templatesOf(ctx: SimContext, ro: Rollout, ref: AnalysisRef): { templates: AnalysisTemplate[]; missing?: string } {
	const templates: AnalysisTemplate[] = [];
	for (const { templateName } of ref.templates ?? []) {
		const template = ctx.store.get({ kind: 'AnalysisTemplate', namespace: ro.metadata.namespace, name: templateName }) as AnalysisTemplate | undefined;
		if (!template) return { templates, missing: templateName };
		templates.push(template);
	}
	return { templates };
}

/** Creates and stores the run for a rollout's new ReplicaSet. */
export function createRun(ctx: SimContext, ro: Rollout, ref: AnalysisRef, type: RunType, hash: string, revision: number, step?: number): AnalysisRun {
	const namespace = ro.metadata.namespace;
	const name = uniqueName(ctx, namespace, `${ro.metadata.name}-${hash}-${revision}${INFIX[type](step)}`);
	const { templates, missing: missingTemplate } = templatesOf(ctx, ro, ref);
	const metrics: Metric[] = templates.flatMap((t) => structuredClone(t.spec.metrics ?? []));
	const templateArgs = templates.flatMap((t) => t.spec.args ?? []);
	const { args, missing: missingArg } = resolveArgs(templateArgs, ref, ro, hash);
	const dryRun = [...templates.flatMap((t) => t.spec.dryRun ?? []), ...(ref.dryRun ?? [])];
	const spec: AnalysisSpec = { metrics, ...(args.length ? { args } : {}), ...(dryRun.length ? { dryRun } : {}) };
	const problem = missingTemplate
		? `Analysis spec invalid: AnalysisTemplate "${missingTemplate}" not found`
		: missingArg
			? `Unable to resolve metric arguments: args.${missingArg} was not resolved`
			: undefined;
	const run: AnalysisRun = {
		apiVersion: 'argoproj.io/v1alpha1',
		kind: 'AnalysisRun',
		metadata: {
			name,
			namespace,
			labels: {
				...ro.spec.selector?.matchLabels,
				[ROLLOUT_HASH_LABEL]: hash,
				[ROLLOUT_TYPE_LABEL]: type,
				...(type === 'Step' ? { [STEP_INDEX_LABEL]: String(step) } : {}),
			},
			annotations: { 'rollout.argoproj.io/revision': String(revision) },
			ownerReferences: [{ apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', name: ro.metadata.name, uid: ro.metadata.uid, controller: true, blockOwnerDeletion: true }],
			creationTimestamp: rfc3339(ctx.now),
		},
		spec,
		status: problem ? { phase: 'Error', message: problem, startedAt: rfc3339(ctx.now), completedAt: rfc3339(ctx.now) } : { phase: 'Pending' },
	};
	return ctx.store.put(run) as AnalysisRun;
}

/** The rollout cancels a run it no longer needs (`spec.terminate: true`). */
export function terminateRun(ctx: SimContext, namespace: string | undefined, name: string | undefined): void {
	if (!name) return;
	const run = ctx.store.get({ kind: 'AnalysisRun', namespace, name }) as AnalysisRun | undefined;
	if (!run || run.spec?.terminate) return;
	ctx.store.put({ ...run, spec: { ...(run.spec as AnalysisSpec), terminate: true } });
}

/** `{{args.name}}` placeholders replaced by the run's argument values. */
export function substituteArgs(text: string, args: Argument[] | undefined): string {
	return text.replace(/\{\{\s*args\.([\w-]+)\s*\}\}/g, (whole, name: string) => args?.find((a) => a.name === name)?.value ?? whole);
}
