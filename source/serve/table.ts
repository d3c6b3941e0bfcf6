// `kubectl get` asks for server-side printing (meta.k8s.io Table). Answering with the columns kubectl
// and the Argo CRD would print makes `rolltop sim serve` read like a real cluster in a demo.
import { formatTargets } from '../domain/hpa';
import type { AnalysisRun, Deployment, HorizontalPodAutoscaler, KubeEvent, KubeObject, Node, Pod, ReplicaSet, Rollout, ScaledObject } from '../domain/k8s';
import { formatAge, parseTime } from '../domain/format';
import { podStatus } from '../domain/pod';
import { asV2Hpa } from './hpa-v1';
import type { AddonObject, ServedKind, ServedObject } from './served-objects';

interface Column {
	name: string;
	type: 'string' | 'integer' | 'date';
	format?: string;
	/** 1: shown only with `-o wide`. */
	priority?: number;
}

const wide = (name: string): Column => ({ name, type: 'string', priority: 1 });

function selectorText(selector: Record<string, string> | undefined): string {
	const terms = Object.entries(selector ?? {}).map(([k, v]) => `${k}=${v}`);
	return terms.length ? terms.join(',') : '<none>';
}

type Printer = { columns: Column[]; cells: (obj: never, now: number) => Array<string | number> };

const NAME: Column = { name: 'Name', type: 'string', format: 'name' };
const AGE: Column = { name: 'Age', type: 'string' };

function age(obj: ServedObject, now: number): string {
	const created = parseTime(obj.metadata.creationTimestamp);
	return created === undefined ? '<unknown>' : formatAge(now - created);
}

const PRINTERS: Record<ServedKind, Printer> = {
	Deployment: {
		columns: [NAME, { name: 'Ready', type: 'string' }, { name: 'Up-to-date', type: 'integer' }, { name: 'Available', type: 'integer' }, AGE],
		cells: (d: Deployment, now) => {
			const s = d.status ?? {};
			return [d.metadata.name, `${s.readyReplicas ?? 0}/${d.spec.replicas ?? 1}`, s.updatedReplicas ?? 0, s.availableReplicas ?? 0, age(d, now)];
		},
	},
	// The Argo Rollouts CRD's additionalPrinterColumns.
	Rollout: {
		columns: [NAME, { name: 'Desired', type: 'integer' }, { name: 'Current', type: 'integer' }, { name: 'Up-to-date', type: 'integer' }, { name: 'Available', type: 'integer' }, AGE],
		cells: (ro: Rollout, now) => {
			const s = ro.status ?? {};
			return [ro.metadata.name, ro.spec.replicas ?? 1, s.replicas ?? 0, s.updatedReplicas ?? 0, s.availableReplicas ?? 0, age(ro, now)];
		},
	},
	// The AnalysisRun CRD's additionalPrinterColumns: .status.phase and the age.
	AnalysisRun: {
		columns: [NAME, { name: 'Status', type: 'string' }, { name: 'Age', type: 'date' }],
		cells: (run: AnalysisRun, now) => [run.metadata.name, run.status?.phase ?? '', age(run, now)],
	},
	// The AnalysisTemplate CRD prints no columns of its own: name and age, as for any resource.
	AnalysisTemplate: {
		columns: [NAME, AGE],
		cells: (template: KubeObject, now) => [template.metadata.name, age(template, now)],
	},
	ReplicaSet: {
		columns: [NAME, { name: 'Desired', type: 'integer' }, { name: 'Current', type: 'integer' }, { name: 'Ready', type: 'integer' }, AGE],
		cells: (rs: ReplicaSet, now) => {
			return [rs.metadata.name, rs.spec.replicas ?? 1, rs.status?.replicas ?? 0, rs.status?.readyReplicas ?? 0, age(rs, now)];
		},
	},
	Pod: {
		columns: [NAME, { name: 'Ready', type: 'string' }, { name: 'Status', type: 'string' }, { name: 'Restarts', type: 'integer' }, AGE, wide('IP'), wide('Node'), wide('Nominated Node'), wide('Readiness Gates')],
		cells: (obj: Pod, now) => {
			const status = podStatus(obj);
			return [obj.metadata.name, status.ready, status.status, status.restarts, age(obj, now), obj.status?.podIP ?? '<none>', obj.spec.nodeName ?? '<none>', '<none>', '<none>'];
		},
	},
	Node: {
		columns: [NAME, { name: 'Status', type: 'string' }, { name: 'GPUs', type: 'string' }, AGE],
		cells: (node: Node, now) => {
			// kubectl's printer: NotReady for any Ready status but True, Unknown without a Ready condition.
			const ready = node.status?.conditions?.find((c) => c.type === 'Ready')?.status;
			const status = `${ready === undefined ? 'Unknown' : ready === 'True' ? 'Ready' : 'NotReady'}${node.spec?.unschedulable ? ',SchedulingDisabled' : ''}`;
			return [node.metadata.name, status, node.status?.capacity?.['nvidia.com/gpu'] ?? '0', age(node, now)];
		},
	},
	// kubectl's own HPA printer (printers.go): REFERENCE Kind/name, TARGETS formatted per metric.
	// KEDA's ScaledObject CRD columns, as far as the simulator knows them.
	ScaledObject: {
		columns: [NAME, { name: 'ScaleTargetKind', type: 'string' }, { name: 'ScaleTargetName', type: 'string' }, { name: 'Min', type: 'integer' }, { name: 'Max', type: 'integer' }, AGE],
		cells: (so: ScaledObject, now) => [so.metadata.name, so.spec.scaleTargetRef.kind ?? '', so.spec.scaleTargetRef.name, so.spec.minReplicaCount ?? 0, so.spec.maxReplicaCount ?? 100, age(so, now)],
	},
	HorizontalPodAutoscaler: {
		columns: [
			NAME,
			{ name: 'Reference', type: 'string' },
			{ name: 'Targets', type: 'string' },
			{ name: 'MinPods', type: 'string' },
			{ name: 'MaxPods', type: 'integer' },
			{ name: 'Replicas', type: 'integer' },
			AGE,
		],
		cells: (obj, now) => {
			// An autoscaling/v1 row prints what its v2 form would.
			const hpa = asV2Hpa(obj);
			const ref = hpa.spec.scaleTargetRef;
			const min = hpa.spec.minReplicas === undefined ? '<unset>' : String(hpa.spec.minReplicas);
			return [hpa.metadata.name, `${ref.kind}/${ref.name}`, formatTargets(hpa), min, hpa.spec.maxReplicas, hpa.status?.currentReplicas ?? 0, age(hpa, now)];
		},
	},
	Event: {
		columns: [{ name: 'Last Seen', type: 'string' }, { name: 'Type', type: 'string' }, { name: 'Reason', type: 'string' }, { name: 'Object', type: 'string' }, { name: 'Message', type: 'string' }],
		cells: (e: KubeEvent, now) => {
			const seen = parseTime(e.lastTimestamp ?? e.eventTime ?? e.firstTimestamp);
			return [seen === undefined ? '<unknown>' : formatAge(now - seen), e.type ?? '', e.reason ?? '', `${e.involvedObject.kind.toLowerCase()}/${e.involvedObject.name}`, e.message ?? ''];
		},
	},
	Namespace: {
		columns: [NAME, { name: 'Status', type: 'string' }, AGE],
		cells: (ns: AddonObject, now) => [ns.metadata.name, (ns.status as { phase?: string } | undefined)?.phase ?? 'Active', age(ns, now)],
	},
	Service: {
		columns: [NAME, { name: 'Type', type: 'string' }, { name: 'Cluster-IP', type: 'string' }, { name: 'External-IP', type: 'string' }, { name: 'Port(s)', type: 'string' }, AGE, wide('Selector')],
		cells: (svc: AddonObject, now) => {
			const spec = svc.spec as { type: string; clusterIP: string; ports: Array<{ port: number; protocol: string }>; selector?: Record<string, string> };
			const ports = spec.ports.map((p) => `${p.port}/${p.protocol}`).join(',') || '<none>';
			return [svc.metadata.name, spec.type, spec.clusterIP, '<none>', ports, age(svc, now), selectorText(spec.selector)];
		},
	},
	Endpoints: {
		columns: [NAME, { name: 'Endpoints', type: 'string' }, AGE],
		cells: (ep: AddonObject, now) => {
			const subsets = (ep.subsets ?? []) as Array<{ addresses?: Array<{ ip: string }>; ports: Array<{ port: number }> }>;
			const list = subsets.flatMap((s) => (s.addresses ?? []).flatMap((a) => s.ports.map((p) => `${a.ip}:${p.port}`)));
			return [ep.metadata.name, abbreviate(list), age(ep, now)];
		},
	},
	EndpointSlice: {
		columns: [NAME, { name: 'AddressType', type: 'string' }, { name: 'Ports', type: 'string' }, { name: 'Endpoints', type: 'string' }, AGE],
		cells: (slice: AddonObject, now) => {
			const ports = (slice.ports as Array<{ port: number }>).map((p) => p.port).join(',');
			const addresses = (slice.endpoints as Array<{ addresses: string[] }>).flatMap((e) => e.addresses);
			return [slice.metadata.name, String(slice.addressType), ports || '<unset>', abbreviate(addresses), age(slice, now)];
		},
	},
};

