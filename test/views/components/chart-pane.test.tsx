// The chart pane alone: the legend with each group's latest value, then the overlaid plot with its
// axis labels; the second series dashed so the two stay apart without colour.
import chalk from 'chalk';
import { afterEach, describe, expect, it } from 'vitest';
import type { MetricId } from '../../../source/domain/metrics';
import { buildChart, type ChartGroup } from '../../../source/present/chart';
import { MetricsHistory } from '../../../source/store/metrics-history';
import { loadTheme } from '../../../source/theme/load-theme';
import { ChartPane } from '../../../source/views/panes/chart-pane';
import { NOW } from '../../domain/fixtures';
import { cleanup, renderComponent, withStyles } from '../../helpers/render-component';

afterEach(cleanup);

const GROUPS: ChartGroup[] = [
	{ label: 'stable', tone: 'stable', pods: [{ namespace: 'llm', pod: 'stable-0' }] },
	{ label: 'canary', tone: 'canary', pods: [{ namespace: 'llm', pod: 'canary-0' }] },
];

/**
 * 31 seconds of samples, one a second up to NOW: the stable replica's p99 climbs 600 → 900 ms and its
 * GPU util 40 → 70 %; the canary starts 10 s before NOW at 1.2 s, falls 20 ms a second and misses one
 * sample, at a steady 90 % GPU.
 */
function history(): MetricsHistory {
	const h = new MetricsHistory();
	for (let i = 0; i <= 30; i++) {
		const at = NOW - (30 - i) * 1000;
		h.ingest([{ namespace: 'llm', pod: 'stable-0', at, values: { p99: 600 + 10 * i, gpuUtil: 40 + i } }]);
		if (i >= 20 && i !== 25) h.ingest([{ namespace: 'llm', pod: 'canary-0', at, values: { p99: 1200 - 20 * (i - 20), gpuUtil: 90 } }]);
	}
	return h;
}

const chart = (metric: MetricId, height: number, h = history()) => <ChartPane chart={buildChart(h, GROUPS, metric, { width: 40, height, now: NOW, slotMs: 1000 })} />;

describe('chart pane', () => {
	it('two groups overlaid on one scale: the canary starts where its data starts and carries over its missing sample', () => {
		expect(renderComponent(chart('p99', 8)).lines()).toEqual([
			'━ stable 900ms  ┅ canary 1.0s',
			'   1.2s┤                    ┄┄╮',
			'   1.1s┤                      ╰┄┄┄┄╮',
			'   1.0s┤                           ╰┄┄',
			'  900ms┤                        ╭─────',
			'  800ms┤              ╭─────────╯',
			'  700ms┤    ╭─────────╯',
			'  600ms┼────╯',
		]);
	});

	it('each point sits on the row whose label is nearest its value', () => {
		// Rows are 12.5 % apart; the stable line crosses to the next row at 47 % and 59 %, and ends at 70 %, on the 65 % row.
		expect(renderComponent(chart('gpuUtil', 6)).lines()).toEqual([
			'━ stable 70%  ┅ canary 90%',
			'    90%┤                    ┄┄┄┄┄┄┄┄┄┄',
			'    78%┤',
			'    65%┤                  ╭───────────',
			'    53%┤      ╭───────────╯',
			'    40%┼──────╯',
		]);
	});

	it('no samples yet: the legend says — for each group', () => {
		expect(renderComponent(chart('p99', 8, new MetricsHistory())).lines()).toEqual(['━ stable —  ┅ canary —', 'no samples yet']);
	});

	describe('styles', () => {
		withStyles();

		it('each series is drawn in its group’s colour, the axis and its labels muted', () => {
			const { colors } = loadTheme('dark');
			const opening = (hex: string) => chalk.hex(hex)('·').split('·')[0];
			const raw = renderComponent(chart('p99', 8), 'dark').raw().split('\n');
			expect(raw[1]).toContain(`${opening(colors.muted)}   1.2s┤                    ${opening(colors.canary)}┄┄╮`);
			expect(raw[7]).toContain(`${opening(colors.muted)}  600ms┼${opening(colors.stable)}────╯`);
		});
	});
});
