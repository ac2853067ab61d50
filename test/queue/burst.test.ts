/**
 * Many executions at once: 500 webhook calls answered by the main process, queued in Redis and run
 * by two workers, each execution calling Infinigate and Collabor8 EqHub with tokens that expire
 * every few seconds. The tokens live in n8n's credential store, which every process shares: their
 * number follows the token lifetimes and the credentials, not the workers or the executions.
 */
import type { Sandbox } from '../../sandbox';
import type { LogEntry } from '../../sandbox/core/server';
import type { ExecutionRecord } from '../support/queue/client';
import { queueCluster, resetCredentials, startQueueSandbox, workerOfEach } from '../support/queue/suite';
import { BURST_PATH, burstWorkflow } from '../support/queue/workflows';

const EXECUTIONS = 500;
/** Short enough that the burst outlives several tokens of each credential. */
const TOKEN_LIFETIME_SECONDS = 10;
const SKUS = ['6D34G6', '6KTRCD', '6APE0Q'];

const cluster = queueCluster();

describe(`${EXECUTIONS} executions queued at once`, () => {
	let sandbox: Sandbox;
	let statuses: number[];
	let records: ExecutionRecord[];
	let queuedAt: number;

	beforeAll(async () => {
		sandbox = await startQueueSandbox({ tokenLifetimeSeconds: { infinigate: TOKEN_LIFETIME_SECONDS, eqhub: TOKEN_LIFETIME_SECONDS } });
		await resetCredentials(cluster, sandbox);
		expect(await cluster.executions(burstWorkflow.id)).toEqual([]);

		queuedAt = Date.now();
		statuses = await Promise.all(
			Array.from({ length: EXECUTIONS }, async (_, index) => {
				const response = await fetch(`${cluster.state.url}/webhook/${BURST_PATH}`, {
					method: 'POST',
					headers: { 'Content-Type': 'application/json' },
					body: JSON.stringify({ sku: SKUS[index % SKUS.length] }),
				});
				await response.arrayBuffer();
				return response.status;
			}),
		);
		const answeredMs = Date.now() - queuedAt;
		records = await cluster.waitForExecutions({ workflowId: burstWorkflow.id, count: EXECUTIONS }, 540_000);
		const doneMs = Math.max(...records.map((record) => record.stoppedAt?.getTime() ?? 0)) - queuedAt;
		console.log(
			`[queue] ${EXECUTIONS} webhook calls answered in ${(answeredMs / 1000).toFixed(1)} s; all executions done after ${(doneMs / 1000).toFixed(1)} s (${Math.round((EXECUTIONS / doneMs) * 60_000)} per minute)`,
		);
	});

	afterAll(async () => {
		await sandbox?.close();
	});

	test('the main process accepts every call at once, and every execution completes once, on one of the two workers', async () => {
		expect(statuses.filter((status) => status !== 200)).toEqual([]);
		expect(records).toHaveLength(EXECUTIONS);
		const outcome: Record<string, number> = {};
		for (const record of records) outcome[`${record.mode} ${record.status}`] = (outcome[`${record.mode} ${record.status}`] ?? 0) + 1;
		expect(outcome).toEqual({ 'webhook success': EXECUTIONS });

		const workers = await workerOfEach(
			cluster,
			records.map((record) => record.id),
		);
		const perWorker: Record<string, number> = {};
		for (const worker of workers.values()) perWorker[worker] = (perWorker[worker] ?? 0) + 1;
		console.log(`[queue] executions per worker: ${JSON.stringify(perWorker)}`);
		expect(Object.keys(perWorker).sort()).toEqual(cluster.state.workers);

		// Each execution ran its nodes once: one price look-up and one product look-up each.
		const succeeded = (entries: LogEntry[]): number => entries.filter((entry) => entry.status === 200).length;
		expect(succeeded(sandbox.server.requests({ service: 'infinigate', method: 'GET', path: '/product-management/v1/pricelist/sku' }))).toBe(EXECUTIONS);
		expect(succeeded(sandbox.server.requests({ service: 'collabor8EqHub', method: 'GET', path: '/legacy/Teknos/100234' }))).toBe(EXECUTIONS);
	});

	test.each([
		['Infinigate', 'infinigate', '/authorization/token'],
		['Collabor8 EqHub', 'collabor8EqHub', '/token'],
	])('%s tokens: at most one per token lifetime and worker, however many executions', (_name, service, tokenPath) => {
		const tokens = sandbox.server.requests({ service, method: 'POST', path: tokenPath });
		const calls = sandbox.server.requests({ service }).filter((entry) => entry.path !== tokenPath);
		const first = Date.parse(tokens[0].time);
		const last = Math.max(...calls.map((entry) => Date.parse(entry.time)));
		// The package renews a token a tenth of its lifetime before it runs out (30 s at most).
		const lifetimeMs = TOKEN_LIFETIME_SECONDS * 1000;
		const renewEveryMs = lifetimeMs - Math.min(30_000, lifetimeMs / 10);
		const lifetimes = Math.floor((last - first) / renewEveryMs) + 1;
		const refused = calls.filter((entry) => entry.status === 401).length;
		console.log(
			`[queue] ${service}: ${tokens.length} token requests for ${calls.length} calls over ${((last - first) / 1000).toFixed(1)} s (${lifetimes} token lifetimes, ${refused} calls refused as expired)`,
		);

		expect(tokens.every((entry) => entry.status < 300)).toBe(true);
		// The burst outlived a token, so renewal was exercised...
		expect(last - first).toBeGreaterThan(lifetimeMs);
		expect(tokens.length).toBeGreaterThanOrEqual(2);
		// ...and n8n's credential store shares each token: no lock spans processes, so each worker may
		// renew once per lifetime, never once per execution.
		expect(tokens.length).toBeLessThanOrEqual(lifetimes * cluster.state.workers.length);
	});
});
