// The describe view of a replica: `kubectl describe pod` rows, styled, from the scroll position.
import { describePod } from '../domain/describe';
import { getObject } from '../store/cluster-state';
import { selectPodEvents } from '../store/selectors';
import type { StoreSnapshot } from '../store/store';
import { clipLine, seg, type Line } from './styled';

const TONES = { heading: 'accent', warning: 'warn', error: 'error' } as const;

export function buildDescribePane(snapshot: StoreSnapshot, width: number, height: number): { title: string; lines: Line[] } {
	const view = snapshot.ui.describe;
	if (!view) return { title: 'Describe', lines: [] };
	const title = `Describe · pod/${view.name}`;
	const pod = getObject(snapshot.cluster, 'Pod', view.namespace, view.name);
	if (!pod) return { title, lines: [[seg(`pod ${view.namespace}/${view.name} is gone`, 'muted')]] };
	const rows = describePod(pod, selectPodEvents(snapshot.cluster, view.namespace, view.name), snapshot.cluster.now);
	const start = Math.max(0, Math.min(view.scroll, rows.length - height));
	return {
		title: `${title} [${start + 1}–${Math.min(rows.length, start + height)} of ${rows.length}]`,
		lines: rows.slice(start, start + height).map((row) => clipLine([seg(row.text, row.kind && TONES[row.kind], row.kind === 'heading')], width)),
	};
}
