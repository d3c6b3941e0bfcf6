// What `kubectl describe pod` prints (kubectl pkg/describe describePod): identity, node, status,
// each container's state with reasons and exit codes, requests and limits (GPUs included),
// conditions and the pod's events. Rows of text: the UI styles and scrolls them.
import { formatAge, parseTime } from './format';
import type { ContainerStatus, KubeEvent, Pod } from './k8s';
import { podStatus } from './pod';

export interface DescribeRow {
	/** Indent level ×2 spaces, as kubectl nests its sections. */
	text: string;
	/** Section headings and warnings are styled by the UI. */
	kind?: 'heading' | 'warning' | 'error';
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');

/** kubectl's time format, `Mon, 02 Jan 2006 15:04:05 -0700`, in UTC. */
export function describeTime(timestamp: string | undefined): string {
	const ms = parseTime(timestamp);
	if (ms === undefined) return '<unknown>';
	const d = new Date(ms);
	return `${DAYS[d.getUTCDay()]}, ${two(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`;
}

const field = (indent: number, name: string, value: string | number | undefined, width = (indent ? 20 : 18) - indent): DescribeRow => ({
	text: `${' '.repeat(indent)}${`${name}:`.padEnd(width)}${value ?? '<none>'}`,
});

function mapRows(indent: number, name: string, map: Record<string, string> | undefined): DescribeRow[] {
	const entries = Object.entries(map ?? {});
	if (entries.length === 0) return [field(indent, name, '<none>')];
	return entries.map(([k, v], i) => (i === 0 ? field(indent, name, `${k}=${v}`) : { text: `${' '.repeat(18)}${k}=${v}` }));
}

function stateRows(label: string, state: ContainerStatus['state'] | undefined): DescribeRow[] {
	if (state?.running) return [field(4, label, 'Running'), field(6, 'Started', describeTime(state.running.startedAt))];
	if (state?.waiting) return [field(4, label, 'Waiting'), { ...field(6, 'Reason', state.waiting.reason), kind: 'warning' }];
	const t = state?.terminated;
	if (t) {
		return [
			field(4, label, 'Terminated'),
			{ ...field(6, 'Reason', t.reason), kind: t.exitCode ? 'error' : undefined },
			...(t.message ? [field(6, 'Message', t.message)] : []),
			{ ...field(6, 'Exit Code', t.exitCode), kind: t.exitCode ? 'error' : undefined },
			...(t.signal ? [field(6, 'Signal', t.signal)] : []),
			field(6, 'Started', describeTime(t.startedAt)),
			field(6, 'Finished', describeTime(t.finishedAt)),
		];
	}
	return label === 'State' ? [field(4, label, 'Waiting')] : [];
}

function resourceRows(name: string, values: Record<string, string> | undefined): DescribeRow[] {
	const entries = Object.entries(values ?? {});
	if (entries.length === 0) return [];
	return [{ text: `    ${name}:` }, ...entries.map(([k, v]) => ({ text: `      ${`${k}:`.padEnd(16)}${v}` }))];
}

function containerRows(pod: Pod): DescribeRow[] {
	const rows: DescribeRow[] = [{ text: 'Containers:', kind: 'heading' }];
	for (const container of pod.spec.containers ?? []) {
		const status = pod.status?.containerStatuses?.find((c) => c.name === container.name);
		const ports = (container.ports as Array<{ containerPort: number; protocol?: string }> | undefined) ?? [];
		rows.push(
			{ text: `  ${container.name}:` },
			field(4, 'Container ID', status?.containerID ?? ''),
			field(4, 'Image', container.image),
			field(4, 'Image ID', (status as { imageID?: string } | undefined)?.imageID ?? ''),
			field(4, 'Port', ports.map((p) => `${p.containerPort}/${p.protocol ?? 'TCP'}`).join(', ') || '<none>'),
			...stateRows('State', status?.state),
			...stateRows('Last State', status?.lastState),
			field(4, 'Ready', status?.ready ? 'True' : 'False'),
			field(4, 'Restart Count', status?.restartCount ?? 0),
			...resourceRows('Limits', container.resources?.limits),
			...resourceRows('Requests', container.resources?.requests),
		);
	}
	return rows;
}

function eventRows(events: KubeEvent[], now: number): DescribeRow[] {
	if (events.length === 0) return [{ text: 'Events:            <none>', kind: 'heading' }];
	const table = events.map((e) => {
		const last = parseTime(e.lastTimestamp ?? e.eventTime ?? e.metadata.creationTimestamp) ?? now;
		const first = parseTime(e.firstTimestamp) ?? last;
		const count = e.count ?? 1;
		const age = count > 1 ? `${formatAge(now - last)} (x${count} over ${formatAge(now - first)})` : formatAge(now - last);
		return { type: e.type ?? '', reason: e.reason ?? '', age, from: e.source?.component ?? '', message: e.message ?? '' };
	});
	const w = (key: keyof (typeof table)[number], title: string) => Math.max(title.length, ...table.map((r) => r[key].length)) + 2;
	const widths = { type: w('type', 'Type'), reason: w('reason', 'Reason'), age: w('age', 'Age'), from: w('from', 'From') };
	const row = (type: string, reason: string, age: string, from: string, message: string) =>
		`  ${type.padEnd(widths.type)}${reason.padEnd(widths.reason)}${age.padEnd(widths.age)}${from.padEnd(widths.from)}${message}`;
	return [
		{ text: 'Events:', kind: 'heading' },
		{ text: row('Type', 'Reason', 'Age', 'From', 'Message') },
		{ text: row('----', '------', '----', '----', '-------') },
		...table.map((r) => ({ text: row(r.type, r.reason, r.age, r.from, r.message), kind: r.type === 'Warning' ? ('warning' as const) : undefined })),
	];
}

/** The describe text of `pod`; `events` are the pod's, oldest first as kubectl sorts them. */
export function describePod(pod: Pod, events: KubeEvent[], now: number): DescribeRow[] {
	const { metadata, spec, status } = pod;
	const owner = metadata.ownerReferences?.find((o) => o.controller) ?? metadata.ownerReferences?.[0];
	const hostIP = status?.hostIP as string | undefined;
	const shown = podStatus(pod);
	return [
		field(0, 'Name', metadata.name),
		field(0, 'Namespace', metadata.namespace),
		field(0, 'Priority', (spec.priority as number | undefined) ?? 0),
		field(0, 'Service Account', (spec.serviceAccountName as string | undefined) ?? 'default'),
		field(0, 'Node', spec.nodeName ? `${spec.nodeName}/${hostIP ?? ''}` : '<none>'),
		field(0, 'Start Time', status?.startTime ? describeTime(status.startTime) : '<none>'),
		...mapRows(0, 'Labels', metadata.labels),
		metadata.deletionTimestamp
			? { ...field(0, 'Status', `Terminating (lasts ${formatAge(Math.max(0, (parseTime(metadata.deletionTimestamp) ?? now) - now))})`), kind: 'warning' }
			: { ...field(0, 'Status', status?.phase ?? 'Pending'), kind: shown.glyph === '✔' ? undefined : 'warning' },
		field(0, 'IP', status?.podIP ?? ''),
		field(0, 'Controlled By', owner ? `${owner.kind}/${owner.name}` : '<none>'),
		...containerRows(pod),
		{ text: 'Conditions:', kind: 'heading' },
		{ text: `  ${'Type'.padEnd(28)}Status` },
		...(status?.conditions ?? []).map((c) => ({ text: `  ${c.type.padEnd(28)}${c.status}${c.reason ? ` (${c.reason}${c.message ? `: ${c.message}` : ''})` : ''}`, kind: c.status === 'True' ? undefined : ('warning' as const) })),
		field(0, 'QoS Class', (status?.qosClass as string | undefined) ?? ''),
		field(0, 'Node-Selectors', Object.entries((spec.nodeSelector as Record<string, string> | undefined) ?? {}).map(([k, v]) => `${k}=${v}`).join(',') || '<none>'),
		...eventRows(events, now),
	];
}
