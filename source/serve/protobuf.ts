// kubectl's typed clients (`kubectl create deployment`) send built-in objects as Kubernetes
// protobuf (`application/vnd.kubernetes.protobuf`: "k8s\0" + runtime.Unknown{typeMeta, raw}) and
// do not fall back to JSON. This decodes the fields such objects carry into their JSON shape; field
// numbers are those of k8s.io/api's generated.proto. Fields outside this schema are dropped.
import { ApiError } from './status';

type Field =
	| { name: string; type: 'string' | 'bool' | 'int' | 'bytes' | 'intOrString'; repeated?: boolean; pointer?: boolean }
	| { name: string; type: 'message'; of: string; repeated?: boolean }
	| { name: string; type: 'map'; of?: string };

type Schema = Record<number, Field>;

const str = (name: string, repeated = false): Field => ({ name, type: 'string', repeated });
const int = (name: string, pointer = false): Field => ({ name, type: 'int', pointer });
const msg = (name: string, of: string, repeated = false): Field => ({ name, type: 'message', of, repeated });

const SCHEMAS: Record<string, Schema> = {
	Unknown: { 1: msg('typeMeta', 'TypeMeta'), 2: { name: 'raw', type: 'bytes' } },
	TypeMeta: { 1: str('apiVersion'), 2: str('kind') },
	ObjectMeta: { 1: str('name'), 2: str('generateName'), 3: str('namespace'), 11: { name: 'labels', type: 'map' }, 12: { name: 'annotations', type: 'map' } },
	Deployment: { 1: msg('metadata', 'ObjectMeta'), 2: msg('spec', 'DeploymentSpec') },
	DeploymentSpec: {
		1: int('replicas', true),
		2: msg('selector', 'LabelSelector'),
		3: msg('template', 'PodTemplateSpec'),
		4: msg('strategy', 'DeploymentStrategy'),
		5: int('minReadySeconds'),
		6: int('revisionHistoryLimit', true),
		7: { name: 'paused', type: 'bool' },
		9: int('progressDeadlineSeconds', true),
	},
	DeploymentStrategy: { 1: str('type'), 2: msg('rollingUpdate', 'RollingUpdateDeployment') },
	RollingUpdateDeployment: { 1: { name: 'maxUnavailable', type: 'intOrString' }, 2: { name: 'maxSurge', type: 'intOrString' } },
	IntOrString: { 1: int('type'), 2: int('intVal'), 3: str('strVal') },
	LabelSelector: { 1: { name: 'matchLabels', type: 'map' } },
	PodTemplateSpec: { 1: msg('metadata', 'ObjectMeta'), 2: msg('spec', 'PodSpec') },
	PodSpec: { 2: msg('containers', 'Container', true), 3: str('restartPolicy'), 6: str('dnsPolicy'), 7: { name: 'nodeSelector', type: 'map' }, 8: str('serviceAccountName') },
	Container: {
		1: str('name'),
		2: str('image'),
		3: str('command', true),
		4: str('args', true),
		5: str('workingDir'),
		6: msg('ports', 'ContainerPort', true),
		7: msg('env', 'EnvVar', true),
		8: msg('resources', 'ResourceRequirements'),
		14: str('imagePullPolicy'),
	},
	ContainerPort: { 1: str('name'), 2: int('hostPort'), 3: int('containerPort'), 4: str('protocol') },
	EnvVar: { 1: str('name'), 2: str('value') },
	ResourceRequirements: { 1: { name: 'limits', type: 'map', of: 'Quantity' }, 2: { name: 'requests', type: 'map', of: 'Quantity' } },
	Quantity: { 1: str('string') },
	MapEntry: { 1: str('key'), 2: { name: 'value', type: 'bytes' } },
	Pod: { 1: msg('metadata', 'ObjectMeta'), 2: msg('spec', 'PodSpec') },
	Namespace: { 1: msg('metadata', 'ObjectMeta') },
	Service: { 1: msg('metadata', 'ObjectMeta'), 2: msg('spec', 'ServiceSpec') },
	ServiceSpec: { 1: msg('ports', 'ServicePort', true), 2: { name: 'selector', type: 'map' }, 3: str('clusterIP'), 4: str('type'), 10: str('externalName') },
	ServicePort: { 1: str('name'), 2: str('protocol'), 3: int('port'), 4: { name: 'targetPort', type: 'intOrString' } },
	// autoscaling/v1, as `kubectl autoscale` sends it.
	HorizontalPodAutoscaler: { 1: msg('metadata', 'ObjectMeta'), 2: msg('spec', 'HorizontalPodAutoscalerSpec') },
	HorizontalPodAutoscalerSpec: { 1: msg('scaleTargetRef', 'CrossVersionObjectReference'), 2: int('minReplicas', true), 3: int('maxReplicas', true), 4: int('targetCPUUtilizationPercentage', true) },
	CrossVersionObjectReference: { 1: str('kind'), 2: str('name'), 3: str('apiVersion') },
};

