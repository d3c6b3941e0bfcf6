// `kubectl apply --server-side` against sim serve: create, then a change that rolls out, field
// ownership recorded in managedFields, conflicts between appliers, fields a manager stops applying
// removed, dry runs, validation, and a custom resource (Argo Rollout) merged with its lists replaced.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanUp } from '../helpers/api-server-session';
import { eventually, requireKubectl, serveSim } from '../helpers/sim-serve-kubectl';

const hasKubectl = requireKubectl();

afterEach(cleanUp);

const dir = () => mkdtempSync(join(tmpdir(), 'rolltop-ssa-'));

function deployment(options: { image: string; replicas?: number; env?: boolean; team?: boolean }): string {
	return [
		'apiVersion: apps/v1',
		'kind: Deployment',
		'metadata:',
		'  name: web',
		'  namespace: llm',
		...(options.team ? ['  labels: {team: search}'] : []),
		'spec:',
		...(options.replicas === undefined ? [] : [`  replicas: ${options.replicas}`]),
		'  selector: {matchLabels: {app: web}}',
		'  template:',
		'    metadata: {labels: {app: web}}',
		'    spec:',
		'      containers:',
		`      - name: vllm`,
		`        image: ${options.image}`,
		...(options.env ? ['        env: [{name: MODE, value: fast}]'] : []),
		'',
	].join('\n');
}

