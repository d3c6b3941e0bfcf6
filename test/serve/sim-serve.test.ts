import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { startSimServe } from '../../source/cli/sim-serve';
import { executePlan } from '../../source/domain/execute-plan';
import type { ReplicaSet, Rollout } from '../../source/domain/k8s';
import { planAction } from '../../source/domain/plan-action';
import { Mirror, waitFor } from '../helpers/api-server-mirror';
import { serveScenarioFile } from '../helpers/api-server-scenario';
import { cleanUp, liveSource } from '../helpers/api-server-session';
import { requireKubectl, serveSim } from '../helpers/sim-serve-kubectl';

const hasKubectl = requireKubectl();

afterEach(cleanUp);

describe('rolltop sim serve', () => {
	it('a promote sent over HTTP advances the simulated rollout, seen through the live source', async () => {
		const { kubeconfig } = await serveSim();
		const source = liveSource(kubeconfig, { allNamespaces: true });
		const mirror = new Mirror();
		source.start(mirror.emit);
		const chat = () => mirror.objects.get('Rollout/llm/chat') as Rollout | undefined;
		await waitFor('the canary to pause at step 2', () => (chat()?.status?.pauseConditions?.length ?? 0) > 0, 20_000);
		expect(chat()?.status?.currentStepIndex).toBe(1);

		const replicaSets = [...mirror.objects.values()].filter((o): o is ReplicaSet => o.kind === 'ReplicaSet');
		const planned = planAction({ kind: 'promote', target: { kind: 'Rollout', namespace: 'llm', name: 'chat' } }, { object: chat()!, replicaSets, now: Date.now() });
		if (!planned.ok) throw new Error(planned.reason);
		expect(await executePlan(planned.plan, source.patch)).toMatchObject({ ok: true });
		await waitFor('the rollout to finish its steps', () => chat()?.status?.currentStepIndex === 2 && !chat()?.status?.pauseConditions, 20_000);
	});

	it('serves /metrics next to the API and writes a kubeconfig pointing at itself', async () => {
		const { sim, kubeconfig } = await serveSim();
		expect(readFileSync(kubeconfig, 'utf8')).toContain(`server: ${sim.server.url}`);
		const page = await (await fetch(`${sim.server.url}/metrics`)).text();
		expect(page).toMatch(/^DCGM_FI_DEV_GPU_UTIL\{.*pod="embed-[^"]+".*\} \d/m);
	});

	it('refuses a bad listen address and a port in use with one line', async () => {
		const { sim } = await serveSim();
		await expect(startSimServe({ listen: 'localhost', scenario: serveScenarioFile() })).rejects.toThrow(/^--listen must be HOST:PORT \(e\.g\. 127\.0\.0\.1:8443\), not 'localhost'$/);
		await expect(startSimServe({ listen: `127.0.0.1:${sim.server.port}`, scenario: serveScenarioFile() })).rejects.toThrow(
			`cannot listen on 127.0.0.1:${sim.server.port}: the address is already in use`,
		);
	});

	it.runIf(hasKubectl)('keeps the wall clock: what is created now is stamped now, as on a real cluster', async () => {
		const { kubectl } = await serveSim({ speed: 1 });
		const before = Math.floor(Date.now() / 1000) * 1000;
		await kubectl('create', 'namespace', 'stamped');
		const stamped = Date.parse(await kubectl('get', 'namespace', 'stamped', '-o', 'jsonpath={.metadata.creationTimestamp}'));
		expect(stamped).toBeGreaterThanOrEqual(before - 2_000);
		expect(stamped).toBeLessThanOrEqual(Date.now() + 2_000);
	});

	it.runIf(hasKubectl)('is faithful enough for a real kubectl: get -A, scale, rollout pause', async () => {
		const { kubectl } = await serveSim();

		const listing = await kubectl('get', 'deployments,rollouts', '-A');
		expect(listing).toMatch(/^llm\s+deployment\.apps\/embed\s/m);
		expect(listing).toMatch(/^llm\s+rollout\.argoproj\.io\/chat\s/m);
		// Server-side printing (Table): the columns kubectl and the Argo CRD print on a real cluster.
		expect(listing).toMatch(/^NAMESPACE\s+NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE$/m);
		expect(listing).toMatch(/^NAMESPACE\s+NAME\s+DESIRED\s+CURRENT\s+UP-TO-DATE\s+AVAILABLE\s+AGE$/m);
		expect(await kubectl('-n', 'llm', 'get', 'pods')).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$/m);

		expect(await kubectl('-n', 'llm', 'scale', 'deployment', 'embed', '--replicas=2')).toContain('deployment.apps/embed scaled');
		expect(await kubectl('-n', 'llm', 'get', 'deployment', 'embed', '-o', 'jsonpath={.spec.replicas}')).toBe('2');

		expect(await kubectl('-n', 'llm', 'rollout', 'pause', 'deployment', 'embed')).toContain('deployment.apps/embed paused');
		expect(await kubectl('-n', 'llm', 'get', 'deployment', 'embed', '-o', 'jsonpath={.spec.paused}')).toBe('true');
	});

	it.runIf(hasKubectl)('serves HPAs: kubectl get hpa -A prints the TARGETS column as on a real cluster', async () => {
		const { kubectl } = await serveSim({ scenario: 'traffic-spike', speed: 20, seed: 3 });
		const getHpa = () => kubectl('get', 'hpa', '-A');
		let listing = await getHpa();
		expect(listing).toMatch(/^NAMESPACE\s+NAME\s+REFERENCE\s+TARGETS\s+MINPODS\s+MAXPODS\s+REPLICAS\s+AGE$/m);
		// The first sync (15 simulated seconds, under a second at ×20) fills in the current value.
		const deadline = Date.now() + 15_000;
		while (!/\d+m?\/8\s/.test(listing) && Date.now() < deadline) listing = await getHpa();
		expect(listing).toMatch(/^llm-serving\s+llama-3-1-8b-chat\s+Rollout\/llama-3-1-8b-chat\s+\d+m?\/7\s+9\s+24\s+\d+\s+\S+$/m);
		// As on a real server, HPAs are in the `all` category.
		expect(await kubectl('get', 'all', '-n', 'llm-serving')).toMatch(/^horizontalpodautoscaler\.autoscaling\/llama-3-1-8b-chat\s/m);
	});
});

