// HPAs at autoscaling/v1 as well as v2, as a real API server serves them: `kubectl autoscale` posts a
// v1 object (as protobuf), and every verb at either version sees the same object, converted.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanUp } from '../helpers/api-server-session';
import { embedRpsHpa, eventually, manifest, requireKubectl, serveSim, streamKubectl } from '../helpers/sim-serve-kubectl';

const hasKubectl = requireKubectl();

afterEach(cleanUp);

const CONDITIONS = 'autoscaling.alpha.kubernetes.io/conditions';
const METRICS = 'autoscaling.alpha.kubernetes.io/metrics';
// The full name: kubectl's shortcut expander drops the version of a short name (`hpa.v1.autoscaling`
// reads the preferred v2), on a real cluster too.
const V1 = 'horizontalpodautoscalers.v1.autoscaling';

describe.runIf(hasKubectl)('autoscaling/v1 HorizontalPodAutoscalers', () => {
	it('discovery lists autoscaling v2 (preferred) and v1, each with horizontalpodautoscalers', async () => {
		const { kubectl } = await serveSim();
		const group = JSON.parse(await kubectl('get', '--raw', '/apis/autoscaling'));
		expect(group.versions.map((v: { groupVersion: string }) => v.groupVersion)).toEqual(['autoscaling/v2', 'autoscaling/v1']);
		expect(group.preferredVersion.version).toBe('v2');
		const v1 = JSON.parse(await kubectl('get', '--raw', '/apis/autoscaling/v1'));
		expect(v1.resources.map((r: { name: string }) => r.name)).toEqual(['horizontalpodautoscalers', 'horizontalpodautoscalers/status']);
		expect(await kubectl('api-versions')).toMatch(/^autoscaling\/v1\nautoscaling\/v2\n/m);
	});

	it('kubectl autoscale creates an HPA seen as v1 and v2, listed by kubectl get hpa, deleted at v1', async () => {
		const { kubectl } = await serveSim();
		expect(await kubectl('autoscale', 'deployment', 'embed', '-n', 'llm', '--min=1', '--max=4', '--cpu-percent=60')).toBe('horizontalpodautoscaler.autoscaling/embed autoscaled\n');

		const v1 = JSON.parse(await kubectl('get', V1, 'embed', '-n', 'llm', '-o', 'json'));
		expect(v1.apiVersion).toBe('autoscaling/v1');
		expect(v1.spec).toEqual({ scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'embed' }, minReplicas: 1, maxReplicas: 4, targetCPUUtilizationPercentage: 60 });
		expect(v1.metadata.annotations?.[METRICS]).toBeUndefined();
		const v2 = JSON.parse(await kubectl('get', 'hpa.v2.autoscaling', 'embed', '-n', 'llm', '-o', 'json'));
		expect(v2.apiVersion).toBe('autoscaling/v2');
		expect(v2.spec.metrics).toEqual([{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 60 } } }]);
		expect(v2.metadata.uid).toBe(v1.metadata.uid);

		// The simulator does not compute cpu: ScalingActive False, which v1 carries in the conditions annotation.
		await eventually('the ScalingActive condition in the v1 annotation', async () => {
			const annotations = JSON.parse(await kubectl('get', V1, 'embed', '-n', 'llm', '-o', 'json')).metadata.annotations ?? {};
			const conditions = annotations[CONDITIONS] ? JSON.parse(annotations[CONDITIONS]) : [];
			return conditions.some((c: { type: string; status: string }) => c.type === 'ScalingActive' && c.status === 'False');
		});

		const rows = (await kubectl('get', 'hpa', '-n', 'llm', '--no-headers')).trim().split('\n').map((row) => row.split(/\s+/));
		expect(rows.find(([name]) => name === 'embed')?.slice(0, 5)).toEqual(['embed', 'Deployment/embed', 'cpu:', '<unknown>/60%', '1']);
		const v1Rows = (await kubectl('get', V1, '-n', 'llm', '--no-headers')).trim().split('\n').map((row) => row.split(/\s+/));
		expect(v1Rows.find(([name]) => name === 'embed')?.slice(0, 4)).toEqual(['embed', 'Deployment/embed', 'cpu:', '<unknown>/60%']);

		expect(await kubectl('delete', V1, 'embed', '-n', 'llm')).toBe('horizontalpodautoscaler.autoscaling "embed" deleted\n');
		await expect(kubectl('get', 'hpa.v2.autoscaling', 'embed', '-n', 'llm')).rejects.toThrow('horizontalpodautoscalers.autoscaling "embed" not found');
	});

	it('a v2 HPA with a Pods metric is written through v1 (patch, replace) without losing the metric', async () => {
		const { kubectl } = await serveSim();
		const hpa = embedRpsHpa();
		const file = manifest(hpa);
		await kubectl('create', '-f', file);

		const v1 = JSON.parse(await kubectl('get', V1, 'embed', '-n', 'llm', '-o', 'json'));
		expect(v1.spec.targetCPUUtilizationPercentage).toBeUndefined();
		expect(JSON.parse(v1.metadata.annotations[METRICS])).toEqual([{ type: 'Pods', pods: { metricName: 'requests_per_second', targetAverageValue: '1' } }]);

		expect(await kubectl('patch', V1, 'embed', '-n', 'llm', '--type=merge', '-p', '{"spec":{"maxReplicas":5}}')).toBe('horizontalpodautoscaler.autoscaling/embed patched\n');
		const metricsNow = async () => JSON.parse(await kubectl('get', 'hpa.v2.autoscaling', 'embed', '-n', 'llm', '-o', 'jsonpath={.spec}'));
		expect(await metricsNow()).toMatchObject({ maxReplicas: 5, metrics: hpa.spec.metrics });

		// A replace at v1 with the annotation as read keeps the metric; a cpu target added in v1 comes after it.
		const current = JSON.parse(await kubectl('get', V1, 'embed', '-n', 'llm', '-o', 'json'));
		writeFileSync(file, JSON.stringify({ ...current, spec: { ...current.spec, targetCPUUtilizationPercentage: 50 } }));
		expect(await kubectl('replace', '-f', file)).toBe('horizontalpodautoscaler.autoscaling/embed replaced\n');
		expect((await metricsNow()).metrics).toEqual([...hpa.spec.metrics, { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }]);
		const stored = JSON.parse(await kubectl('get', 'hpa.v2.autoscaling', 'embed', '-n', 'llm', '-o', 'json'));
		expect(stored.metadata.annotations?.[METRICS]).toBeUndefined();
	});

	it('kubectl apply --server-side of a v1 manifest creates and changes it; a v1 watch streams v1 objects', async () => {
		const { kubectl, kubeconfig } = await serveSim();
		const watch = streamKubectl(kubeconfig, 'get', V1, '-n', 'llm', '-w', '-o', 'jsonpath={.apiVersion} {.metadata.name} {.spec.maxReplicas}{"\\n"}');
		const hpa = {
			apiVersion: 'autoscaling/v1',
			kind: 'HorizontalPodAutoscaler',
			metadata: { name: 'chat', namespace: 'llm' },
			spec: { scaleTargetRef: { apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', name: 'chat' }, maxReplicas: 3, targetCPUUtilizationPercentage: 70 },
		};
		const file = join(mkdtempSync(join(tmpdir(), 'rolltop-manifest-')), 'hpa.json');
		writeFileSync(file, JSON.stringify(hpa));
		expect(await kubectl('apply', '--server-side', '-f', file)).toBe('horizontalpodautoscaler.autoscaling/chat serverside-applied\n');
		writeFileSync(file, JSON.stringify({ ...hpa, spec: { ...hpa.spec, maxReplicas: 5 } }));
		await kubectl('apply', '--server-side', '-f', file);
		const v2 = JSON.parse(await kubectl('get', 'hpa.v2.autoscaling', 'chat', '-n', 'llm', '-o', 'jsonpath={.spec}'));
		expect(v2).toMatchObject({ minReplicas: 1, maxReplicas: 5, metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }] });
		await eventually('the v1 watch showing the change', async () => watch.output().includes('autoscaling/v1 chat 5\n'));
		expect(watch.output()).not.toContain('autoscaling/v2');
	});
});