/** As kubectl prints address lists: the first three, then "+ N more...". */
function abbreviate(list: string[]): string {
	if (!list.length) return '<none>';
	return list.length > 3 ? `${list.slice(0, 3).join(',')} + ${list.length - 3} more...` : list.join(',');
}

/** Whether the client asked for a Table (kubectl get sends `application/json;as=Table;…`). */
export function wantsTable(accept: string | undefined): boolean {
	return /;\s*as=Table/.test(accept ?? '');
}

export type IncludeObject = 'None' | 'Metadata' | 'Object';

/** `?includeObject=` (default Metadata: kubectl reads the namespace column and name prefix from it). */
export function includeObjectOf(value: string | null): IncludeObject {
	return value === 'None' || value === 'Object' ? value : 'Metadata';
}

function rowObject(obj: ServedObject, include: IncludeObject): object | undefined {
	if (include === 'None') return undefined;
	if (include === 'Object') return obj;
	return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: obj.metadata };
}

/** A meta.k8s.io Table of `objects` (all of `kind`), as server-side printing answers list, get and watch. */
export function toTable(kind: ServedKind, objects: ServedObject[], now: number, metadata: Record<string, unknown>, include: IncludeObject = 'Metadata'): object {
	const printer = PRINTERS[kind];
	return {
		kind: 'Table',
		apiVersion: 'meta.k8s.io/v1',
		metadata,
		columnDefinitions: printer.columns.map((c) => ({ ...c, description: '', priority: c.priority ?? 0, format: c.format ?? '' })),
		rows: objects.map((obj) => ({ cells: printer.cells(obj as never, now), object: rowObject(obj, include) })),
	};
}