describe.runIf(hasKubectl)('rolltop sim serve: analysis for a real kubectl', () => {
	it('get analysisruns -A prints the CRD columns; get -o yaml shows what the console shows; templates are served', async () => {
		const { kubectl } = await serveSim({ scenario: 'analysis-fail', speed: 100, seed: 7 });

		// Poll kubectl itself (each call is a full request round trip) until the simulated abort happened.
		let listing = '';
		for (const deadline = Date.now() + 30_000; !/\sFailed\s/.test(listing); ) {
			if (Date.now() > deadline) throw new Error(`no Failed AnalysisRun within 30 s:\n${listing}`);
			listing = await kubectl('get', 'analysisruns', '-A');
		}
		expect(listing).toMatch(/^NAMESPACE\s+NAME\s+STATUS\s+AGE$/m);
		const failed = /^llm-serving\s+(\S+)\s+Failed\s+\S+$/m.exec(listing)?.[1] as string;
		expect(failed).toMatch(/^llama-3-1-8b-chat-[a-z0-9]+-3-2$/);
		expect(listing).toMatch(/^llm-serving\s+llama-3-1-8b-chat-[a-z0-9]+-3\s+(Running|Successful)\s/m);

		const yaml = await kubectl('-n', 'llm-serving', 'get', 'analysisrun', failed, '-o', 'yaml');
		expect(yaml).toContain('rollout-type: Step');
		expect(yaml).toContain("step-index: \"2\"");
		expect(yaml).toContain('message: Metric "p99-latency" assessed Failed due to failed (2) > failureLimit (1)');
		const query = await kubectl('-n', 'llm-serving', 'get', 'ar', failed, '-o', 'jsonpath={.status.metricResults[0].measurements[0].metadata.ResolvedPrometheusQuery}');
		expect(query).toMatch(/^histogram_quantile\(0\.99, sum by \(le\) \(rate\(vllm:e2e_request_latency_seconds_bucket\{namespace="llm-serving", rollouts_pod_template_hash="[a-z0-9]+"\}\[1m\]\)\)\)$/);
		expect(await kubectl('-n', 'llm-serving', 'get', 'ar', failed, '-o', 'jsonpath={.status.phase}')).toBe('Failed');
		expect(await kubectl('-n', 'llm-serving', 'get', 'rollout', 'llama-3-1-8b-chat', '-o', 'jsonpath={.status.phase}')).toBe('Degraded');

		expect(await kubectl('get', 'analysistemplates', '-n', 'llm-serving')).toMatch(/^NAME\s+AGE\nvllm-canary-slo\s+\S+\nvllm-error-rate\s+\S+$/m);
	});
});
