/**
 * `npm run bench:queue`: executions per minute of one n8n process against n8n in queue mode (a main
 * process and two workers), on the same machine, with the same workflow and database. Both get the
 * same burst: BENCH_EXECUTIONS webhook calls (default 300) sent at once to a workflow that looks up
 * an Infinigate price and a Collabor8 EqHub product in the sandbox, which answers after
 * BENCH_LATENCY_MS (default 20 ms, roughly a nearby cloud API). The rate counts from the first call
 * to the end of the last execution, as n8n recorded it.
 *
 * Both set-ups use PostgreSQL (installed from Debian's packages when missing) so that only the
 * execution mode differs. Numbers depend on the machine; compare runs on the same machine.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

import { startSandbox } from '../sandbox';
import { sandboxCredentials } from '../test/support/examples';
import { ensureRuntime } from '../test/support/install';
import { packPackage } from '../test/support/package';
import { freePort } from '../test/support/runtime';
import { startCluster } from '../test/support/queue/cluster';
import { ensureQueueServices } from '../test/support/queue/services';
import { BURST_PATH, burstWorkflow } from '../test/support/queue/workflows';

const EXECUTIONS = Number(process.env.BENCH_EXECUTIONS ?? 300);
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 20);
const WORKERS = Number(process.env.BENCH_WORKERS ?? 2);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 5);
const WARM_UP = 10;

interface Setup {
	label: string;
	mode: 'queue' | 'regular';
	env?: Record<string, string>;
}

const SETUPS: Setup[] = [
	{
		label: `one n8n process (regular mode, ${WORKERS * CONCURRENCY} executions at a time)`,
		mode: 'regular',
		// Without a limit, one process starts every execution of the burst at once and runs out of
		// database connections (the webhook answers 500 for part of them); with it, the process keeps
		// the rest waiting, as the workers do, and both set-ups run as many executions at a time.
		env: { N8N_CONCURRENCY_PRODUCTION_LIMIT: String(WORKERS * CONCURRENCY) },
	},
	{ label: `queue mode: main + ${WORKERS} workers (${CONCURRENCY} executions at a time each)`, mode: 'queue' },
];

async function main(): Promise<void> {
	const log = (line: string): void => console.log(line);
	await ensureRuntime(log);
	await ensureQueueServices();
	const packDir = mkdtempSync(join(tmpdir(), 'n8n-b2b-bench-pack-'));
	const tarball = await packPackage(packDir);
	const sandbox = await startSandbox({ port: await freePort() });
	const credentials = await sandboxCredentials(sandbox.credentials);
	log(`${EXECUTIONS} executions per set-up, sandbox latency ${LATENCY_MS} ms, ${cpus().length} cores, load average ${loadavg()[0].toFixed(1)}`);

	const results: Array<{ label: string; seconds: number; perMinute: number }> = [];
	try {
		for (const setup of SETUPS) {
			const cluster = await startCluster({
				workDir: mkdtempSync(join(tmpdir(), 'n8n-b2b-bench-')),
				tarball,
				mode: setup.mode,
				env: setup.env,
				workers: WORKERS,
				concurrency: CONCURRENCY,
				credentials,
				workflows: [burstWorkflow],
				publish: [burstWorkflow.id],
			});
			try {
				const { client } = cluster;
				sandbox.server.reset();
				sandbox.server.latencyMs = LATENCY_MS;
				// A few runs first, so that the token is fetched and every process has loaded the nodes.
				await burst(client.state.url, WARM_UP);
				await client.waitForExecutions({ workflowId: burstWorkflow.id, count: WARM_UP }, 300_000);

				const startedAt = Date.now();
				await burst(client.state.url, EXECUTIONS);
				const records = await client.waitForExecutions({ workflowId: burstWorkflow.id, count: WARM_UP + EXECUTIONS }, 1_800_000);
				const measured = records.slice(WARM_UP);
				const failed = measured.filter((record) => record.status !== 'success');
				if (failed.length > 0) throw new Error(`${failed.length} executions did not succeed under ${setup.label}`);
				const endedAt = Math.max(...measured.map((record) => record.stoppedAt?.getTime() ?? 0));
				const seconds = (endedAt - startedAt) / 1000;
				const perMinute = Math.round((EXECUTIONS / seconds) * 60);
				results.push({ label: setup.label, seconds, perMinute });
				log(`${setup.label}: ${EXECUTIONS} executions in ${seconds.toFixed(1)} s = ${perMinute} per minute (load average ${loadavg()[0].toFixed(1)})`);
			} catch (error) {
				console.error(`--- what the main process printed (end) ---\n${cluster.client.output('main').slice(-6000)}`);
				throw error;
			} finally {
				await cluster.stop();
			}
		}
	} finally {
		await sandbox.close();
		rmSync(packDir, { recursive: true, force: true });
	}

	console.log('\n| Set-up | Time | Executions per minute |\n|---|---|---|');
	for (const result of results) console.log(`| ${result.label} | ${result.seconds.toFixed(1)} s | ${result.perMinute} |`);
}

/** Sends `count` webhook calls at once; the webhook answers as soon as the execution is started or queued. */
async function burst(url: string, count: number): Promise<void> {
	const statuses = await Promise.all(
		Array.from({ length: count }, async (_, index) => {
			const response = await fetch(`${url}/webhook/${BURST_PATH}`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify({ sku: ['6D34G6', '6KTRCD', '6APE0Q'][index % 3] }),
			});
			await response.arrayBuffer();
			return response.status;
		}),
	);
	const refused = statuses.filter((status) => status !== 200);
	if (refused.length > 0) throw new Error(`${refused.length} webhook calls were refused: ${[...new Set(refused)].join(', ')}`);
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
