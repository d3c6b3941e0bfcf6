// `kubectl get` asks for server-side printing (meta.k8s.io Table). Answering with the columns kubectl
// and the Argo CRD would print makes `rolltop sim serve` read like a real cluster in a demo.
import { formatTargets } from '../domain/hpa';
import type { Deployment, HorizontalPodAutoscaler, KubeEvent, KubeObject, Node, Pod, ReplicaSet, Rollout } from '../domain/k8s';
import { formatAge, parseTime } from '../domain/format';
import { podStatus } from '../domain/pod';

interface Column {
	name: string;
	type: 'string' | 'integer' | 'date';
	format?: string;
}

type Printer = { columns: Column[]; cells: (obj: KubeObject, now: number) => Array<string | number> };

const NAME: Column = { name: 'Name', type: 'string', format: 'name' };
const AGE: Column = { name: 'Age', type: 'string' };

function age(obj: KubeObject, now: number): string {
	const created = parseTime(obj.metadata.creationTimestamp);
	return created === undefined ? '<unknown>' : formatAge(now - created);
}

const PRINTERS: Partial<Record<KubeObject['kind'], Printer>> = {
	Deployment: {
		columns: [NAME, { name: 'Ready', type: 'string' }, { name: 'Up-to-date', type: 'integer' }, { name: 'Available', type: 'integer' }, AGE],
		cells: (obj, now) => {
			const d = obj as Deployment;
			const s = d.status ?? {};
			return [d.metadata.name, `${s.readyReplicas ?? 0}/${d.spec.replicas ?? 1}`, s.updatedReplicas ?? 0, s.availableReplicas ?? 0, age(d, now)];
		},
	},
	// The Argo Rollouts CRD's additionalPrinterColumns.
	Rollout: {
		columns: [NAME, { name: 'Desired', type: 'integer' }, { name: 'Current', type: 'integer' }, { name: 'Up-to-date', type: 'integer' }, { name: 'Available', type: 'integer' }, AGE],
		cells: (obj, now) => {
			const ro = obj as Rollout;
			const s = ro.status ?? {};
			return [ro.metadata.name, ro.spec.replicas ?? 1, s.replicas ?? 0, s.updatedReplicas ?? 0, s.availableReplicas ?? 0, age(ro, now)];
		},
	},
	ReplicaSet: {
		columns: [NAME, { name: 'Desired', type: 'integer' }, { name: 'Current', type: 'integer' }, { name: 'Ready', type: 'integer' }, AGE],
		cells: (obj, now) => {
			const rs = obj as ReplicaSet;
			return [rs.metadata.name, rs.spec.replicas ?? 1, rs.status?.replicas ?? 0, rs.status?.readyReplicas ?? 0, age(rs, now)];
		},
	},
	Pod: {
		columns: [NAME, { name: 'Ready', type: 'string' }, { name: 'Status', type: 'string' }, { name: 'Restarts', type: 'integer' }, AGE],
		cells: (obj, now) => {
			const status = podStatus(obj as Pod);
			return [obj.metadata.name, status.ready, status.status, status.restarts, age(obj, now)];
		},
	},
	Node: {
		columns: [NAME, { name: 'Status', type: 'string' }, { name: 'GPUs', type: 'string' }, AGE],
		cells: (obj, now) => {
			const node = obj as Node;
			const ready = node.status?.conditions?.find((c) => c.type === 'Ready')?.status === 'True';
			const status = `${ready ? 'Ready' : 'NotReady'}${node.spec?.unschedulable ? ',SchedulingDisabled' : ''}`;
			return [node.metadata.name, status, node.status?.capacity?.['nvidia.com/gpu'] ?? '0', age(node, now)];
		},
	},
	// kubectl's own HPA printer (printers.go): REFERENCE Kind/name, TARGETS formatted per metric.
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
			const hpa = obj as HorizontalPodAutoscaler;
			const ref = hpa.spec.scaleTargetRef;
			const min = hpa.spec.minReplicas === undefined ? '<unset>' : String(hpa.spec.minReplicas);
			return [hpa.metadata.name, `${ref.kind}/${ref.name}`, formatTargets(hpa), min, hpa.spec.maxReplicas, hpa.status?.currentReplicas ?? 0, age(hpa, now)];
		},
	},
	Event: {
		columns: [{ name: 'Last Seen', type: 'string' }, { name: 'Type', type: 'string' }, { name: 'Reason', type: 'string' }, { name: 'Object', type: 'string' }, { name: 'Message', type: 'string' }],
		cells: (obj, now) => {
			const e = obj as KubeEvent;
			const seen = parseTime(e.lastTimestamp ?? e.eventTime ?? e.firstTimestamp);
			return [seen === undefined ? '<unknown>' : formatAge(now - seen), e.type ?? '', e.reason ?? '', `${e.involvedObject.kind.toLowerCase()}/${e.involvedObject.name}`, e.message ?? ''];
		},
	},
};

/** Whether the client asked for a Table (kubectl get sends `application/json;as=Table;…`). */
export function wantsTable(accept: string | undefined): boolean {
	return /;\s*as=Table/.test(accept ?? '');
}

export function toTable(objects: KubeObject[], now: number, resourceVersion: string): object | undefined {
	const kind = objects[0]?.kind;
	const printer = kind ? PRINTERS[kind] : PRINTERS.Deployment;
	if (!printer) return undefined;
	return {
		kind: 'Table',
		apiVersion: 'meta.k8s.io/v1',
		metadata: { resourceVersion },
		columnDefinitions: printer.columns.map((c) => ({ ...c, description: '', priority: 0, format: c.format ?? '' })),
		rows: objects.map((obj) => ({
			cells: printer.cells(obj, now),
			// kubectl reads the namespace column and the name prefix from the row's object metadata.
			object: { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: obj.metadata },
		})),
	};
}
