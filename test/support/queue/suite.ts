/** What the queue-mode test files share: the running cluster and the sandbox its credentials use. */
import { startSandbox } from '../../../sandbox';
import type { Sandbox, SandboxOptions } from '../../../sandbox';
import { sandboxCredentials } from '../examples';
import { ClusterClient } from './client';
import { readQueueState } from './state';

export function queueCluster(): ClusterClient {
	return new ClusterClient(readQueueState().cluster);
}

/** The sandbox on the port the imported credentials point at. */
export async function startQueueSandbox(options: Omit<SandboxOptions, 'port'> = {}): Promise<Sandbox> {
	return await startSandbox({ ...options, port: readQueueState().sandboxPort });
}

/**
 * Imports the sandbox credentials again, without tokens: a sandbox that was reset has forgotten the
 * tokens it issued, and a stored one would cost a refused call before n8n fetches a new one.
 */
export async function resetCredentials(cluster: ClusterClient, sandbox: Sandbox): Promise<void> {
	await cluster.importCredentials(await sandboxCredentials(sandbox.credentials));
}

/**
 * Which worker ran each execution, from n8n's event logs; fails unless every one was taken from the
 * queue exactly once, by a worker (never by the main process).
 */
export async function workerOfEach(cluster: ClusterClient, ids: string[]): Promise<Map<string, string>> {
	const dequeued = await cluster.waitForDequeued(ids);
	const byExecution = new Map<string, string>();
	const wrong: string[] = [];
	for (const id of ids) {
		const takers = dequeued.get(id) ?? [];
		if (takers.length === 1 && cluster.state.workers.includes(takers[0])) byExecution.set(id, takers[0]);
		else wrong.push(`execution ${id} taken by [${takers.join(', ')}]`);
	}
	if (wrong.length > 0) throw new Error(`Not run by exactly one worker:\n${wrong.slice(0, 20).join('\n')}`);
	return byExecution;
}
