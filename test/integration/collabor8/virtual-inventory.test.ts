import { createHash } from 'node:crypto';

import type { INodeExecutionData } from 'n8n-workflow';

import type { Sandbox } from '../../../sandbox';
import { COLLABOR8_ACCOUNTS } from '../../../sandbox/collabor8/gateway';
import { apiRequests, runCollabor8, startCollabor8, tokenRequests } from './helpers';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const IMPORT_BUSY_MS = 700;

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startCollabor8({ importBusyMs: IMPORT_BUSY_MS });
});

afterAll(async () => await sandbox.close());

beforeEach(() => sandbox.server.reset());

function importFile(content = 'PK\u0003\u0004 inventory rows', fileName = 'inventory.xlsx'): INodeExecutionData {
	return {
		json: { note: 'from the ERP' },
		binary: {
			data: { data: Buffer.from(content).toString('base64'), mimeType: XLSX, fileName, fileExtension: 'xlsx' },
		},
	};
}

const upload = { resource: 'inventoryImport', operation: 'upload', binaryPropertyName: 'data' };

const imports = () => sandbox.state.virtualInventory.imports;

function viCalls(): string[] {
	return apiRequests(sandbox, 'virtualInventory').map((entry) => `${entry.method} ${entry.path}`);
}

describe('Collabor8 Virtual Inventory: import status', () => {
	test('the status is read with an Entra ID token for the scope of the environment', async () => {
		const run = await runCollabor8(sandbox, 'virtualInventory', { resource: 'inventoryImport', operation: 'getStatus' });

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual([{ isImportAllowed: true, activeImport: null, lastImport: null }]);
		const [token] = tokenRequests(sandbox, 'virtualInventory');
		expect(token.path).toBe('/4d1df598-ac19-4734-86f0-8a645992dfa1/oauth2/v2.0/token');
		expect(token.contentType).toMatch(/^application\/x-www-form-urlencoded/);
		expect(Object.fromEntries(new URLSearchParams(token.bodyText))).toEqual({
			grant_type: 'client_credentials',
			client_id: COLLABOR8_ACCOUNTS.virtualInventory.clientId,
			client_secret: COLLABOR8_ACCOUNTS.virtualInventory.clientSecret,
			scope: 'api://0729ff68-e706-4979-a2ad-53ac46edcc0a/.default',
		});
		expect(viCalls()).toEqual(['GET /v1/m2m/inventory-import/status']);
	});

	test('while someone imports from the web page, the status says so', async () => {
		sandbox.state.virtualInventory.startWebImport(5000);

		const run = await runCollabor8(sandbox, 'virtualInventory', { resource: 'inventoryImport', operation: 'getStatus' });

		expect(run.json[0]).toMatchObject({ isImportAllowed: false, activeImport: { source: 'web' } });
	});
});

