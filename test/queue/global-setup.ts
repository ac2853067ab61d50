/**
 * Once per run: PostgreSQL and Redis (installed from Debian's packages when missing), then n8n
 * 2.41.1 in queue mode, a main process and two workers, each with the packed package installed as
 * a community package, the sandbox credentials and every workflow the suite runs imported.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { startSandbox } from '../../sandbox';
import { loadExamples, sandboxCredentials } from '../support/examples';
import { ensureRuntime } from '../support/install';
import { packPackage } from '../support/package';
import { freePort } from '../support/runtime';
import { startCluster } from '../support/queue/cluster';
import type { RunningCluster } from '../support/queue/cluster';
import { ensureQueueServices } from '../support/queue/services';
import { writeQueueState } from '../support/queue/state';
import { ACTIVE_FROM_START, QUEUE_WORKFLOWS } from '../support/queue/workflows';

const WORKERS = 2;
const CONCURRENCY = 5;

declare global {
	// Read by the global teardown, which runs in this same process.
	var b2bQueueCluster: RunningCluster | undefined;
}

export default async function globalSetup(): Promise<void> {
	const started = Date.now();
	const log = (line: string): void => console.log(`[queue] ${line}`);
	await ensureRuntime(log);
	await ensureQueueServices();

	// Outside the project: below it, Node would resolve the package's n8n-workflow to the project's
	// dev copy instead of n8n's own.
	const workDir = mkdtempSync(join(tmpdir(), 'n8n-b2b-queue-'));
	const tarball = await packPackage(join(workDir, 'pack'));
	const sandboxPort = await freePort();
	const sandbox = await startSandbox({ port: sandboxPort });
	const credentials = await sandboxCredentials(sandbox.credentials);
	await sandbox.close();

	const cluster = await startCluster({
		workDir,
		tarball,
		mode: 'queue',
		workers: WORKERS,
		concurrency: CONCURRENCY,
		credentials,
		workflows: [...loadExamples().map((example) => example.workflow), ...QUEUE_WORKFLOWS],
		publish: ACTIVE_FROM_START,
		log,
	});
	globalThis.b2bQueueCluster = cluster;
	writeQueueState({ cluster: cluster.state, sandboxPort });
	log(`cluster up in ${Math.round((Date.now() - started) / 1000)} s`);
}
