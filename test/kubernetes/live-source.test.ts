import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { chooseClusterSource, liveSourceFor } from '../../source/cli/live-source';
import { KubeConfigError } from '../../source/sources/kubernetes';
import { NS } from '../helpers/api-server-fixtures';
import { serveScenarioFile } from '../helpers/api-server-scenario';
import { cleanUp, tempKubeconfig } from '../helpers/api-server-session';

afterEach(cleanUp);

const emptyHome = () => ({ HOME: mkdtempSync(join(tmpdir(), 'rolltop-home-')) });

describe('choosing the cluster source', () => {
	it('is the simulator without a kubeconfig, or with --sim', async () => {
		const scenario = serveScenarioFile();
		expect((await chooseClusterSource({ scenario }, emptyHome())).kind).toBe('simulated');
		const kubeconfig = tempKubeconfig('http://127.0.0.1:1');
		const chosen = await chooseClusterSource({ sim: true, scenario }, { KUBECONFIG: kubeconfig });
		expect([chosen.kind, chosen.source.kind]).toEqual(['simulated', 'simulated']);
	});

	it('is live when a kubeconfig with a current context exists, in its namespace', async () => {
		const chosen = await chooseClusterSource({}, { KUBECONFIG: tempKubeconfig('http://127.0.0.1:1') });
		expect(chosen.kind).toBe('live');
		expect(chosen.source).toMatchObject({ kind: 'live', label: 'rolltop-sim', namespace: NS });
		const all = await chooseClusterSource({ allNamespaces: true }, { KUBECONFIG: tempKubeconfig('http://127.0.0.1:1') });
		expect(all.source).toMatchObject({ namespace: undefined });
	});

	it('explicit live flags with a bad context fail with one line instead of falling back', async () => {
		const kubeconfig = tempKubeconfig('http://127.0.0.1:1');
		await expect(chooseClusterSource({ kubeconfig, context: 'prod' }, emptyHome())).rejects.toThrow(KubeConfigError);
		await expect(chooseClusterSource({ kubeconfig, context: 'prod' }, emptyHome())).rejects.toThrow('context "prod" not found in kubeconfig');
	});

	it(':ns builds a source for another namespace of the same context', () => {
		const kubeconfig = tempKubeconfig('http://127.0.0.1:1');
		const source = liveSourceFor({ kubeconfig, allNamespaces: true }, { namespace: 'batch' }, {});
		expect(source).toMatchObject({ context: 'rolltop-sim', namespace: 'batch' });
	});
});