describe('Collabor8 Virtual Inventory: upload', () => {
	test('the upload checks the status first, then sends the file as multipart in the step-by-step mode', async () => {
		const run = await runCollabor8(sandbox, 'virtualInventory', upload, { items: [importFile()] });

		expect(run.error).toBeUndefined();
		expect(viCalls()).toEqual(['GET /v1/m2m/inventory-import/status', 'POST /v1/m2m/inventory-import/StepByStep']);
		const post = apiRequests(sandbox, 'virtualInventory')[1];
		expect(post.contentType).toMatch(/^multipart\/form-data; boundary=/);
		const [received] = imports();
		expect(received).toMatchObject({ importMode: 'StepByStep', fileName: 'inventory.xlsx', contentType: XLSX });
		expect(received.sha256).toBe(createHash('sha256').update('PK\u0003\u0004 inventory rows').digest('hex'));
		expect(run.json[0]).toMatchObject({
			importMode: 'StepByStep',
			importId: received.importId,
			fileName: 'inventory.xlsx',
			fileSize: Buffer.byteLength('PK\u0003\u0004 inventory rows'),
			status: 'WaitingForReview',
		});
		expect(run.outputs[0][0].pairedItem).toEqual({ item: 0 });
	});

	test('"Apply file without feedback" uploads to its own mode, and File Name replaces the name', async () => {
		const run = await runCollabor8(
			sandbox,
			'virtualInventory',
			{ ...upload, importMode: 'applyWithoutFeedback', options: { fileName: 'nightly.xlsx' } },
			{ items: [importFile()] },
		);

		expect(run.error).toBeUndefined();
		expect(viCalls()[1]).toBe('POST /v1/m2m/inventory-import/ApplyWithoutFeedback');
		expect(imports()[0]).toMatchObject({ importMode: 'ApplyWithoutFeedback', fileName: 'nightly.xlsx' });
		expect(run.json[0].status).toBe('Applied');
	});

	test('when import is not allowed, the upload fails clearly and sends no file', async () => {
		sandbox.state.virtualInventory.startWebImport(5000);

		const run = await runCollabor8(sandbox, 'virtualInventory', upload, { items: [importFile()] });

		expect(run.error?.message).toBe('Virtual Inventory does not allow an import right now');
		expect(run.error?.description).toContain('importing from the web page');
		expect(run.error?.description).toContain('Wait Until Allowed');
		expect(viCalls()).toEqual(['GET /v1/m2m/inventory-import/status']);
		expect(imports()).toHaveLength(0);
	});

	test('Wait Until Allowed (a top-level toggle, whole seconds) polls the status until the import is allowed, then uploads', async () => {
		sandbox.state.virtualInventory.startWebImport(1500);

		const run = await runCollabor8(
			sandbox,
			'virtualInventory',
			{ ...upload, waitUntilAllowed: true, pollIntervalSeconds: 1, maxWaitSeconds: 10 },
			{ items: [importFile()] },
		);

		expect(run.error).toBeUndefined();
		const calls = viCalls();
		expect(calls[calls.length - 1]).toBe('POST /v1/m2m/inventory-import/StepByStep');
		expect(calls.filter((call) => call.endsWith('/status')).length).toBeGreaterThanOrEqual(2);
		expect(run.json[0].waitedSeconds).toBeGreaterThanOrEqual(1);
	});

	test('workflows saved with Wait Until Allowed in Options keep waiting: it polls the status until the import is allowed, then uploads', async () => {
		sandbox.state.virtualInventory.startWebImport(600);

		const run = await runCollabor8(
			sandbox,
			'virtualInventory',
			{ ...upload, options: { waitUntilAllowed: true, pollIntervalSeconds: 0.2, maxWaitSeconds: 10 } },
			{ items: [importFile()], typeVersion: 1 },
		);

		expect(run.error).toBeUndefined();
		const calls = viCalls();
		expect(calls[calls.length - 1]).toBe('POST /v1/m2m/inventory-import/StepByStep');
		expect(calls.filter((call) => call.endsWith('/status')).length).toBeGreaterThanOrEqual(3);
		expect(run.json[0].waitedSeconds).toBeGreaterThanOrEqual(0.4);
		expect(imports()).toHaveLength(1);
	});

	test('a workflow saved with version 1 and no waiting options uploads at once, as before', async () => {
		const run = await runCollabor8(sandbox, 'virtualInventory', { ...upload, options: {} }, { items: [importFile()], typeVersion: 1 });

		expect(run.error).toBeUndefined();
		expect(run.json[0].waitedSeconds).toBe(0);
		expect(imports()).toHaveLength(1);
	});

	test('Wait Until Allowed (saved in Options) gives up after Max Wait with a clear message, without uploading', async () => {
		sandbox.state.virtualInventory.startWebImport(10_000);

		const started = Date.now();
		const run = await runCollabor8(
			sandbox,
			'virtualInventory',
			{ ...upload, options: { waitUntilAllowed: true, pollIntervalSeconds: 0.3, maxWaitSeconds: 1 } },
			{ items: [importFile()], typeVersion: 1 },
		);

		expect(Date.now() - started).toBeLessThan(3000);
		expect(run.error?.message).toBe('Virtual Inventory still did not allow an import after 1 s');
		expect(imports()).toHaveLength(0);
	});

	test('two files in one run (saved as version 1, fast polling): the second waits until the import of the first is no longer active', async () => {
		const run = await runCollabor8(
			sandbox,
			'virtualInventory',
			{ ...upload, options: { waitUntilAllowed: true, pollIntervalSeconds: 0.2, maxWaitSeconds: 10 } },
			{ items: [importFile('first'), importFile('second', 'second.xlsx')], typeVersion: 1 },
		);

		expect(run.error).toBeUndefined();
		expect(run.json[0].waitedSeconds).toBe(0);
		expect(run.json[1].waitedSeconds).toBeGreaterThanOrEqual(IMPORT_BUSY_MS / 1000 - 0.3);
		expect(imports().map((record) => record.fileName)).toEqual(['inventory.xlsx', 'second.xlsx']);
	});

	test('the sandbox refuses an upload while an import is active, even if the status was not asked', async () => {
		sandbox.state.virtualInventory.startWebImport(5000);
		const token = await fetch(String(sandbox.credentials.collabor8VirtualInventoryApi.tokenUrl), {
			method: 'POST',
			body: new URLSearchParams({
				grant_type: 'client_credentials',
				client_id: COLLABOR8_ACCOUNTS.virtualInventory.clientId,
				client_secret: COLLABOR8_ACCOUNTS.virtualInventory.clientSecret,
				scope: 'api://0729ff68-e706-4979-a2ad-53ac46edcc0a/.default',
			}),
		});
		const { access_token } = (await token.json()) as { access_token: string };
		const form = new FormData();
		form.append('file', new Blob(['x']), 'x.xlsx');
		const base = String(sandbox.credentials.collabor8VirtualInventoryApi.baseUrl);

		const busy = await fetch(`${base}/v1/m2m/inventory-import/StepByStep`, {
			method: 'POST',
			headers: { Authorization: `Bearer ${access_token}` },
			body: form,
		});
		const notMultipart = await fetch(`${base}/v1/m2m/inventory-import/StepByStep`, {
			method: 'POST',
			headers: { Authorization: `Bearer ${access_token}`, 'Content-Type': 'application/octet-stream' },
			body: 'x',
		});

		expect(busy.status).toBe(409);
		expect(notMultipart.status).toBe(415);
	});

	test('a missing input binary field fails before any request, naming the field', async () => {
		const run = await runCollabor8(sandbox, 'virtualInventory', { ...upload, binaryPropertyName: 'file' }, { items: [importFile()] });

		expect(run.error?.message).toContain('file');
		expect(viCalls()).toEqual([]);
	});

	test('a token refused during the upload is renewed and the whole file is sent again', async () => {
		sandbox.server.addFault({
			service: 'collabor8VirtualInventory',
			method: 'POST',
			path: '/inventory-import/',
			kind: 'status',
			status: 401,
			body: { statusCode: 401, message: 'Unauthorized. Access token is missing or invalid.' },
			times: 1,
		});
		const content = 'PK\u0003\u0004'.padEnd(200_000, 'row;');

		const run = await runCollabor8(sandbox, 'virtualInventory', upload, { items: [importFile(content)] });

		expect(run.error).toBeUndefined();
		expect(tokenRequests(sandbox, 'virtualInventory')).toHaveLength(2);
		const posts = apiRequests(sandbox, 'virtualInventory').filter((entry) => entry.method === 'POST');
		expect(posts.map((entry) => entry.status)).toEqual([401, 200]);
		expect(posts[1].bodyBytes).toBe(posts[0].bodyBytes);
		expect(imports()[0].sha256).toBe(createHash('sha256').update(content).digest('hex'));
	});
});

