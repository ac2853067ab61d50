/**
 * A file that crosses processes: posted to a webhook of the main process, uploaded to Virtual
 * Inventory by a worker. Queue mode needs a place for files that every process reaches; n8n's
 * `filesystem` mode writes them into the receiving process's own folder (the worker then fails
 * with "File not found") and `s3` needs a licence, so the cluster uses `database`: the file is kept
 * in PostgreSQL, which main and workers share.
 */
import { createHash, randomBytes } from 'node:crypto';

import type { Sandbox } from '../../sandbox';
import { queueCluster, resetCredentials, startQueueSandbox, workerOfEach } from '../support/queue/suite';
import { UPLOAD_PATH, uploadWorkflow } from '../support/queue/workflows';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const cluster = queueCluster();

describe('binary data in queue mode (mode: database)', () => {
	let sandbox: Sandbox;

	beforeAll(async () => {
		sandbox = await startQueueSandbox();
		await resetCredentials(cluster, sandbox);
	});

	afterAll(async () => {
		await sandbox?.close();
	});

	test('a 3 MB file posted to the main process reaches Virtual Inventory, byte for byte, through a worker', async () => {
		const file = randomBytes(3 * 1024 * 1024);
		const form = new FormData();
		form.append('file', new Blob([file], { type: XLSX }), 'stock-count.xlsx');
		const before = new Set((await cluster.executions(uploadWorkflow.id)).map((record) => record.id));

		const response = await fetch(`${cluster.state.url}/webhook/${UPLOAD_PATH}`, { method: 'POST', body: form });

		const answer = (await response.json()) as Record<string, unknown>;
		expect({ status: response.status, answer }).toEqual({
			status: 200,
			answer: expect.objectContaining({ fileName: 'stock-count.xlsx', fileSize: file.length, status: 'WaitingForReview' }),
		});
		expect(sandbox.state.virtualInventory.imports).toEqual([
			expect.objectContaining({ fileName: 'stock-count.xlsx', fileSize: file.length, sha256: createHash('sha256').update(file).digest('hex') }),
		]);

		const records = (await cluster.executions(uploadWorkflow.id)).filter((record) => !before.has(record.id));
		expect(records.map((record) => `${record.mode} ${record.status}`)).toEqual(['webhook success']);
		const [id] = records.map((record) => record.id);
		const workers = await workerOfEach(cluster, [id]);
		expect(cluster.state.workers).toContain(workers.get(id));

		// The main process stored the posted file in PostgreSQL; the worker read it from there.
		const run = await cluster.executionRun(id);
		const posted = run.data.resultData.runData.Webhook[0].data?.main?.[0]?.[0]?.binary?.file;
		expect(String(posted?.id)).toMatch(/^database:[0-9a-f-]{36}$/);
		const fileId = String(posted?.id).slice('database:'.length);
		expect(await cluster.sql(`SELECT "fileSize", "fileName" FROM binary_data WHERE "fileId" = '${fileId}'`)).toEqual([
			`${file.length}|stock-count.xlsx`,
		]);
	});
});
