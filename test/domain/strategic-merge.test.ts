import { describe, expect, it } from 'vitest';
import { applyPatch, PatchError } from '../../source/domain/patch';

const container = (name: string, extra: Record<string, unknown> = {}) => ({ name, image: `${name}:v1`, ...extra });

function deployment(containers: unknown[]) {
	return { kind: 'Deployment', metadata: { name: 'web', finalizers: ['a'] }, spec: { replicas: 2, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } }, template: { spec: { containers } } } };
}

const strategic = (target: unknown, patch: unknown) => applyPatch(target, 'strategic', patch) as ReturnType<typeof deployment>;
const containersOf = (obj: ReturnType<typeof deployment>) => obj.spec.template.spec.containers as Array<Record<string, unknown>>;

describe('strategic merge patch', () => {
	it('merges containers by name and honours $setElementOrder (the body of kubectl set image)', () => {
		const before = deployment([container('vllm', { env: [{ name: 'A', value: '1' }] }), container('sidecar')]);
		const after = strategic(before, {
			spec: { template: { spec: { '$setElementOrder/containers': [{ name: 'vllm' }, { name: 'sidecar' }], containers: [{ image: 'vllm:v2', name: 'vllm' }] } } },
		});
		expect(containersOf(after)).toEqual([container('vllm', { image: 'vllm:v2', env: [{ name: 'A', value: '1' }] }), container('sidecar')]);
		expect(after.spec.template.spec).not.toHaveProperty('$setElementOrder/containers');
	});

	it('merges env by name, deletes elements with $patch: delete, and reorders by $setElementOrder', () => {
		const before = deployment([container('vllm', { env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }] })]);
		const after = strategic(before, {
			spec: { template: { spec: { containers: [{ name: 'vllm', '$setElementOrder/env': [{ name: 'C' }, { name: 'A' }], env: [{ name: 'C', value: '3' }, { $patch: 'delete', name: 'B' }] }] } } },
		});
		expect(containersOf(after)[0].env).toEqual([{ name: 'C', value: '3' }, { name: 'A', value: '1' }]);
	});

	it('merges container ports by containerPort', () => {
		const before = deployment([container('vllm', { ports: [{ containerPort: 8000, name: 'http' }] })]);
		const after = strategic(before, { spec: { template: { spec: { containers: [{ name: 'vllm', ports: [{ containerPort: 8000, protocol: 'TCP' }, { containerPort: 9000 }] }] } } } });
		expect(containersOf(after)[0].ports).toEqual([{ containerPort: 8000, name: 'http', protocol: 'TCP' }, { containerPort: 9000 }]);
	});

	it('$patch: replace replaces a list or a map; $patch: delete or null removes a field', () => {
		const before = deployment([container('vllm'), container('sidecar')]);
		const replacedList = strategic(before, { spec: { template: { spec: { containers: [{ $patch: 'replace' }, container('only')] } } } });
		expect(containersOf(replacedList)).toEqual([container('only')]);
		const replacedMap = strategic(before, { spec: { strategy: { $patch: 'replace', type: 'Recreate' } } });
		expect(replacedMap.spec.strategy).toEqual({ type: 'Recreate' });
		expect(strategic(before, { spec: { strategy: { $patch: 'delete' } } }).spec).not.toHaveProperty('strategy');
		expect(strategic(before, { spec: { replicas: null } }).spec).not.toHaveProperty('replicas');
	});

	it('$retainKeys drops the keys it does not list (kubectl apply switching a strategy type)', () => {
		const after = strategic(deployment([]), { spec: { strategy: { $retainKeys: ['type'], type: 'Recreate' } } });
		expect(after.spec.strategy).toEqual({ type: 'Recreate' });
	});

	it('finalizers merge as a set; $deleteFromPrimitiveList removes values', () => {
		expect(strategic(deployment([]), { metadata: { finalizers: ['b', 'a'] } }).metadata.finalizers).toEqual(['a', 'b']);
		expect(strategic(deployment([]), { metadata: { '$deleteFromPrimitiveList/finalizers': ['a'] } }).metadata.finalizers).toEqual([]);
	});

	it('lists without a merge key are replaced whole', () => {
		const before = { spec: { template: { spec: { tolerations: [{ key: 'a' }], containers: [container('vllm', { args: ['--x', '1'] })] } } } };
		const after = applyPatch(before, 'strategic', { spec: { template: { spec: { tolerations: [{ key: 'b' }], containers: [{ name: 'vllm', args: ['--y'] }] } } } }) as typeof before;
		expect(after.spec.template.spec.tolerations).toEqual([{ key: 'b' }]);
		expect((after.spec.template.spec.containers[0] as Record<string, unknown>).args).toEqual(['--y']);
	});

	it('refuses an element without its merge key and an unknown $patch with 422', () => {
		const refuse = (patch: unknown) => {
			try {
				strategic(deployment([container('vllm')]), patch);
			} catch (error) {
				return [(error as PatchError).status, (error as Error).message];
			}
			return undefined;
		};
		expect(refuse({ spec: { template: { spec: { containers: [{ image: 'x' }] } } } })).toEqual([422, 'map: {"image":"x"} does not contain declared merge key: name']);
		expect(refuse({ spec: { strategy: { $patch: 'explode' } } })?.[0]).toBe(422);
	});
});
