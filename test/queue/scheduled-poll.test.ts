/**
 * A poll on a schedule with two workers running. Triggers run on the main process only; each tick
 * becomes one execution, queued and run by one worker. Until the package has polling triggers of
 * its own, n8n's Schedule Trigger and a Collabor8 Loop list stand in for one: the check that a
 * polling trigger emits each event once belongs here when the triggers exist.
 */
import type { Sandbox } from '../../sandbox';
import { outputItems } from '../support/n8n';
import type { ExecutionRecord } from '../support/queue/client';
import { queueCluster, resetCredentials, startQueueSandbox, workerOfEach } from '../support/queue/suite';
import { SCHEDULE_SECONDS, scheduledListWorkflow } from '../support/queue/workflows';

const ACTIVE_MS = 20_000;
const cluster = queueCluster();

describe('a scheduled poll with two workers (stand-in for polling triggers: Schedule Trigger + Collabor8 Loop list)', () => {
	let sandbox: Sandbox;

	beforeAll(async () => {
		sandbox = await startQueueSandbox();
		await resetCredentials(cluster, sandbox);
	});

	afterAll(async () => {
		await cluster.deactivate(scheduledListWorkflow.id).catch(() => undefined);
		await sandbox?.close();
	});

	test('each tick runs once, on one worker, and polls the service once', async () => {
		expect(await cluster.executions(scheduledListWorkflow.id)).toEqual([]);

		const activeFrom = Date.now();
		await cluster.activate(scheduledListWorkflow.id);
		await new Promise((resolve) => setTimeout(resolve, ACTIVE_MS));
		await cluster.deactivate(scheduledListWorkflow.id);
		const activeFor = Date.now() - activeFrom;
		// n8n applies a deactivation through its publication queue, and a tick may still be on its way
		// to a worker: the executions are all there once two intervals pass without a new one.
		let records: ExecutionRecord[] = [];
		for (;;) {
			await new Promise((resolve) => setTimeout(resolve, 2 * SCHEDULE_SECONDS * 1000));
			const now = await cluster.waitForExecutions({ workflowId: scheduledListWorkflow.id }, 120_000);
			if (now.length === records.length) break;
			records = now;
		}

		console.log(`[queue] schedule active for ${(activeFor / 1000).toFixed(1)} s: ${records.length} executions`);
		expect(records.length).toBeGreaterThanOrEqual(3);
		expect(records.map((record) => `${record.mode} ${record.status}`)).toEqual(records.map(() => 'trigger success'));
		await workerOfEach(
			cluster,
			records.map((record) => record.id),
		);

		// The moment of each tick, as the Schedule Trigger put it out: one execution per tick means
		// consecutive executions are a whole interval apart, never two for the same moment.
		const tickTimes: number[] = [];
		for (const record of records) {
			const run = await cluster.executionRun(record.id);
			tickTimes.push(Date.parse(String(outputItems(run, 'Every few seconds')[0]?.json.timestamp)));
			expect(outputItems(run, 'Latest sales')).toHaveLength(5);
		}
		tickTimes.sort((a, b) => a - b);
		const gaps = tickTimes.slice(1).map((time, index) => time - tickTimes[index]);
		expect(Math.min(...gaps)).toBeGreaterThanOrEqual(SCHEDULE_SECONDS * 1000 - 500);
		expect(sandbox.server.requests({ service: 'collabor8Loop', method: 'GET', path: '/sales' })).toHaveLength(records.length);
	});
});
