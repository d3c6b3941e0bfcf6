// The header line: product, source badge, context, clock and speed, connection health.
import type { SourceKind } from '../domain/source';
import type { StoreSnapshot } from '../store/store';
import { clockText } from './format';
import { seg, type Line } from './styled';

const BADGES: Record<SourceKind, string> = { simulated: 'SIMULATED', live: 'LIVE', replay: 'REPLAY' };

export function buildHeader(snapshot: StoreSnapshot, source: { kind: SourceKind; label: string; scope?: string }, width: number): Line {
	const { cluster, metrics, ui } = snapshot;
	const line: Line = [seg(' rolltop ', 'accent', true), { text: ` ${BADGES[source.kind]} `, tone: 'badge', bold: true, inverse: true }, seg(` ${source.label}`)];
	if (source.scope) line.push(seg(` · ${source.scope}`, 'muted'));
	if (source.kind === 'simulated') {
		const speed = cluster.speed === 0 ? 'frozen' : `×${cluster.speed ?? 1}`;
		line.push(seg(`  sim ${clockText(cluster.now)} ${speed}`, 'muted'));
	}
	// The recorded source's clock at the playhead.
	if (source.kind === 'replay') line.push(seg(`  at ${clockText(cluster.now)}`, 'muted'));
	const { state, message } = cluster.connection;
	if (state !== 'connected') {
		const stale = cluster.staleKinds.size ? ` · stale: ${[...cluster.staleKinds].join(', ')}` : '';
		line.push(seg(`  ⚠ ${state}${message ? `: ${message}` : ''}${stale}`, state === 'connecting' ? 'muted' : 'error', true));
	}
	if (metrics.problem) line.push(seg(`  ⚠ metrics: ${metrics.problem}`, 'warn'));
	if (ui.readonly) line.push(seg('  READ-ONLY', 'warn', true));
	const used = line.reduce((n, s) => n + s.text.length, 0);
	if (used < width) line.push(seg(' '.repeat(width - used)));
	return line;
}
