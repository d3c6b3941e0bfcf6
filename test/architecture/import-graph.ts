// The import graph of source/: every static, type-only, re-export and dynamic import between its
// files, read with TypeScript's own pre-processor rather than a regular expression.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

function files(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return files(path);
		return /\.tsx?$/.test(entry.name) ? [path] : [];
	});
}

/** `../store/store` from source/keymap/x.ts → source/store/store.ts (or .tsx, or …/index.ts). */
function resolveImport(root: string, file: string, specifier: string, known: Set<string>): string | undefined {
	const base = relative(root, resolve(root, dirname(file), specifier));
	return [`${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`, base].find((candidate) => known.has(candidate));
}

export function importGraph(root: string): Array<{ file: string; imports: string }> {
	const all = files(join(root, 'source')).map((path) => relative(root, path));
	const known = new Set(all);
	const edges: Array<{ file: string; imports: string }> = [];
	for (const file of all) {
		const info = ts.preProcessFile(readFileSync(join(root, file), 'utf8'), true, true);
		for (const { fileName } of info.importedFiles) {
			if (!fileName.startsWith('.')) continue;
			const target = resolveImport(root, file, fileName, known);
			if (!target) throw new Error(`${file}: cannot resolve import '${fileName}'`);
			edges.push({ file, imports: target });
		}
	}
	return edges;
}
