// What the API server refuses with 422 Invalid before storing a workload, worded as it words it
// (`Deployment.apps "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0`).
import type { KubeObject, PodTemplate } from '../domain/k8s';
import type { ServedResource } from './discovery';
import type { ServedObject } from './served-objects';
import { ApiError, type StatusCause } from './status';

interface Spec {
	replicas?: unknown;
	selector?: { matchLabels?: Record<string, string> };
	template?: PodTemplate;
}

function goMap(labels: Record<string, string>): string {
	return `map[string]string{${Object.entries(labels).map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(', ')}}`;
}

function workloadCauses(spec: Spec, creating: boolean): StatusCause[] {
	const causes: StatusCause[] = [];
	const invalid = (field: string, value: string, why: string) => causes.push({ reason: 'FieldValueInvalid', message: `Invalid value: ${value}: ${why}`, field });
	const required = (field: string) => causes.push({ reason: 'FieldValueRequired', message: 'Required value', field });
	const { replicas } = spec;
	if (replicas !== undefined && (typeof replicas !== 'number' || !Number.isInteger(replicas))) invalid('spec.replicas', JSON.stringify(replicas), 'must be an integer');
	else if (typeof replicas === 'number' && replicas < 0) invalid('spec.replicas', String(replicas), 'must be greater than or equal to 0');
	if (!creating) return causes;
	const selector = spec.selector?.matchLabels ?? {};
	const labels = spec.template?.metadata?.labels ?? {};
	if (!Object.keys(selector).length) required('spec.selector');
	else if (!Object.entries(selector).every(([k, v]) => labels[k] === v)) invalid('spec.template.metadata.labels', goMap(labels), '`selector` does not match template `labels`');
	const containers = spec.template?.spec?.containers ?? [];
	if (!containers.length) required('spec.template.spec.containers');
	containers.forEach((c, i) => {
		if (!c.name) required(`spec.template.spec.containers[${i}].name`);
		if (!c.image) required(`spec.template.spec.containers[${i}].image`);
	});
	return causes;
}

/** Throws 422 when a workload (created, updated or patched) is not valid. */
export function validate(resource: ServedResource, obj: ServedObject | KubeObject, creating = false): void {
	if (!['Deployment', 'Rollout', 'ReplicaSet'].includes(obj.kind)) return;
	const causes: StatusCause[] = [];
	if (creating && !obj.metadata?.name) causes.push({ reason: 'FieldValueRequired', message: 'Required value: name or generateName is required', field: 'metadata.name' });
	causes.push(...workloadCauses(((obj as { spec?: Spec }).spec ?? {}) as Spec, creating));
	if (!causes.length) return;
	const qualified = resource.group ? `${resource.kind}.${resource.group}` : resource.kind;
	const text = causes.map((c) => `${c.field}: ${c.message}`);
	const message = `${qualified} "${obj.metadata?.name ?? ''}" is invalid: ${text.length === 1 ? text[0] : `[${text.join(', ')}]`}`;
	throw new ApiError(422, message, { name: obj.metadata?.name, group: resource.group, kind: resource.kind, causes });
}
