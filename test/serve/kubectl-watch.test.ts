// `kubectl get -w` against `rolltop sim serve`: watch events carry one-row Tables, so kubectl
// streams table rows with the usual columns (never JSON), with or without --output-watch-events.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanUp } from '../helpers/api-server-session';
import { eventually, requireKubectl, serveSim, streamKubectl } from '../helpers/sim-serve-kubectl';

const hasKubectl = requireKubectl();

afterEach(cleanUp);

const lines = (text: string) => text.split('\n').filter(Boolean);

describe.runIf(hasKubectl)('kubectl get -w against sim serve', () => {
	it('kubectl get pods -w streams pod rows, a deleted pod shows Terminating', async () => {
		const { kubectl, kubeconfig } = await serveSim({ speed: 2 });
		const watch = streamKubectl(kubeconfig, '-n', 'llm', 'get', 'pods', '-l', 'app=embed', '-w');
		await eventually('the listed pod', async () => lines(watch.output()).length >= 2);
		const [header, first] = lines(watch.output());
		expect(header).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$/);
		const victim = first.split(/\s+/)[0];
		await kubectl('-n', 'llm', 'delete', 'pod', victim, '--wait=false');
		await eventually('a Terminating row and the replacement', async () => {
			const rows = lines(watch.output());
			return rows.some((row) => row.startsWith(`${victim} `) && /\sTerminating\s/.test(row)) && rows.some((row) => !row.startsWith(victim) && !row.startsWith('NAME'));
		});
		const rows = lines(watch.output());
		expect(rows.filter((row) => row.startsWith('NAME'))).toHaveLength(1);
		for (const row of rows.slice(1)) expect(row).toMatch(/^embed-\S+\s+\d\/1\s+\S+\s+\d+\s+\S+$/);
	});

	it('kubectl get rollouts -w --output-watch-events streams EVENT rows with the CRD columns', async () => {
		const { kubeconfig } = await serveSim();
		const watch = streamKubectl(kubeconfig, '-n', 'llm', 'get', 'rollouts', '-w', '--output-watch-events');
		// The scenario's v2 arrives 5 simulated seconds in: the canary's progress is MODIFIED events.
		await eventually('MODIFIED rows', async () => lines(watch.output()).filter((row) => row.startsWith('MODIFIED')).length >= 2);
		const [header, ...rows] = lines(watch.output());
		expect(header).toMatch(/^EVENT\s+NAME\s+DESIRED\s+CURRENT\s+UP-TO-DATE\s+AVAILABLE\s+AGE$/);
		expect(rows[0]).toMatch(/^ADDED\s+chat\s+2\s+\d+\s+\d+\s+\d+\s+\S+$/);
		for (const row of rows) expect(row).toMatch(/^(ADDED|MODIFIED)\s+chat\s+2\s+\d+\s+\d+\s+\d+\s+\S+$/);
	});
});
