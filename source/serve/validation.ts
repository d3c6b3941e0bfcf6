// What the API server refuses with 422 Invalid (400 for a count it cannot decode) before storing a workload, a pod, an HPA or a Service, worded as it words it
// (`Deployment.apps "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0`).
import type { Container, HorizontalPodAutoscaler, KubeObject } from '../domain/k8s';
import { parseQuantity } from '../domain/quantity';
import { CUSTOM_GROUPS, type ServedResource } from './discovery';
import type { ServedObject } from './served-objects';
import { ApiError, type StatusCause } from './status';
import { appsSpecCauses, rolloutSchemaCauses, selectorUpdateCauses, type WorkloadSpec } from './workload-validation';

/** Rollouts are created with the apps/v1 checks too (the simulator has no InvalidSpec for what they catch); updated, with their schema's only. */
function workloadCauses(obj: ServedObject | KubeObject, creating: boolean): StatusCause[] {
	const spec = (obj as { spec?: WorkloadSpec }).spec;
	if (obj.kind !== 'Rollout' || creating) return appsSpecCauses(spec ?? {});
	return rolloutSchemaCauses(spec);
}

function hpaCauses(spec: Partial<HorizontalPodAutoscaler['spec']> | undefined): StatusCause[] {
	const causes: StatusCause[] = [];
	const invalid = (field: string, value: unknown, why: string) => causes.push({ reason: 'FieldValueInvalid', message: `Invalid value: ${JSON.stringify(value)}: ${why}`, field });
	// Validated after defaulting, so an absent minReplicas counts as 1.
	const { minReplicas = 1, maxReplicas = 0, scaleTargetRef } = spec ?? {};
	if (minReplicas < 1) invalid('spec.minReplicas', minReplicas, 'must be greater than or equal to 1');
	if (maxReplicas < 1) invalid('spec.maxReplicas', maxReplicas, 'must be greater than 0');
	if (maxReplicas < minReplicas) invalid('spec.maxReplicas', maxReplicas, 'must be greater than or equal to `minReplicas`');
	for (const field of ['kind', 'name'] as const) {
		if (!scaleTargetRef?.[field]) causes.push({ reason: 'FieldValueRequired', message: 'Required value', field: `spec.scaleTargetRef.${field}` });
	}
	return causes;
}

/** JSON's name for a value's type, as Go's decoder and a CRD's schema name it. */
function jsonType(value: unknown): string {
	if (value === null) return 'null';
	if (typeof value === 'boolean') return 'bool';
	return typeof value === 'object' ? 'object' : typeof value;
}

/**
 * The lists the controllers walk (containers, their ports, a Rollout's canary steps) must be lists: a
 * built-in kind cannot even be decoded otherwise (400), a custom resource's schema refuses it (422).
 */
function listShapeCauses(resource: ServedResource, obj: ServedObject): StatusCause[] {
	const spec = (obj as { spec?: Record<string, unknown> }).spec;
	const podSpecPath = obj.kind === 'Pod' ? 'spec' : 'spec.template.spec';
	const podSpec = (obj.kind === 'Pod' ? spec : (spec?.template as { spec?: unknown } | undefined)?.spec) as { containers?: unknown } | undefined;
	const lists: Array<[string, unknown, string, string]> = [[`${podSpecPath}.containers`, podSpec?.containers, 'PodSpec', 'v1.Container']];
	if (Array.isArray(podSpec?.containers)) {
		podSpec.containers.forEach((c, i) => lists.push([`${podSpecPath}.containers[${i}].ports`, (c as { ports?: unknown } | null)?.ports, 'Container', 'v1.ContainerPort']));
	}
	if (obj.kind === 'Rollout') lists.push(['spec.strategy.canary.steps', (spec?.strategy as { canary?: { steps?: unknown } } | undefined)?.canary?.steps, '', '']);
	const causes: StatusCause[] = [];
	for (const [field, value, struct, goType] of lists) {
		if (value === undefined || Array.isArray(value)) continue;
		if (CUSTOM_GROUPS.has(resource.group)) {
			causes.push({ reason: 'FieldValueTypeInvalid', message: `Invalid value: "${jsonType(value)}": ${field} in body must be of type array: "${jsonType(value)}"`, field });
			continue;
		}
		const message = `json: cannot unmarshal ${jsonType(value)} into Go struct field ${struct}.${field.replace(/\[\d+\]/g, '')} of type []${goType}`;
		throw new ApiError(400, `${resource.kind} in version "${resource.version}" cannot be handled as a ${resource.kind}: ${message}`);
	}
	return causes;
}

const GPU = 'nvidia.com/gpu';

/**
 * GPUs are whole devices: a count that is no quantity cannot even be decoded (400); a fraction or a
 * negative one is invalid (422), as for every extended resource.
 */
