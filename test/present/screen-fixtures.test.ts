// Present-layer builders on real-shaped fixtures: what a row, the rollout pane and a stale metric say.
import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS } from '../../source/domain/thresholds';
import { buildReplicaTable } from '../../source/present/replica-rows';
import { buildRolloutDetail } from '../../source/present/rollout-detail';
import { buildWorkloadTable } from '../../source/present/workload-rows';
import { loadFixture, NOW } from '../domain/fixtures';
import { fixtureStore } from '../helpers/fixture-store';

const storeWith = (fixture: string) => fixtureStore([fixture]);

const text = (lines: Array<Array<{ text: string }>>) => lines.map((l) => l.map((s) => s.text).join('')).join('\n');

describe('present builders on fixtures', () => {
	it('a canary in a timed pause: row, steps and the time left', () => {
		const store = storeWith('canary-timed-pause');
		const table = buildWorkloadTable(store.getSnapshot(), 120, 10);
		const row = table.rows[0].cells.map((c) => c.text);
		expect(row[0]).toBe('॥ Paused');
		expect(row[3]).toBe('canary');
		expect(row[4]).toMatch(/^\d+\/\d+$/);
		expect(row[5]).toMatch(/^\d+\/\d+$/);
		const detail = text(buildRolloutDetail(store.getSnapshot(), 60, 30).lines);
		expect(detail).toMatch(/waiting: paused: \S+ left/);
		expect(detail).toMatch(/▶ \d+\. pause \S+/);
		expect(detail).toMatch(/rev \d+ +canary/);
		expect(detail).toMatch(/rev \d+ +stable/);
	});

	it('an aborted canary reads Degraded, with weight 0 and the abort as what it waits on', () => {
		const store = storeWith('canary-aborted');
		const row = buildWorkloadTable(store.getSnapshot(), 120, 10).rows[0].cells.map((c) => c.text);
		expect(row[0]).toBe('✖ Degraded');
		expect(row[5]).toMatch(/^0\//);
		expect(text(buildRolloutDetail(store.getSnapshot(), 80, 30).lines)).toMatch(/waiting: aborted/);
	});

	it('a paused blue-green shows its preview and active revisions', () => {
		const store = storeWith('bluegreen-paused');
		const detail = text(buildRolloutDetail(store.getSnapshot(), 80, 30).lines);
		expect(detail).toMatch(/blueGreen/);
		expect(detail).toMatch(/rev \d+ +preview/);
		expect(detail).toMatch(/rev \d+ +(active|stable)/);
		expect(detail).toMatch(/press P to promote/);
	});

	it('a metric older than the stale limit shows as — with its age, never as a number', () => {
		const store = storeWith('bluegreen-paused');
		const snapshot = () => store.getSnapshot();
		const pods = loadFixture('bluegreen-paused').pods;
		const pod = pods[0];
		store.ingestSamples([{ namespace: pod.metadata.namespace ?? '', pod: pod.metadata.name, at: NOW - 40_000, values: { p99: 812, gpuUtil: 55 } }]);
		store.flush();
		const table = buildReplicaTable(snapshot(), 140, 20, DEFAULT_THRESHOLDS);
		const row = table.rows.find((r) => r.key.endsWith(pod.metadata.name));
		expect(row?.cells.map((c) => c.text)).toEqual(expect.arrayContaining(['—40s']));
		expect(row?.cells.map((c) => c.text)).not.toEqual(expect.arrayContaining(['812ms']));

		store.ingestSamples([{ namespace: pod.metadata.namespace ?? '', pod: pod.metadata.name, at: NOW - 1000, values: { p99: 3400, gpuUtil: 55 } }]);
		const fresh = buildReplicaTable(snapshot(), 140, 20, DEFAULT_THRESHOLDS).rows.find((r) => r.key.endsWith(pod.metadata.name));
		const p99 = fresh?.cells.find((c) => c.text === '3.4s');
		expect(p99?.tone).toBe('error');
	});
});
