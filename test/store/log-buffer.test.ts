import { describe, expect, it } from 'vitest';
import { LogBuffer } from '../../source/store/log-buffer';
import { compileFilter, filterError, linesEndingAt, scrollAnchor } from '../../source/store/log-view';
import { buildLogPane } from '../../source/present/log-pane';
import { Store } from '../../source/store/store';
import { logSession } from '../../source/store/log-demand';
import type { LogView } from '../../source/store/ui-state';

const line = (i: number) => ({ at: i, pod: 'p', role: 'canary', text: `line ${i}${i % 10 === 0 ? ' ERROR boom' : ''}` });

describe('log buffer and view', () => {
	it('keeps the newest lines up to its capacity and counts what it dropped', () => {
		const buffer = new LogBuffer(100);
		buffer.push(Array.from({ length: 250 }, (_, i) => line(i)));
		expect(buffer.size).toBe(100);
		expect(buffer.dropped).toBe(150);
		expect(buffer.get(0).text).toMatch(/^line 150/);
		expect(buffer.get(99).seq).toBe(250);
	});

	it('shows the lines ending at the anchor, filtered; scrolling to the newest line follows again', () => {
		const buffer = new LogBuffer(1000);
		buffer.push(Array.from({ length: 100 }, (_, i) => line(i)));
		const filter = compileFilter('error');
		expect(linesEndingAt(buffer, undefined, 3, filter).map((e) => e.at)).toEqual([70, 80, 90]);
		const anchor = scrollAnchor(buffer, undefined, -1, filter);
		expect(linesEndingAt(buffer, anchor, 3, filter).map((e) => e.at)).toEqual([60, 70, 80]);
		expect(scrollAnchor(buffer, anchor, 5, filter)).toBeUndefined();
		expect(filterError('err(')).toMatch(/Unterminated group/);
		expect(filterError('ERR|warn')).toBeNull();
	});

	it('the pane highlights matches and counts dropped lines', () => {
		const store = new Store({ now: 0, themeName: 'dark', readonly: false, coalesceMs: 0, logLines: 100 });
		const view: LogView = { target: { kind: 'workload', key: 'ns/w' }, timestamps: false, wrap: false, previous: false, roles: 'all', filter: 'boom', back: 'workloads' };
		store.updateUi({ focus: 'logs', logs: view });
		store.appendLogs(logSession(view), Array.from({ length: 120 }, (_, i) => ({ ...line(i), pod: 'w-6f7f74-n7fpp' })));
		const pane = buildLogPane(store.getSnapshot(), 80, 5);
		expect(pane.status.map((s) => s.text).join('')).toContain('20 dropped');
		const last = pane.lines[pane.lines.length - 1];
		expect(last[0]).toEqual({ text: '◆ 6f7f74-n7fpp ', tone: 'canary', bold: true });
		expect(last.find((s) => s.inverse)).toEqual({ text: 'boom', tone: 'accent', inverse: true });
		store.dispose();
	});
});
