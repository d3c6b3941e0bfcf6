import { spawnInPty } from './lib/pty.mjs';
const done = (o) => { const s = o.indexOf('\x1b[?1049h'); return s >= 0 && o.includes('rolltop', s) && o.includes('\x1b[?2026l', s); };
async function ff(cli) { const r = spawnInPty([process.execPath, cli, '--sim'], { columns: 120, rows: 40 }); try { return (await r.waitForOutput(done, 20000)) - r.startedAt; } finally { await r.stop(); } }
async function bare() { const r = spawnInPty([process.execPath, '-e', '0'], { columns: 120, rows: 40 }); const { at } = await r.exited; return at - r.startedAt; }
const res = { one: [], split: [], node: [] };
for (let i = 0; i < 9; i++) { res.node.push(await bare()); res.one.push(await ff('dist/cli.js')); res.split.push(await ff('dist-split/cli.js')); }
for (const [k, v] of Object.entries(res)) { v.sort((a, b) => a - b); console.log(k, v.map((x) => x.toFixed(0)).join(' '), 'median', v[4].toFixed(0)); }
