// A generic table view model: present builders fill it, one view component draws it. Columns
// that do not fit the pane's width are dropped by priority, so narrow terminals keep what matters.
import type { ColorToken } from '../theme/theme';

export interface Cell {
	text: string;
	tone?: ColorToken;
}

export interface ColumnSpec {
	title: string;
	/** Preferred width; the first `flex` column absorbs spare width. */
	width: number;
	/** Lower is more important; columns are dropped from the highest priority number down. */
	priority: number;
	align?: 'left' | 'right';
	flex?: boolean;
	/** Where a too-long value is cut: names that differ at the end are cut in the middle. */
	cut?: 'end' | 'middle';
}

export interface Column {
	title: string;
	width: number;
	align: 'left' | 'right';
	cut: 'end' | 'middle';
}

export interface Row {
	key: string;
	cells: Cell[];
	/** Marks the row with a tone (e.g. stale data) without colouring every cell. */
	dim?: boolean;
}

export interface TableVM {
	columns: Column[];
	rows: Row[];
	/** Index of the selected row within `rows` (already windowed), or -1. */
	selected: number;
	/** Position text such as "12–20 of 140". */
	position: string;
	empty?: string;
}

const GAP = 1;

/** The specs with column `title` widened to its longest text, so counts such as 1000/1000 are never cut. */
export function widenToContent(specs: ColumnSpec[], title: string, texts: string[]): ColumnSpec[] {
	const index = specs.findIndex((spec) => spec.title === title);
	const widest = texts.reduce((max, text) => Math.max(max, text.length), 0);
	return widest > specs[index].width ? specs.map((spec, i) => (i === index ? { ...spec, width: widest } : spec)) : specs;
}

/** Chooses the columns that fit into `width`, in their original order, and their widths. */
export function fitColumns(specs: ColumnSpec[], width: number): { indexes: number[]; columns: Column[] } {
	const chosen = specs.map((_, i) => i);
	const total = (list: number[]) => list.reduce((sum, i) => sum + specs[i].width + GAP, -GAP);
	while (chosen.length > 1 && total(chosen) > width) {
		const drop = chosen.reduce((worst, i) => (specs[i].priority > specs[worst].priority ? i : worst), chosen[0]);
		chosen.splice(chosen.indexOf(drop), 1);
	}
	// Spare width goes to the flex column; a lone column wider than the pane shrinks instead.
	const delta = width - total(chosen);
	const flex = chosen.find((i) => specs[i].flex) ?? chosen[0];
	const columns = chosen.map((i) => ({
		title: specs[i].title,
		width: Math.max(1, specs[i].width + (i === flex ? delta : 0)),
		align: specs[i].align ?? 'left',
		cut: specs[i].cut ?? 'end',
	}));
	return { indexes: chosen, columns };
}

/** The window of `total` rows of `height` that keeps `selected` visible, scrolling as little as possible. */
export function visibleWindow(total: number, height: number, selected: number): { start: number; end: number } {
	if (total <= height) return { start: 0, end: total };
	const start = Math.min(Math.max(0, selected - Math.floor(height / 2)), total - height);
	return { start, end: start + height };
}

export function positionText(start: number, end: number, total: number): string {
	if (total === 0) return '0';
	if (start === 0 && end === total) return String(total);
	return `${start + 1}–${end} of ${total}`;
}

type TableOptions = { width: number; height: number; selectedKey?: string; empty: string };

/** Builds a table from full rows: picks columns for the width and windows the rows to the height. */
export function buildTable(specs: ColumnSpec[], allRows: Row[], options: TableOptions): TableVM & { selectedKey?: string } {
	return buildWindowedTable(
		specs,
		allRows.map((row) => row.key),
		(index) => allRows[index],
		options,
	);
}

/**
 * The same table from the rows' keys, making only the rows in the window (`rowAt` by index): a list
 * of hundreds of workloads costs what its visible rows cost on every frame.
 */
export function buildWindowedTable(specs: ColumnSpec[], keys: string[], rowAt: (index: number) => Row, options: TableOptions): TableVM & { selectedKey?: string } {
	const { indexes, columns } = fitColumns(specs, options.width);
	let selectedIndex = options.selectedKey === undefined ? -1 : keys.indexOf(options.selectedKey);
	if (selectedIndex < 0 && keys.length > 0) selectedIndex = 0;
	const { start, end } = visibleWindow(keys.length, Math.max(1, options.height), selectedIndex);
	const rows: Row[] = [];
	for (let index = start; index < end; index++) {
		const row = rowAt(index);
		rows.push({ ...row, cells: indexes.map((i) => row.cells[i]) });
	}
	return {
		columns,
		rows,
		selected: selectedIndex - start,
		position: positionText(start, end, keys.length),
		empty: keys.length === 0 ? options.empty : undefined,
		selectedKey: keys[selectedIndex],
	};
}