describe.runIf(hasKubectl)('kubectl apply --server-side', () => {
	it('creates a Deployment, then a new image rolls out; managedFields name the applier and its fields', async () => {
		const { kubectl } = await serveSim();
		const file = join(dir(), 'web.yaml');
		writeFileSync(file, deployment({ image: 'vllm/vllm-openai:v0.8.0', replicas: 2 }));
		expect(await kubectl('apply', '--server-side', '-f', file)).toBe('deployment.apps/web serverside-applied\n');
		expect(await kubectl('-n', 'llm', 'rollout', 'status', 'deployment/web', '--timeout=60s')).toContain('successfully rolled out');

		writeFileSync(file, deployment({ image: 'vllm/vllm-openai:v0.8.1', replicas: 2 }));
		expect(await kubectl('apply', '--server-side', '-f', file)).toBe('deployment.apps/web serverside-applied\n');
		expect(await kubectl('-n', 'llm', 'rollout', 'status', 'deployment/web', '--timeout=60s')).toContain('successfully rolled out');
		// The old pods terminate gracefully after the rollout is done.
		await eventually('only pods of the new image', async () => {
			const images = await kubectl('-n', 'llm', 'get', 'pods', '-l', 'app=web', '-o', 'jsonpath={.items[*].spec.containers[0].image}');
			return images.split(' ').every((image) => image === 'vllm/vllm-openai:v0.8.1');
		});
		expect(await kubectl('-n', 'llm', 'rollout', 'history', 'deployment/web')).toMatch(/\n1\s+<none>\n2\s+<none>\n/);

		const web = JSON.parse(await kubectl('-n', 'llm', 'get', 'deployment', 'web', '-o', 'json', '--show-managed-fields'));
		const applied = web.metadata.managedFields.find((e: { manager: string }) => e.manager === 'kubectl');
		expect(applied).toMatchObject({ operation: 'Apply', apiVersion: 'apps/v1', fieldsType: 'FieldsV1' });
		expect(applied.fieldsV1).toEqual({
			'f:spec': {
				'f:replicas': {},
				'f:selector': {},
				'f:template': {
					'f:metadata': { 'f:labels': { 'f:app': {} } },
					'f:spec': { 'f:containers': { 'k:{"name":"vllm"}': { '.': {}, 'f:image': {}, 'f:name': {} } } },
				},
			},
		});
		// The server's defaults are there, the applier's fields are the applied ones.
		expect(web.spec).toMatchObject({ replicas: 2, revisionHistoryLimit: 10, strategy: { type: 'RollingUpdate' } });

		// `kubectl replace` with a body that has no managedFields (kubectl strips them on get) leaves them as they are.
		const saved = join(dir(), 'web.json');
		writeFileSync(saved, await kubectl('-n', 'llm', 'get', 'deployment', 'web', '-o', 'json'));
		expect(await kubectl('-n', 'llm', 'replace', '-f', saved)).toBe('deployment.apps/web replaced\n');
		const replaced = JSON.parse(await kubectl('-n', 'llm', 'get', 'deployment', 'web', '-o', 'json', '--show-managed-fields'));
		expect(replaced.metadata.managedFields).toEqual(web.metadata.managedFields);
	});

	it('conflicts with another applier unless forced; fields an applier stops applying are removed; dry runs store nothing', async () => {
		const { kubectl } = await serveSim();
		const file = join(dir(), 'web.yaml');
		writeFileSync(file, deployment({ image: 'vllm/vllm-openai:v0.8.0', replicas: 1, env: true, team: true }));
		await kubectl('apply', '--server-side', '-f', file);

		// Another manager sets replicas to a different value: a conflict naming the owner and the field.
		const other = join(dir(), 'scale.yaml');
		writeFileSync(other, 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: llm}\nspec: {replicas: 3}\n');
		await expect(kubectl('apply', '--server-side', '--field-manager=autoscaler', '-f', other)).rejects.toThrow(
			'Apply failed with 1 conflict: conflict with "kubectl": .spec.replicas',
		);
		expect(await kubectl('-n', 'llm', 'get', 'deployment', 'web', '-o', 'jsonpath={.spec.replicas}')).toBe('1');
		// The same value is no conflict (both own it); forcing a new one moves it to the new manager.
		writeFileSync(other, 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: llm}\nspec: {replicas: 1}\n');
		await kubectl('apply', '--server-side', '--field-manager=autoscaler', '-f', other);
		writeFileSync(other, 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: llm}\nspec: {replicas: 3}\n');
		await kubectl('apply', '--server-side', '--field-manager=autoscaler', '--force-conflicts', '-f', other);
		expect(await kubectl('-n', 'llm', 'get', 'deployment', 'web', '-o', 'jsonpath={.spec.replicas}')).toBe('3');
		const owners = JSON.parse(await kubectl('-n', 'llm', 'get', 'deployment', 'web', '-o', 'jsonpath={.metadata.managedFields}', '--show-managed-fields'));
		expect(owners.find((e: { manager: string }) => e.manager === 'kubectl').fieldsV1['f:spec']['f:replicas']).toBeUndefined();

		// The first applier drops replicas (no longer its own), the env var and the label: the last two go.
		writeFileSync(file, deployment({ image: 'vllm/vllm-openai:v0.8.0' }));
		await kubectl('apply', '--server-side', '-f', file);
		const web = JSON.parse(await kubectl('-n', 'llm', 'get', 'deployment', 'web', '-o', 'json'));
		expect(web.spec.replicas).toBe(3);
		expect(web.metadata.labels?.team).toBeUndefined();
		expect(web.spec.template.spec.containers[0].env).toBeUndefined();

		// --dry-run=server answers with the result and stores nothing.
		writeFileSync(file, deployment({ image: 'vllm/vllm-openai:v0.9.0' }));
		const dry = JSON.parse(await kubectl('apply', '--server-side', '--dry-run=server', '-f', file, '-o', 'json'));
		expect(dry.spec.template.spec.containers[0].image).toBe('vllm/vllm-openai:v0.9.0');
		expect(await kubectl('-n', 'llm', 'get', 'deployment', 'web', '-o', 'jsonpath={.spec.template.spec.containers[0].image}')).toBe('vllm/vllm-openai:v0.8.0');

		// The server validates what it would store.
		writeFileSync(file, deployment({ image: 'vllm/vllm-openai:v0.8.0', replicas: -1 }));
		await expect(kubectl('apply', '--server-side', '--force-conflicts', '-f', file)).rejects.toThrow('The Deployment "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0');
	});

	it('applies an Argo Rollout: created, then its canary steps replaced as a whole and a new image rolled out', async () => {
		const { kubectl } = await serveSim();
		const file = join(dir(), 'ro.yaml');
		const manifest = (image: string, steps: string) =>
			`apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata: {name: ranker, namespace: llm}\nspec:\n  replicas: 2\n  selector: {matchLabels: {app: ranker}}\n  strategy:\n    canary:\n      steps: ${steps}\n  template:\n    metadata: {labels: {app: ranker}}\n    spec: {containers: [{name: vllm, image: '${image}'}]}\n`;
		writeFileSync(file, manifest('vllm/vllm-openai:v0.8.0', '[{setWeight: 50}, {pause: {duration: 1}}]'));
		expect(await kubectl('apply', '--server-side', '-f', file)).toBe('rollout.argoproj.io/ranker serverside-applied\n');
		await eventually('the rollout healthy', async () => (await kubectl('-n', 'llm', 'get', 'rollout', 'ranker', '-o', 'jsonpath={.status.phase}')) === 'Healthy', 40_000);

		writeFileSync(file, manifest('vllm/vllm-openai:v0.8.1', '[{setWeight: 100}]'));
		expect(await kubectl('apply', '--server-side', '-f', file)).toBe('rollout.argoproj.io/ranker serverside-applied\n');
		expect(JSON.parse(await kubectl('-n', 'llm', 'get', 'rollout', 'ranker', '-o', 'jsonpath={.spec.strategy.canary.steps}'))).toEqual([{ setWeight: 100 }]);
		await eventually(
			'every ranker pod on the new image',
			async () => {
				const images = (await kubectl('-n', 'llm', 'get', 'pods', '-l', 'app=ranker', '--field-selector=status.phase=Running', '-o', 'jsonpath={.items[*].spec.containers[0].image}')).split(' ');
				const phase = await kubectl('-n', 'llm', 'get', 'rollout', 'ranker', '-o', 'jsonpath={.status.phase}');
				return phase === 'Healthy' && images.length === 2 && images.every((i) => i === 'vllm/vllm-openai:v0.8.1');
			},
			40_000,
		);
	});
});
