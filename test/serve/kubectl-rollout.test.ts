// Strategic merge patches exactly as the real kubectl builds them (set image, set env), followed
// by the Deployment controller: rollout status, history and undo against `rolltop sim serve`.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanUp } from '../helpers/api-server-session';
import { eventually, requireKubectl, serveSim } from '../helpers/sim-serve-kubectl';

const hasKubectl = requireKubectl();

afterEach(cleanUp);

const CONTAINER = 'text-generation-inference';
const V1 = 'ghcr.io/huggingface/text-embeddings-inference:1.5';
const V2 = 'ghcr.io/huggingface/text-embeddings-inference:1.6';

describe.runIf(hasKubectl)('kubectl rollouts against sim serve', () => {
	it('set image starts a rolling update that rollout status follows; history and undo work', async () => {
		const { kubectl } = await serveSim();
		const ns = (...args: string[]) => kubectl('-n', 'llm', ...args);
		const spec = async () => JSON.parse(await ns('get', 'deployment', 'embed', '-o', 'jsonpath={.spec.template.spec}'));

		expect(await ns('set', 'image', 'deployment/embed', `${CONTAINER}=${V2}`)).toBe('deployment.apps/embed image updated\n');
		const patched = await spec();
		// Merged by name into the existing container (args, env, ports kept); no directive stored.
		expect(patched.containers).toHaveLength(1);
		expect(patched.containers[0]).toMatchObject({ name: CONTAINER, image: V2, env: [{ name: 'HF_HOME', value: '/models/cache' }], ports: [{ name: 'http', containerPort: 8000 }] });
		expect(Object.keys(patched).filter((key) => key.startsWith('$'))).toEqual([]);

		expect(await ns('rollout', 'status', 'deployment/embed', '--timeout=60s')).toContain('deployment "embed" successfully rolled out');
		// The old pod terminates gracefully after the rollout completes.
		await eventually('only new pods', async () => (await ns('get', 'pods', '-l', 'app=embed', '-o', 'jsonpath={.items[*].spec.containers[0].image}')) === V2);
		expect(await ns('rollout', 'history', 'deployment/embed')).toMatch(/^REVISION\s+CHANGE-CAUSE\n1\s+<none>\n2\s+<none>\n/m);

		expect(await ns('rollout', 'undo', 'deployment/embed')).toBe('deployment.apps/embed rolled back\n');
		expect(await ns('rollout', 'status', 'deployment/embed', '--timeout=60s')).toContain('successfully rolled out');
		expect((await spec()).containers[0].image).toBe(V1);
		expect(await ns('rollout', 'history', 'deployment/embed')).toMatch(/^REVISION\s+CHANGE-CAUSE\n2\s+<none>\n3\s+<none>\n/m);
	});

	it('set env adds to and removes from the env list by name ($setElementOrder, $patch: delete)', async () => {
		const { kubectl } = await serveSim();
		const env = async () => JSON.parse(await kubectl('-n', 'llm', 'get', 'deployment', 'embed', '-o', 'jsonpath={.spec.template.spec.containers[0].env}'));
		await kubectl('-n', 'llm', 'set', 'env', 'deployment/embed', 'MAX_BATCH=32');
		expect(await env()).toEqual([{ name: 'HF_HOME', value: '/models/cache' }, { name: 'MAX_BATCH', value: '32' }]);
		await kubectl('-n', 'llm', 'set', 'env', 'deployment/embed', 'HF_HOME-');
		expect(await env()).toEqual([{ name: 'MAX_BATCH', value: '32' }]);
	});
});
