// Rewrites the README's generated sections (key table, PromQL table) from the code.
import { readFileSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

const result = await build({ entryPoints: ['scripts/readme-sections.ts'], bundle: true, format: 'esm', platform: 'node', write: false, logLevel: 'warning' });
const sections = await import(`data:text/javascript;base64,${Buffer.from(result.outputFiles[0].text).toString('base64')}`);
const readme = readFileSync('README.md', 'utf8');
const next = sections.withSections(readme);
if (next !== readme) writeFileSync('README.md', next);
console.log(next === readme ? 'README generated sections are up to date' : 'README generated sections updated');
