/**
 * A 50 MB import file, kept by n8n on disk (filesystem binary mode, n8n's default): the node must
 * read it through n8n's binary helpers, since the item itself holds only a reference.
 */
import { createHash, randomBytes } from 'node:crypto';

import type { IBinaryData } from 'n8n-workflow';

import type { Sandbox } from '../../../sandbox';
import { apiRequests, runCollabor8, startCollabor8 } from './helpers';
// After the helpers, which set up n8n-core's environment (user folder) before it is loaded.
import { Container } from '@n8n/di';
import { BinaryDataService } from 'n8n-core';

const SIZE = 50 * 1024 * 1024;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let sandbox: Sandbox;
let file: Buffer;
let stored: IBinaryData;

beforeAll(async () => {
	sandbox = await startCollabor8({ importBusyMs: 200 });
	const binaryData = Container.get(BinaryDataService);
	await binaryData.init();
	file = randomBytes(SIZE);
	stored = await binaryData.store({ type: 'execution', workflowId: 'test', executionId: 'large-file' }, file, {
		data: '',
		mimeType: XLSX,
		fileName: 'full-inventory.xlsx',
		fileExtension: 'xlsx',
	});
}, 30_000);

afterAll(async () => await sandbox.close());

test('a 50 MB file kept on disk by n8n uploads whole, in seconds', async () => {
	expect(stored.id).toMatch(/^filesystem/);
	expect(stored.data).not.toBe(file.toString('base64'));

	const started = Date.now();
	const run = await runCollabor8(
		sandbox,
		'virtualInventory',
		{ resource: 'inventoryImport', operation: 'upload', binaryPropertyName: 'data' },
		{ items: [{ json: {}, binary: { data: stored } }] },
	);
	const elapsedMs = Date.now() - started;

	expect(run.error).toBeUndefined();
	expect(run.json[0]).toMatchObject({ fileName: 'full-inventory.xlsx', fileSize: SIZE });
	const [received] = sandbox.state.virtualInventory.imports;
	expect(received.fileSize).toBe(SIZE);
	expect(received.sha256).toBe(createHash('sha256').update(file).digest('hex'));
	const post = apiRequests(sandbox, 'virtualInventory').find((entry) => entry.method === 'POST');
	expect(post?.bodyBytes).toBeGreaterThan(SIZE);
	expect(elapsedMs).toBeLessThan(20_000);
}, 60_000);
