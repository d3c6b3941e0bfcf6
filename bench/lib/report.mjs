// Figures out: a table for people, JSON lines for machines, a Markdown page for bench/RESULTS.md.
import { readFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';

/** Enough digits to compare, no more (the raw measurements are not that precise). */
export function roundValue(value) {
	if (value === null || !Number.isFinite(value)) return value;
	const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
	const scale = 10 ** digits;
	return Math.round(value * scale) / scale;
}

export function verdict({ value, budget }) {
	if (value === null) return 'not measured';
	if (budget === null) return '';
	return value <= budget ? 'ok' : `MISS ×${roundValue(value / (budget || 1))}`;
}

export function jsonLine(figure) {
	const { name, value, unit, budget, note } = figure;
	return JSON.stringify({ name, value: roundValue(value), unit, budget: roundValue(budget), ...(note ? { note } : {}) });
}

function rows(figures) {
	return figures.map((f) => [f.name, f.value === null ? '—' : String(roundValue(f.value)), f.unit, f.budget === null ? '' : String(roundValue(f.budget)), verdict(f), f.note ?? '']);
}

const HEADINGS = ['figure', 'value', 'unit', 'budget', 'verdict', 'note'];

export function table(figures) {
	const all = [HEADINGS, ...rows(figures)];
	const widths = HEADINGS.map((_, i) => Math.max(...all.map((row) => row[i].length)));
	const line = (row) => row.map((cell, i) => (i === 1 || i === 3 ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  ').trimEnd();
	return [line(HEADINGS), widths.map((w) => '-'.repeat(w)).join('  '), ...all.slice(1).map(line)].join('\n');
}

export function markdownTable(figures) {
	const escape = (cell) => cell.replaceAll('|', '\\|');
	return [`| ${HEADINGS.join(' | ')} |`, `|${HEADINGS.map((_, i) => (i === 1 || i === 3 ? ' ---: ' : ' --- ')).join('|')}|`, ...rows(figures).map((row) => `| ${row.map(escape).join(' | ')} |`)].join('\n');
}

export function machine() {
	const model = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpus()[0]?.model ?? 'unknown';
	return { cpus: availableParallelism(), model, node: process.version, load: loadavg().map((l) => l.toFixed(2)).join(' ') };
}
