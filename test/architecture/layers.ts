// The layer rule of DESIGN §3 as data: which layer may import which. Imports point down/inward:
// views → present/keymap/theme/store → domain; sources import only domain; serve adapts the
// simulator; cli, the entry point, wires everything. Departures from the picture are listed in
// EXCEPTIONS, each with its reason, and nowhere else.

export type Layer = string;

/** The layer of a file under source/: its top folder, and for sources/ the source it belongs to. */
export function layerOf(path: string): Layer {
	const parts = path.replace(/^source\//, '').split('/');
	if (parts.length === 1) return parts[0].replace(/\.tsx?$/, '');
	if (parts[0] === 'sources') return `sources/${parts[1].replace(/\.tsx?$/, '')}`;
	return parts[0];
}

const SOURCE_SERVICES = ['sources/history-requests', 'sources/permission-reviews', 'sources/no-metrics', 'sources/log-streams'];

/** What each layer may import besides itself. `*` is the entry point: anything. */
export const ALLOWED: Record<Layer, Layer[] | '*'> = {
	domain: [],
	'package-root': [],
	theme: ['domain', 'package-root'],
	store: ['domain'],
	keymap: ['store', 'domain'],
	present: ['store', 'theme', 'domain'],
	views: ['present', 'keymap', 'theme', 'store', 'domain'],
	config: ['domain', 'package-root'],
	'sources/kubernetes': ['domain'],
	'sources/prometheus': ['domain'],
	'sources/simulator': ['domain', 'package-root'],
	'sources/replay': ['domain'],
	...Object.fromEntries(SOURCE_SERVICES.map((service) => [service, ['domain']])),
	serve: ['sources/simulator', 'domain'],
	/** The headless commands' logic (status, get): store state in, reports and text out. */
	headless: ['present', 'store', 'domain'],
	cli: '*',
};

export interface Exception {
	from: Layer;
	to: Layer;
	reason: string;
}

export const EXCEPTIONS: Exception[] = [
	{
		from: 'present',
		to: 'keymap',
		reason: "the footer hints, the help overlay and key labels are drawn from the keymap's command records (data and pure functions of store state), never its controller",
	},
	{
		from: 'config',
		to: 'sources/prometheus',
		reason: 'the config file names metric presets and a Prometheus service reference; their definitions and parser live with the Prometheus source, so they are validated against what the source runs',
	},
];

export interface Violation {
	file: string;
	imports: string;
	from: Layer;
	to: Layer;
}

/** The edges of an import graph (file → imported file, both under source/) that break the rule. */
export function violations(edges: Array<{ file: string; imports: string }>): Violation[] {
	const found: Violation[] = [];
	for (const { file, imports } of edges) {
		const from = layerOf(file);
		const to = layerOf(imports);
		if (from === to) continue;
		const allowed = ALLOWED[from];
		if (allowed === undefined) {
			found.push({ file, imports, from, to });
			continue;
		}
		if (allowed === '*') continue;
		if (allowed.includes(to) || EXCEPTIONS.some((e) => e.from === from && e.to === to)) continue;
		found.push({ file, imports, from, to });
	}
	return found;
}
