// A generated cluster served over the Kubernetes API in a process of its own, so a benchmark of the
// console does not also pay for the server and the simulator. Driven by lines on stdin:
//   speed X       set the simulator's clock speed (0 freezes it: a live cluster with no changes)
//   restart-all   restart every workload, as the console's restart action would
//   stop          close the server and exit
// Answers one JSON line per command on stdout; the first line says where the cluster is.
import { createInterface } from 'node:readline';
import { executePlan } from '../../source/domain/execute-plan';
import { refOf } from '../../source/domain/k8s';
import { planAction } from '../../source/domain/plan-action';
import type { ReplicaSet } from '../../source/domain/k8s';
import type { Workload } from '../../source/domain/replica-set';
import { serveGeneratedCluster } from './served-cluster';

async function restartAll(cluster: Awaited<ReturnType<typeof serveGeneratedCluster>>): Promise<number> {
	const { sim } = cluster;
	const workloads = [...sim.store.list('Rollout'), ...sim.store.list('Deployment')] as Workload[];
	const replicaSets = sim.store.list('ReplicaSet') as ReplicaSet[];
	let restarted = 0;
	for (const workload of workloads) {
		const owned = replicaSets.filter((rs) => rs.metadata.ownerReferences?.some((o) => o.uid === workload.metadata.uid));
		const planned = planAction({ kind: 'restart', target: refOf(workload) }, { object: workload, replicaSets: owned, now: sim.now() });
		if (planned.ok && (await executePlan(planned.plan, (request) => sim.patch(request))).ok) restarted++;
	}
	return restarted;
}

export async function main(argv: string[]): Promise<void> {
	const [replicas, workloads] = argv.map(Number);
	const cluster = await serveGeneratedCluster({ replicas, workloads, warmupSeconds: 120, speed: 0 });
	const say = (answer: object) => process.stdout.write(`${JSON.stringify(answer)}\n`);
	say({ kubeconfig: cluster.kubeconfig, pods: cluster.sim.store.list('Pod').length, workloads: cluster.sim.store.list('Rollout').length + cluster.sim.store.list('Deployment').length });
	for await (const line of createInterface({ input: process.stdin })) {
		const [command, arg] = line.trim().split(/\s+/);
		if (command === 'speed') {
			cluster.sim.setSpeed(Number(arg));
			say({ speed: Number(arg) });
		} else if (command === 'restart-all') say({ restarted: await restartAll(cluster) });
		else if (command === 'stop') break;
		else say({ error: `unknown command ${command}` });
	}
	await cluster.stop();
	process.exit(0);
}
