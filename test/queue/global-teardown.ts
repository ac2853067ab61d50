/** Stops the cluster and checks that no process and no data folder of the run is left. */
import { leftovers } from '../support/queue/cluster';

export default async function globalTeardown(): Promise<void> {
	const cluster = globalThis.b2bQueueCluster;
	if (!cluster) return;
	const started = Date.now();
	const pids = cluster.pids();
	await cluster.stop();
	globalThis.b2bQueueCluster = undefined;
	const left = await leftovers(pids, cluster.state.workDir);
	if (left.length > 0) throw new Error(`The queue suite left these behind:\n${left.join('\n')}`);
	console.log(`[queue] cluster stopped in ${Math.round((Date.now() - started) / 1000)} s; no process or folder left`);
}
