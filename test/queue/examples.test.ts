/**
 * Every workflow of examples/ that a person runs from the editor, in queue mode: started through the
 * main process as the editor's "Execute workflow" does, run by a worker, with the same checks as in
 * a single n8n. Files in the output are read through the main process: in queue mode n8n keeps them
 * in PostgreSQL. The examples that start by themselves (polling triggers) are in
 * polling-triggers.test.ts.
 */
import type { Sandbox } from '../../sandbox';
import { loadExamples, startsByItself } from '../support/examples';
import { resetSandbox } from '../support/sandbox-data';
import { EXPECTATIONS } from '../e2e/expectations';
import { secretValues } from '../support/e2e';
import { queueCluster, resetCredentials, startQueueSandbox, workerOfEach } from '../support/queue/suite';

const examples = loadExamples().filter((example) => !startsByItself(example.workflow));
const cluster = queueCluster();

describe('the example workflows in queue mode', () => {
	let sandbox: Sandbox;
	const ranBy = new Map<string, string>();

	beforeAll(async () => {
		sandbox = await startQueueSandbox();
	});

	afterAll(async () => {
		await sandbox?.close();
	});

	describe.each(examples.map((example) => [example.workflow.name, example] as const))('%s', (_name, example) => {
		const expectation = EXPECTATIONS[example.slug];

		test(`runs on a worker and ${expectation?.does ?? 'has checks in test/e2e/expectations'}`, async () => {
			if (!expectation || !('check' in expectation)) throw new Error(`${example.slug} has no run checks in test/e2e/expectations`);
			resetSandbox(sandbox);
			await resetCredentials(cluster, sandbox);
			await expectation.before?.(sandbox);
			const trigger = example.workflow.nodes.find((node) => node.type === 'n8n-nodes-base.manualTrigger');
			expect(trigger).toBeDefined();

			const id = await cluster.runManually(example.workflow.id, trigger!.name);
			const [record] = await cluster.waitForExecutions({ ids: [id] }, 300_000);
			const run = await cluster.executionRun(id);

			expect({ status: record.status, error: run.data.resultData.error?.message }).toEqual({ status: 'success', error: undefined });
			expect(record.mode).toBe('manual');
			await expectation.check(run, sandbox, await cluster.binaryReader(run));
			const workers = await workerOfEach(cluster, [id]);
			ranBy.set(example.slug, workers.get(id)!);
		});
	});

	test('no secret of the credentials appears in what any process of the cluster printed', () => {
		const secrets = secretValues(sandbox.credentials);
		expect(secrets.length).toBeGreaterThan(0);
		for (const process of cluster.state.processes) {
			const output = cluster.output(process.name);
			expect(output.length).toBeGreaterThan(0);
			for (const secret of secrets) expect(output.includes(secret) ? `${process.name} printed a secret` : 'clean').toBe('clean');
		}
		console.log(`[queue] examples run by: ${[...ranBy].map(([slug, worker]) => `${slug} → ${worker}`).join(', ')}`);
	});
});
