// Patches of workloads validated as a real 1.32 API server validates them: Deployments and
// ReplicaSets as apps/v1 does (containers, template labels, an immutable selector), Rollouts only
// as their CRD's schema does (required fields, the selector's immutability rule).
import { afterEach, describe, expect, it } from 'vitest';
import { cleanUp } from '../helpers/api-server-session';
import { eventually, refusal, requireKubectl, serveSim } from '../helpers/sim-serve-kubectl';

const hasKubectl = requireKubectl();

afterEach(cleanUp);

const jsonPatch = (...ops: object[]) => ['--type', 'json', '-p', JSON.stringify(ops)];

describe.runIf(hasKubectl)('patches that would break a workload', () => {
	it('are refused for Deployments and ReplicaSets with the apps/v1 errors, and a valid patch still rolls out', async () => {
		const { kubectl } = await serveSim();
		const patch = (kind: string, name: string, ...ops: object[]) => refusal(kubectl('-n', 'llm', 'patch', kind, name, ...jsonPatch(...ops)));

		expect(await patch('deployment', 'embed', { op: 'remove', path: '/spec/template/spec/containers' })).toContain(
			'The Deployment "embed" is invalid: spec.template.spec.containers: Required value\n',
		);
		expect(await patch('deployment', 'embed', { op: 'remove', path: '/spec/template/spec/containers/0/image' })).toContain(
			'The Deployment "embed" is invalid: spec.template.spec.containers[0].image: Required value\n',
		);
		const noTemplate = await patch('deployment', 'embed', { op: 'remove', path: '/spec/template' });
		expect(noTemplate).toContain('The Deployment "embed" is invalid: \n');
		expect(noTemplate).toContain('* spec.template.metadata.labels: Invalid value: map[string]string(nil): `selector` does not match template `labels`\n');
		expect(noTemplate).toContain('* spec.template.spec.containers: Required value\n');
		const noSelector = await patch('deployment', 'embed', { op: 'remove', path: '/spec/selector' });
		expect(noSelector).toContain('* spec.selector: Required value\n');
		expect(noSelector).toContain(
			'* spec.template.metadata.labels: Invalid value: map[string]string{"app":"embed", "app.kubernetes.io/component":"inference-server", "app.kubernetes.io/name":"embed"}: `selector` does not match template `labels`\n',
		);
		expect(noSelector).toContain('* spec.selector: Invalid value: "null": field is immutable\n');
		expect(
			await patch(
				'deployment',
				'embed',
				{ op: 'add', path: '/spec/template/metadata/labels/tier', value: 'x' },
				{ op: 'add', path: '/spec/selector/matchLabels/tier', value: 'x' },
			),
		).toContain(
			'The Deployment "embed" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"embed", "tier":"x"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable\n',
		);

		const rs = (await kubectl('-n', 'llm', 'get', 'rs', '-l', 'app=embed', '-o', 'jsonpath={.items[0].metadata.name}')).trim();
		expect(await patch('rs', rs, { op: 'replace', path: '/spec/template/spec/containers/0/name', value: '' })).toContain(
			`The ReplicaSet "${rs}" is invalid: spec.template.spec.containers[0].name: Required value\n`,
		);
		expect(await kubectl('-n', 'llm', 'get', 'deployment', 'embed', '-o', 'jsonpath={.spec.template.spec.containers[0].name}')).not.toBe('');

		// A valid change of the template is stored and rolls out.
		expect(await kubectl('-n', 'llm', 'patch', 'deployment', 'embed', '-p', '{"spec":{"template":{"metadata":{"labels":{"tier":"x"}}}}}')).toBe('deployment.apps/embed patched\n');
		await eventually('an embed pod with the new label ready', async () => {
			const ready = await kubectl('-n', 'llm', 'get', 'pods', '-l', 'app=embed,tier=x', '-o', 'jsonpath={.items[*].status.containerStatuses[0].ready}');
			return ready.split(' ').includes('true');
		});
	});

	it('are refused for Rollouts only where the Rollout CRD schema refuses them', async () => {
		const { kubectl } = await serveSim();
		const patch = (...ops: object[]) => kubectl('-n', 'llm', 'patch', 'rollout', 'chat', ...jsonPatch(...ops));

		expect(await refusal(patch({ op: 'remove', path: '/spec/template/spec/containers' }))).toContain(
			'The Rollout "chat" is invalid: spec.template.spec.containers: Required value\n',
		);
		expect(await refusal(patch({ op: 'remove', path: '/spec/template/spec/containers/0/name' }))).toContain(
			'The Rollout "chat" is invalid: spec.template.spec.containers[0].name: Required value\n',
		);
		expect(await refusal(patch({ op: 'add', path: '/spec/selector/matchLabels/tier', value: 'x' }))).toContain(
			'The Rollout "chat" is invalid: spec.selector: Invalid value: "object": .spec.selector is immutable\n',
		);
		// What the schema allows is stored, even what apps/v1 would refuse (a container without an image).
		expect(await patch({ op: 'add', path: '/metadata/labels/team', value: 'x' })).toBe('rollout.argoproj.io/chat patched\n');
		expect(await patch({ op: 'remove', path: '/spec/template/spec/containers/0/image' })).toBe('rollout.argoproj.io/chat patched\n');
		expect(await kubectl('-n', 'llm', 'get', 'rollout', 'chat', '-o', 'jsonpath={.spec.template.spec.containers[0].image}')).toBe('');
	});
});
