// What the API server checks in a workload's spec, on create and on every update or patch:
// Deployments and ReplicaSets as apps/v1 validates them (pkg/apis/apps/validation, and the
// registry's immutable selector), Rollouts only as the Argo Rollouts CRD's schema does (spec
// required, containers and their names required, the `.spec.selector is immutable` rule) —
// anything else about a Rollout is for Argo's controller to judge (InvalidSpec), not the server.
import type { PodTemplate } from '../domain/k8s';
import type { StatusCause } from './status';

interface SelectorRequirement {
	key?: string;
	operator?: string;
	values?: string[];
}

export interface LabelSelector {
	matchLabels?: Record<string, string>;
	matchExpressions?: SelectorRequirement[];
}

export interface WorkloadSpec {
	replicas?: unknown;
	selector?: LabelSelector;
	template?: PodTemplate;
}

const quoted = (items: string[] | undefined, type: string) => (items ? `${type}{${items.join(', ')}}` : `${type}(nil)`);

/** A Go map[string]string as `%#v` prints it (keys sorted; nil when absent). */
export function goMap(labels: Record<string, string> | undefined): string {
	const entries = labels && Object.keys(labels).sort().map((k) => `${JSON.stringify(k)}:${JSON.stringify(labels[k])}`);
	return quoted(entries, 'map[string]string');
}

/** A metav1.LabelSelector as `%#v` prints it, as the API server shows it in an Invalid value. */
function goSelector(selector: LabelSelector): string {
	const requirement = (r: SelectorRequirement) =>
		`v1.LabelSelectorRequirement{Key:${JSON.stringify(r.key ?? '')}, Operator:${JSON.stringify(r.operator ?? '')}, Values:${quoted(r.values?.map((v) => JSON.stringify(v)), '[]string')}}`;
	return `v1.LabelSelector{MatchLabels:${goMap(selector.matchLabels)}, MatchExpressions:${quoted(selector.matchExpressions?.map(requirement), '[]v1.LabelSelectorRequirement')}}`;
}

function matches(selector: LabelSelector, labels: Record<string, string>): boolean {
	const labelsMatch = Object.entries(selector.matchLabels ?? {}).every(([k, v]) => labels[k] === v);
	return (
		labelsMatch &&
		(selector.matchExpressions ?? []).every(({ key = '', operator, values = [] }) => {
			const has = key in labels;
			if (operator === 'In') return has && values.includes(labels[key]);
			if (operator === 'NotIn') return !has || !values.includes(labels[key]);
			if (operator === 'Exists') return has;
			return operator === 'DoesNotExist' && !has;
		})
	);
}

const required = (field: string): StatusCause => ({ reason: 'FieldValueRequired', message: 'Required value', field });
const invalid = (field: string, value: string, why: string): StatusCause => ({ reason: 'FieldValueInvalid', message: `Invalid value: ${value}: ${why}`, field });

function replicasCauses(replicas: unknown): StatusCause[] {
	if (replicas !== undefined && (typeof replicas !== 'number' || !Number.isInteger(replicas))) return [invalid('spec.replicas', JSON.stringify(replicas), 'must be an integer')];
	if (typeof replicas === 'number' && replicas < 0) return [invalid('spec.replicas', String(replicas), 'must be greater than or equal to 0')];
	return [];
}

/** The checks of apps/v1 ValidateDeploymentSpec / ValidateReplicaSetSpec, in their order. */
export function appsSpecCauses(spec: WorkloadSpec): StatusCause[] {
	const causes = replicasCauses(spec.replicas);
	const { selector, template } = spec;
	if (!selector) causes.push(required('spec.selector'));
	else if (!Object.keys(selector.matchLabels ?? {}).length && !selector.matchExpressions?.length) {
		causes.push(invalid('spec.selector', goSelector(selector), 'empty selector is invalid for deployment'));
	}
	const labels = template?.metadata?.labels;
	// No selector matches nothing (labels.Nothing()); an empty one is not checked against the labels.
	if (!selector || !matches(selector, labels ?? {})) causes.push(invalid('spec.template.metadata.labels', goMap(labels), '`selector` does not match template `labels`'));
	causes.push(...containerCauses(template, true));
	return causes;
}

function containerCauses(template: PodTemplate | undefined, imageRequired: boolean): StatusCause[] {
	const containers = template?.spec?.containers;
	if (!containers?.length) return [required('spec.template.spec.containers')];
	return containers.flatMap((c, i) => [
		...(c?.name ? [] : [required(`spec.template.spec.containers[${i}].name`)]),
		...(imageRequired && !c?.image ? [required(`spec.template.spec.containers[${i}].image`)] : []),
	]);
}

/**
 * What the Rollout CRD's OpenAPI schema requires: spec; containers once there is a pod spec; each
 * container's name. Replicas are checked as for a Deployment although the schema only asks for an
 * integer: the simulated controllers cannot run a negative count.
 */
export function rolloutSchemaCauses(spec: WorkloadSpec | undefined): StatusCause[] {
	if (!spec) return [required('spec')];
	return [...replicasCauses(spec.replicas), ...(spec.template?.spec ? containerCauses(spec.template, false) : [])];
}

/** apps/v1 refuses any change of the selector; the Rollout CRD's transition rule does the same when both have one. */
export function selectorUpdateCauses(kind: string, before: WorkloadSpec | undefined, after: WorkloadSpec | undefined): StatusCause[] {
	const old = before?.selector;
	const next = after?.selector;
	// Compared as Go compares them (map keys in any order, nil apart from empty).
	if ((old && goSelector(old)) === (next && goSelector(next))) return [];
	if (kind === 'Rollout') return old && next ? [invalid('spec.selector', '"object"', '.spec.selector is immutable')] : [];
	return [invalid('spec.selector', next ? goSelector(next) : '"null"', 'field is immutable')];
}
