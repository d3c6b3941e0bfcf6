// Starts bench/inproc/cluster-process.ts in a child process and talks to it line by line.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

const CHILD = `
import { importTypeScript } from './bench/lib/bundle.mjs';
const { main } = await importTypeScript('bench/inproc/cluster-process.ts');
await main(process.argv.slice(1));
`;

/** A served generated cluster in its own process: `{ kubeconfig, pods, workloads, send(command), stop() }`. */
export async function startClusterProcess({ replicas, workloads }) {
	const child = spawn(process.execPath, ['--input-type=module', '-e', CHILD, String(replicas), String(workloads)], { stdio: ['pipe', 'pipe', 'inherit'] });
	const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
	const next = async () => {
		const { value, done } = await lines.next();
		if (done) throw new Error('the cluster process ended');
		return JSON.parse(value);
	};
	const ready = await next();
	return {
		...ready,
		async send(command) {
			child.stdin.write(`${command}\n`);
			return next();
		},
		async stop() {
			child.stdin.write('stop\n');
			await new Promise((resolve) => child.once('exit', resolve));
		},
	};
}
