// The table pane alone (workloads, replicas, events): header row, rows cut and aligned to the
// columns the builder chose for the width, the selected row, the empty message.
import { afterEach, describe, expect, it } from 'vitest';
import { objectKey } from '../../../source/domain/k8s';
import { DEFAULT_THRESHOLDS } from '../../../source/domain/thresholds';
import { buildEventTable } from '../../../source/present/event-rows';
import { buildReplicaTable } from '../../../source/present/replica-rows';
import { buildWorkloadTable } from '../../../source/present/workload-rows';
import type { UiState } from '../../../source/store/ui-state';
import { TablePane } from '../../../source/views/panes/table-pane';
import { sceneStore } from '../../helpers/fixture-store';
import { cleanup, renderComponent, withStyles } from '../../helpers/render-component';

afterEach(cleanup);

function snapshot(ui: Partial<UiState> = {}) {
	const store = sceneStore();
	store.updateUi(ui);
	return store.getSnapshot();
}

const QWEN = objectKey('Rollout', 'llm', 'qwen2-72b');

describe('table pane', () => {
	it('workloads at the width of the wide layout’s left pane (120 columns): the columns that matter most, strategy before namespace', () => {
		const table = buildWorkloadTable(snapshot({ workloadKey: QWEN }), 68, 6);
		expect(renderComponent(<TablePane table={table} />).lines()).toEqual([
			'STATUS        NAME              STRATEGY   STEP  WEIGHT   READY PEND',
			'✖ Degraded    llama-3-70b       canary      0/8    20/0     5/5    —',
			'॥ Paused      qwen2-72b         canary      3/7   25/25     8/8    —',
			'◌ Progressing embedder          rolling       —       —     4/4    —',
		]);
	});

	it('workloads at 98 columns: strategy and analysis join, the name column takes the spare width', () => {
		const table = buildWorkloadTable(snapshot(), 98, 6);
		expect(renderComponent(<TablePane table={table} />).lines()).toEqual([
			'STATUS        NAME                     NAMESPACE   STRATEGY   STEP  WEIGHT   READY ANALYSIS   PEND',
			'✖ Degraded    llama-3-70b              llm         canary      0/8    20/0     5/5 —             —',
			'॥ Paused      qwen2-72b                llm         canary      3/7   25/25     8/8 —             —',
			'◌ Progressing embedder                 triton      rolling       —       —     4/4 —             —',
		]);
	});

	it('replicas: long pod names cut in the middle, metrics right-aligned, — where a pod has no samples', () => {
		// The vLLM columns (KV%, QUEUE) outrank GPU memory and TTFT when the width runs short.
		const table = buildReplicaTable(snapshot({ focus: 'replicas' }), 88, 6, DEFAULT_THRESHOLDS);
		expect(renderComponent(<TablePane table={table} />).lines()).toEqual([
			'POD                    ROLE    STATUS         RDY RST GPU%    P99   RPS  ERR%  KV% QUEUE',
			'llama-3-70…c8b94-9wf5r canary  ⚠ ImagePullBa… 0/1   0    —      —     —     —    —     —',
			'llama-3-70…8f6b5-6jfpt stable  ✔ Running      1/1   0   64   1.3s   3.5   0.1    —     —',
		]);
	});

	it('events and the action log, newest first; the message column takes the spare width and is cut at its end', () => {
		const table = buildEventTable(snapshot({ focus: 'events' }), 98, 6);
		expect(renderComponent(<TablePane table={table} />).lines()).toEqual([
			'  AGE TYPE     REASON             OBJECT                   MESSAGE',
			'  20s ✖ Action abort              by tester                forbidden: user cannot patch rollouts/…',
			'  30s Warning  Failed             pod/llama-3…7c8b94-9wf5r Failed to pull image "vllm/vllm-openai…',
			'  10m Normal   RolloutUpdated     rollout/llama-3-70b      Rollout updated to revision 31',
		]);
	});

	it('a list the filter empties keeps its header and says why it is empty', () => {
		const table = buildWorkloadTable(snapshot({ filter: 'zzz' }), 68, 6);
		expect(renderComponent(<TablePane table={table} />).lines()).toEqual([
			'STATUS        NAME              STRATEGY   STEP  WEIGHT   READY PEND',
			'nothing matches /zzz',
		]);
	});

	describe('styles', () => {
		withStyles();
		const selected = (raw: string) => raw.split('\n').flatMap((line, i) => (line.includes('\x1b[7m') ? [i] : []));

		it('in mono the selected row, padded to the full width, is the one line in inverse video; a new model moves it', () => {
			const view = renderComponent(<TablePane table={buildWorkloadTable(snapshot({ workloadKey: QWEN }), 68, 6)} />);
			expect(selected(view.raw())).toEqual([2]);
			expect(view.raw().split('\n')[2]).toBe('\x1b[7m॥ Paused      qwen2-72b         canary      3/7   25/25     8/8    —\x1b[27m');
			view.rerender(<TablePane table={buildWorkloadTable(snapshot({ workloadKey: objectKey('Deployment', 'triton', 'embedder') }), 68, 6)} />);
			expect(selected(view.raw())).toEqual([3]);
		});

		it('the header row is bold', () => {
			const raw = renderComponent(<TablePane table={buildWorkloadTable(snapshot(), 68, 6)} />).raw();
			expect(raw.split('\n')[0]).toBe('\x1b[1mSTATUS        NAME              STRATEGY   STEP  WEIGHT   READY PEND\x1b[22m');
		});
	});
});
