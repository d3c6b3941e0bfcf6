// Where rolltop's own data (themes/, fixtures/) lives, whether running from source or from dist/.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

export function packageRoot(): string {
	if (cached) return cached;
	let dir = dirname(fileURLToPath(import.meta.url));
	for (;;) {
		const manifest = join(dir, 'package.json');
		if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'rolltop') return (cached = dir);
		const parent = dirname(dir);
		if (parent === dir) throw new Error('cannot find the rolltop package root');
		dir = parent;
	}
}
