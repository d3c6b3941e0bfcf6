// Rewrites the key table in README.md from the keymap (source/keymap/key-table.ts).
import { readFileSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

const result = await build({ entryPoints: ['source/keymap/key-table.ts'], bundle: true, format: 'esm', platform: 'node', write: false });
const module = await import(`data:text/javascript;base64,${Buffer.from(result.outputFiles[0].text).toString('base64')}`);
const readme = readFileSync('README.md', 'utf8');
const next = module.withKeyTable(readme);
if (next !== readme) writeFileSync('README.md', next);
console.log(next === readme ? 'README key table is up to date' : 'README key table updated');