/** The kinds whose protobuf body this can read, by apiVersion/kind. */
const DECODABLE: Record<string, string> = {
	'apps/v1/Deployment': 'Deployment',
	'v1/Pod': 'Pod',
	'v1/Namespace': 'Namespace',
	'v1/Service': 'Service',
	'autoscaling/v1/HorizontalPodAutoscaler': 'HorizontalPodAutoscaler',
};

export const PROTOBUF_CONTENT_TYPE = 'application/vnd.kubernetes.protobuf';

class Reader {
	private pos = 0;
	constructor(private readonly buf: Buffer) {}
	get done(): boolean {
		return this.pos >= this.buf.length;
	}
	varint(): number {
		let result = 0;
		let shift = 0;
		for (;;) {
			if (this.pos >= this.buf.length) throw new Error('truncated varint');
			const byte = this.buf[this.pos++];
			result += (byte & 0x7f) * 2 ** shift;
			if (!(byte & 0x80)) return result;
			shift += 7;
		}
	}
	bytes(): Buffer {
		const length = this.varint();
		if (this.pos + length > this.buf.length) throw new Error('truncated field');
		const out = this.buf.subarray(this.pos, this.pos + length);
		this.pos += length;
		return out;
	}
	skip(wireType: number): void {
		if (wireType === 0) this.varint();
		else if (wireType === 2) this.bytes();
		else if (wireType === 1) this.pos += 8;
		else if (wireType === 5) this.pos += 4;
		else throw new Error(`unsupported wire type ${wireType}`);
	}
}

function isEmpty(value: unknown): boolean {
	return value === '' || value === 0 || value === false || (typeof value === 'object' && value !== null && !Array.isArray(value) && !Object.keys(value).length);
}

function decodeMessage(buf: Buffer, schemaName: string): Record<string, unknown> {
	const schema = SCHEMAS[schemaName];
	const out: Record<string, unknown> = {};
	const reader = new Reader(buf);
	while (!reader.done) {
		const tag = reader.varint();
		const field = schema[Math.floor(tag / 8)];
		const wireType = tag & 7;
		if (!field) {
			reader.skip(wireType);
			continue;
		}
		let value: unknown;
		if (field.type === 'int') value = reader.varint();
		else if (field.type === 'intOrString') {
			const v = decodeMessage(reader.bytes(), 'IntOrString');
			value = v.type === 1 ? (v.strVal ?? '') : (v.intVal ?? 0);
		}
		else if (field.type === 'bool') value = reader.varint() !== 0;
		else if (field.type === 'string') value = reader.bytes().toString('utf8');
		else if (field.type === 'bytes') value = reader.bytes();
		else if (field.type === 'message') value = decodeMessage(reader.bytes(), field.of);
		else if (field.type === 'map') {
			const entry = decodeMessage(reader.bytes(), 'MapEntry') as { key?: string; value?: Buffer };
			const raw = entry.value ?? Buffer.alloc(0);
			const map = (out[field.name] ??= {}) as Record<string, unknown>;
			// A Quantity is a message around its string form.
			map[entry.key ?? ''] = field.of ? decodeMessage(raw, field.of).string : raw.toString('utf8');
			continue;
		}
		if ('repeated' in field && field.repeated) ((out[field.name] ??= []) as unknown[]).push(value);
		else if (!isEmpty(value) || ('pointer' in field && field.pointer)) out[field.name] = value;
	}
	return out;
}

/** A Kubernetes protobuf body as the JSON object it stands for; 415 for kinds this cannot read. */
export function decodeProtobufObject(body: Buffer): Record<string, unknown> {
	if (body.subarray(0, 4).toString('latin1') !== 'k8s\0') throw new ApiError(400, 'the protobuf body does not start with the Kubernetes magic number');
	try {
		const envelope = decodeMessage(body.subarray(4), 'Unknown') as { typeMeta?: { apiVersion?: string; kind?: string }; raw?: Buffer };
		const { apiVersion = '', kind = '' } = envelope.typeMeta ?? {};
		const schema = DECODABLE[`${apiVersion}/${kind}`];
		if (!schema) throw new ApiError(415, `sim serve reads ${kind || 'this kind'} only as JSON (application/json)`);
		return { apiVersion, kind, ...decodeMessage(envelope.raw ?? Buffer.alloc(0), schema) };
	} catch (error) {
		if (error instanceof ApiError) throw error;
		throw new ApiError(400, `the protobuf body could not be decoded: ${(error as Error).message}`);
	}
}
