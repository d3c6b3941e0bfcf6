import { spawnInPty } from './lib/pty.mjs';
import { median } from './lib/stats.mjs';
const time = async (argv) => { const r = spawnInPty(argv, { columns: 120, rows: 40 }); const { at } = await r.exited; return at - r.startedAt; };
for (const argv of [[process.execPath, '-e', '0'], [process.execPath, 'dist/cli.js', '--version'], [process.execPath, '-e', "import('./dist/cli.js').catch(()=>0); process.argv.push('--version')"]]) {
	const xs = []; for (let i = 0; i < 5; i++) xs.push(await time(argv));
	console.log(argv.slice(1).join(' '), Math.round(median(xs)));
}