describe('Collabor8 Virtual Inventory: Max Wait and Poll Interval must be numbers', () => {
	test.each([
		['Poll Interval', { pollIntervalSeconds: 'soon' }, 'Poll Interval (Seconds) must be a number; got "soon" [item 0]'],
		['Poll Interval', { pollIntervalSeconds: '={{ {} }}' }, 'Poll Interval (Seconds) must be a number; got an object ({}) [item 0]'],
		['Poll Interval', { pollIntervalSeconds: 0 }, 'Poll Interval (Seconds) must be at least 0.1; got 0 [item 0]'],
		['Max Wait', { maxWaitSeconds: '={{ true }}' }, 'Max Wait (Seconds) must be a number; got the boolean true [item 0]'],
		['Max Wait', { maxWaitSeconds: '={{ [5] }}' }, 'Max Wait (Seconds) must be a number; got a list ([5]) [item 0]'],
	])('%s %j fails before any request', async (_field, value, message) => {
		const run = await runCollabor8(sandbox, 'virtualInventory', { ...upload, waitUntilAllowed: true, ...value }, { items: [importFile()] });

		expect(run.error?.message).toBe(message);
		expect(viCalls()).toEqual([]);
	});

	test('a non-number saved in Options fails the same way', async () => {
		const run = await runCollabor8(
			sandbox,
			'virtualInventory',
			{ ...upload, options: { waitUntilAllowed: true, pollIntervalSeconds: 'NaN', maxWaitSeconds: 10 } },
			{ items: [importFile()], typeVersion: 1 },
		);

		expect(run.error?.message).toBe('Poll Interval (Seconds) must be a number; got "NaN" [item 0]');
		expect(viCalls()).toEqual([]);
	});
});

