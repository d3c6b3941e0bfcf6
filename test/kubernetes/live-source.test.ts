// Choosing the console's sources from flags and the environment, as kubectl would find a cluster.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { chooseSources } from '../../source/cli/sources';
import { DEFAULT_CONFIG } from '../../source/config';
import { KubeConfigError } from '../../source/sources/kubernetes';
import { NS } from '../helpers/api-server-fixtures';
import { serveScenarioFile } from '../helpers/api-server-scenario';
import { cleanUp, tempKubeconfig } from '../helpers/api-server-session';

afterEach(cleanUp);

const emptyHome = () => ({ HOME: mkdtempSync(join(tmpdir(), 'rolltop-home-')) });
const noWorkloads = () => undefined;

describe('choosing the sources', () => {
	it('is the simulator without a kubeconfig, or with --sim', async () => {
		const scenario = serveScenarioFile();
		expect((await chooseSources({ scenario }, DEFAULT_CONFIG, noWorkloads, emptyHome())).initial.cluster.kind).toBe('simulated');
		const kubeconfig = tempKubeconfig('http://127.0.0.1:1');
		const chosen = await chooseSources({ sim: true, scenario }, DEFAULT_CONFIG, noWorkloads, { KUBECONFIG: kubeconfig });
		expect(chosen.initial.cluster.kind).toBe('simulated');
		expect(chosen.initial.simulator).toBeDefined();
		expect(chosen.scenario).toBeDefined();
	});

	it('is live when a kubeconfig with a current context exists, in its namespace, with a metrics hint', async () => {
		const env = { KUBECONFIG: tempKubeconfig('http://127.0.0.1:1') };
		const chosen = await chooseSources({}, DEFAULT_CONFIG, noWorkloads, env);
		expect(chosen.initial.cluster).toMatchObject({ kind: 'live', label: 'rolltop-sim', namespace: NS });
		let hint: string | null = null;
		chosen.initial.metrics.onHealth?.((problem: string | null) => (hint = problem));
		expect(hint).toMatch(/no Prometheus configured/);
		const all = await chooseSources({ allNamespaces: true }, DEFAULT_CONFIG, noWorkloads, env);
		expect(all.initial.cluster).toMatchObject({ namespace: undefined });
	});

	it('explicit live flags with a bad context fail with one line instead of falling back', async () => {
		const kubeconfig = tempKubeconfig('http://127.0.0.1:1');
		await expect(chooseSources({ kubeconfig, context: 'prod' }, DEFAULT_CONFIG, noWorkloads, emptyHome())).rejects.toThrow(KubeConfigError);
		await expect(chooseSources({ kubeconfig, context: 'prod' }, DEFAULT_CONFIG, noWorkloads, emptyHome())).rejects.toThrow('context "prod" not found in kubeconfig');
	});

	it(':ns and :ctx build sources for another namespace or context', async () => {
		const kubeconfig = tempKubeconfig('http://127.0.0.1:1');
		const chosen = await chooseSources({ kubeconfig, allNamespaces: true }, DEFAULT_CONFIG, noWorkloads, {});
		expect(chosen.namespace?.('batch').cluster).toMatchObject({ context: 'rolltop-sim', namespace: 'batch' });
		expect(chosen.namespace?.('all').cluster).toMatchObject({ namespace: undefined });
		expect(() => chosen.context?.('nope')).toThrow('context "nope" not found');
		expect(chosen.contexts?.()).toEqual(['rolltop-sim (current)']);
		expect(chosen.initial.cluster.scope).toBe('all namespaces');
	});

	it('queries Prometheus when a URL is given', async () => {
		const kubeconfig = tempKubeconfig('http://127.0.0.1:1');
		const chosen = await chooseSources({ kubeconfig, prometheus: 'http://127.0.0.1:1' }, DEFAULT_CONFIG, noWorkloads, {});
		expect(chosen.initial.metrics.label).toMatch(/^prometheus /);
	});
});