function gpuCauses(resource: ServedResource, containers: unknown, prefix: string): StatusCause[] {
	const causes: StatusCause[] = [];
	(Array.isArray(containers) ? (containers as Container[]) : []).forEach((c, i) => {
		for (const part of ['limits', 'requests'] as const) {
			const value = c?.resources?.[part]?.[GPU];
			if (value === undefined) continue;
			const count = parseQuantity(value as string | number);
			if (count === undefined) {
				const kind = resource.kind;
				throw new ApiError(400, `${kind} in version "${resource.version}" cannot be handled as a ${kind}: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`);
			}
			const why = count < 0 ? 'must be greater than or equal to 0' : Number.isInteger(count) ? undefined : 'must be an integer';
			if (why) causes.push({ reason: 'FieldValueInvalid', message: `Invalid value: ${JSON.stringify(String(value))}: ${why}`, field: `${prefix}[${i}].resources.${part}[${GPU}]` });
		}
	});
	return causes;
}

/** A Service needs ports unless it is headless or an ExternalName (the endpoints of a portless headless one carry none). */
function serviceCauses(spec: { ports?: unknown[]; clusterIP?: string; type?: string } | undefined): StatusCause[] {
	if (spec?.ports?.length || spec?.clusterIP === 'None' || spec?.type === 'ExternalName') return [];
	return [{ reason: 'FieldValueRequired', message: 'Required value', field: 'spec.ports' }];
}

function refuse(resource: ServedResource, obj: ServedObject, causes: StatusCause[]): void {
	if (!causes.length) return;
	const qualified = resource.group ? `${resource.kind}.${resource.group}` : resource.kind;
	const text = causes.map((c) => `${c.field}: ${c.message}`);
	const message = `${qualified} "${obj.metadata?.name ?? ''}" is invalid: ${text.length === 1 ? text[0] : `[${text.join(', ')}]`}`;
	throw new ApiError(422, message, { name: obj.metadata?.name, group: resource.group, kind: resource.kind, causes });
}

/**
 * Throws 422 when an object (created, updated or patched) is not valid; for an update, `current`
 * is the stored object (a workload's selector may not change: reported with the other causes).
 */
export function validate(resource: ServedResource, obj: ServedObject | KubeObject, creating = false, current?: ServedObject): void {
	// What is not even the right shape is refused before anything walks it.
	if (['Pod', 'Deployment', 'Rollout', 'ReplicaSet'].includes(obj.kind)) {
		const malformed = listShapeCauses(resource, obj);
		if (malformed.length) return refuse(resource, obj, malformed);
	}
	const causes: StatusCause[] = [];
	if (creating && !obj.metadata?.name) causes.push({ reason: 'FieldValueRequired', message: 'Required value: name or generateName is required', field: 'metadata.name' });
	if (['Deployment', 'Rollout', 'ReplicaSet'].includes(obj.kind)) {
		causes.push(...workloadCauses(obj, creating));
	}
	if (obj.kind === 'Pod') causes.push(...gpuCauses(resource, (obj as { spec?: { containers?: unknown } }).spec?.containers, 'spec.containers'));
	else if (['Deployment', 'Rollout', 'ReplicaSet'].includes(obj.kind)) {
		causes.push(...gpuCauses(resource, (obj as { spec?: WorkloadSpec }).spec?.template?.spec?.containers, 'spec.template.spec.containers'));
	}
	if (obj.kind === 'HorizontalPodAutoscaler') causes.push(...hpaCauses((obj as HorizontalPodAutoscaler).spec));
	if (obj.kind === 'Service') causes.push(...serviceCauses((obj as { spec?: Parameters<typeof serviceCauses>[0] }).spec));
	if (current && ['Deployment', 'Rollout', 'ReplicaSet'].includes(obj.kind)) {
		const specOf = (o: ServedObject | KubeObject) => (o as { spec?: WorkloadSpec }).spec;
		causes.push(...selectorUpdateCauses(obj.kind, specOf(current), specOf(obj)));
	}
	refuse(resource, obj, causes);
}

/** Throws 422 when an update changes what may not change once set (a Service's cluster IP). */
export function validateUpdate(resource: ServedResource, current: ServedObject, next: ServedObject): void {
	if (resource.kind !== 'Service') return;
	const before = (current as { spec?: { clusterIP?: string } }).spec?.clusterIP;
	const after = (next as { spec?: unknown }).spec as { clusterIP?: string; clusterIPs?: string[] } | undefined;
	if (!before || after?.clusterIP === before) return;
	const ips = after?.clusterIPs ?? (after?.clusterIP ? [after.clusterIP] : []);
	const value = `[]string{${ips.map((ip) => JSON.stringify(ip)).join(', ')}}`;
	refuse(resource, next, [{ reason: 'FieldValueInvalid', message: `Invalid value: ${value}: may not change once set`, field: 'spec.clusterIPs[0]' }]);
}