describe('Collabor8 Virtual Inventory: guesses the user corrects in API Overrides', () => {
	test('an address that answers "not found" says which credential field corrects it', async () => {
		const baseUrl = String(sandbox.credentials.collabor8VirtualInventoryApi.baseUrl).replace('/virtual-inventory-api', '/vi-api');

		const run = await runCollabor8(sandbox, 'virtualInventory', { resource: 'inventoryImport', operation: 'getStatus' }, { credentials: { baseUrl } });

		expect(run.error?.httpCode).toBe('404');
		expect(run.error?.description).toContain('correct API Path of the Collabor8 Virtual Inventory API credential');
		expect(run.error?.description).not.toMatch(/\bpath\b/);
	});

	test('Step by Step Mode Value changes the mode sent', async () => {
		const run = await runCollabor8(sandbox, 'virtualInventory', { ...upload, apiOverrides: { stepByStepModeValue: 'stepbystep' } }, { items: [importFile()] });

		expect(run.error).toBeUndefined();
		expect(viCalls()[1]).toBe('POST /v1/m2m/inventory-import/stepbystep');
	});

	test('No Feedback Mode Value changes the mode sent; a value the service does not know is refused by it', async () => {
		const run = await runCollabor8(
			sandbox,
			'virtualInventory',
			{ ...upload, importMode: 'applyWithoutFeedback', apiOverrides: { applyWithoutFeedbackModeValue: 'Apply' } },
			{ items: [importFile()] },
		);

		expect(run.error?.httpCode).toBe('400');
		expect(viCalls()[1]).toBe('POST /v1/m2m/inventory-import/Apply');
		expect(imports()).toHaveLength(0);
	});

	test('Upload Field Name changes the name the file is sent under: the sandbox, which expects "file", no longer finds it', async () => {
		const run = await runCollabor8(sandbox, 'virtualInventory', { ...upload, apiOverrides: { fileFieldName: 'importFile' } }, { items: [importFile()] });

		expect(run.error?.httpCode).toBe('400');
		expect(run.error?.message).toBe('Collabor8 Virtual Inventory: One or more validation errors occurred.');
		expect(imports()).toHaveLength(0);
		const withGuess = await runCollabor8(sandbox, 'virtualInventory', { ...upload, apiOverrides: { fileFieldName: 'file' } }, { items: [importFile()] });
		expect(withGuess.error).toBeUndefined();
		expect(imports()).toHaveLength(1);
	});

	test('File Type If Unknown is the type sent with a file that does not say its own', async () => {
		const untyped = importFile();
		untyped.binary!.data.mimeType = 'application/octet-stream';
		sandbox.state.virtualInventory.importBusyMs = 0;

		const run = await runCollabor8(sandbox, 'virtualInventory', { ...upload, apiOverrides: { fileType: 'text/csv' } }, { items: [untyped] });
		const withGuess = await runCollabor8(sandbox, 'virtualInventory', upload, { items: [untyped] });

		expect(run.error).toBeUndefined();
		expect(withGuess.error).toBeUndefined();
		expect(imports().map((record) => record.contentType)).toEqual(['text/csv', XLSX]);
	});
});
