// `kubectl top` against `rolltop sim serve` (the metrics.k8s.io API), on a paused simulator so the
// pods and their usage hold still between kubectl calls.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanUp } from '../helpers/api-server-session';
import { requireKubectl, serveSim } from '../helpers/sim-serve-kubectl';

const hasKubectl = requireKubectl();

afterEach(cleanUp);

const rows = (text: string) => text.trim().split('\n').map((line) => line.trim().split(/\s+/));

describe.runIf(hasKubectl)('kubectl top against sim serve', () => {
	it('top pods lists every running pod with CPU and memory; top nodes adds them up per node', async () => {
		const { kubectl } = await serveSim({ speed: 0 });
		const pods = rows(await kubectl('top', 'pods', '-A'));
		expect(pods[0]).toEqual(['NAMESPACE', 'NAME', 'CPU(cores)', 'MEMORY(bytes)']);
		const running = rows(await kubectl('get', 'pods', '-A', '--field-selector=status.phase=Running', '--no-headers')).map((r) => `${r[0]}/${r[1]}`);
		expect(pods.slice(1).map((r) => `${r[0]}/${r[1]}`).sort()).toEqual(running.sort());
		for (const [, , cpu, memory] of pods.slice(1)) {
			expect(cpu).toMatch(/^\d+m$/);
			expect(memory).toMatch(/^\d+Mi$/);
			expect(parseInt(cpu, 10)).toBeGreaterThan(0);
		}

		const nodes = rows(await kubectl('top', 'nodes'));
		expect(nodes[0]).toEqual(['NAME', 'CPU(cores)', 'CPU(%)', 'MEMORY(bytes)', 'MEMORY(%)']);
		const onNode = new Map<string, number>();
		for (const [ns, name] of pods.slice(1)) {
			const node = await kubectl('-n', ns, 'get', 'pod', name, '-o', 'jsonpath={.spec.nodeName}');
			const cpu = parseInt(pods.find((r) => r[1] === name)![2], 10);
			onNode.set(node, (onNode.get(node) ?? 0) + cpu);
		}
		for (const [name, cpu, percent] of nodes.slice(1)) {
			// The node's own daemons come on top of its pods (kubectl rounds each figure to millicores).
			expect(Math.abs(parseInt(cpu, 10) - (onNode.get(name) ?? 0) - 450)).toBeLessThanOrEqual(pods.length);
			expect(percent).toMatch(/^\d+%$/);
		}
		const [, , , memory] = pods[1];
		expect(await kubectl('top', 'pod', '-n', pods[1][0], pods[1][1], '--no-headers')).toContain(memory);
	});
});
