/**
 * Every guess a user can correct in the Collabor8 nodes and credentials, against a sandbox that
 * reads the guides differently (its DISAGREEING inventions): with the guess, the item fails naming
 * the field that corrects it; with that field set to the sandbox's reading, it passes. The other
 * corrections of the same call are set, so that each test shows one field at work. The nodes run as
 * version 1.2 (API Overrides); one test per node shows that Options still correct a workflow saved
 * with version 1.1.
 */
import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import type { Sandbox } from '../../../sandbox';
import { DISAGREEING as EQHUB } from '../../../sandbox/collabor8/eqhub/inventions';
import { DISAGREEING as LOOP } from '../../../sandbox/collabor8/loop/inventions';
import { DISAGREEING as VI, READING as VI_READING } from '../../../sandbox/collabor8/virtual-inventory/inventions';
import { apiRequests, runCollabor8, startCollabor8 } from './helpers';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startCollabor8({ inventions: 'disagree', importBusyMs: 0 });
});

afterAll(async () => {
	await sandbox.close();
});

beforeEach(() => sandbox.server.reset());

/** The corrections of a call but one. */
function withoutKey<T extends object>(corrections: T, key: keyof T): Partial<T> {
	return Object.fromEntries(Object.entries(corrections).filter(([name]) => name !== key)) as Partial<T>;
}

const WRONG_ADDRESS = 'This is a wrong address, not "nothing found": correct';

describe('Collabor8 EqHub: API Overrides → Product Details Address', () => {
	test('the guessed address fails, naming the override; the sandbox\'s address serves the product', async () => {
		const get = (apiOverrides: INodeParameters) =>
			runCollabor8(sandbox, 'eqhub', { resource: 'product', operation: 'get', eqhubProductId: '3f6d2c1a-8b4e-4f2a-9c7d-1e5b6a7c8d90', simplify: false, apiOverrides });

		const guessed = await get({});
		expect(guessed.error?.httpCode).toBe('404');
		expect(guessed.error?.description).toContain(`${WRONG_ADDRESS} API Overrides → Product Details Address.`);
		expect(guessed.error?.description).not.toContain('set Options →');

		const corrected = await get({ productDetailsEndpoint: EQHUB.productDetailsPath });
		expect(corrected.error).toBeUndefined();
		expect(corrected.json[0]).toMatchObject({ data: { data: { eqhubProductId: '3f6d2c1a-8b4e-4f2a-9c7d-1e5b6a7c8d90' } } });
	});
});

describe('Collabor8 Loop: Sale → Get, API Overrides → Sale Address', () => {
	test('the guessed address fails, naming the override; the sandbox\'s address serves the sale', async () => {
		const get = (apiOverrides: INodeParameters) => runCollabor8(sandbox, 'loop', { resource: 'sale', operation: 'get', saleId: 'sale-0001', apiOverrides });

		const guessed = await get({});
		expect(guessed.error?.description).toContain(`${WRONG_ADDRESS} API Overrides → Sale Address.`);

		const corrected = await get({ saleEndpoint: LOOP.salePath });
		expect(corrected.error).toBeUndefined();
		expect(corrected.json[0]).toMatchObject({ id: 'sale-0001' });
	});

	test('an override left in Options by mistake is not read by 1.2', async () => {
		const misplaced = await runCollabor8(sandbox, 'loop', { resource: 'sale', operation: 'get', saleId: 'sale-0001', options: { saleEndpoint: LOOP.salePath } });
		expect(misplaced.error?.description).toContain('API Overrides → Sale Address');
	});
});

describe('Collabor8 Loop: Sale → Update Status', () => {
	const corrections = { statusEndpoint: LOOP.statusPath, statusMethod: LOOP.statusMethod, statusBodyField: LOOP.statusBodyField };
	const update = (apiOverrides: INodeParameters) =>
		runCollabor8(sandbox, 'loop', { resource: 'sale', operation: 'updateStatus', saleId: 'sale-0002', status: 'sold', apiOverrides });

	test.each([
		['Status Address', 'statusEndpoint', '404', `${WRONG_ADDRESS} API Overrides → Status Address and Status Method.`],
		['Status Method', 'statusMethod', '405', `${WRONG_ADDRESS} API Overrides → Status Address and Status Method.`],
		['Status Body Field', 'statusBodyField', '400', 'API Overrides → Status Body Field.'],
	] as const)('API Overrides → %s: the guess fails, naming the override; the sandbox\'s reading updates the sale', async (_field, option, httpCode, hint) => {
		const others = withoutKey(corrections, option);
		const guessed = await update(others);
		expect(guessed.error?.httpCode).toBe(httpCode);
		expect(guessed.error?.description).toContain(hint);
		expect(sandbox.state.loop.sale('sale-0002')?.status).not.toBe('sold');

		const corrected = await update(corrections);
		expect(corrected.error).toBeUndefined();
		expect(sandbox.state.loop.sale('sale-0002')?.status).toBe('sold');
	});
});

describe('Collabor8 Loop: Sale → Update Status, Status', () => {
	test('a guessed status value is refused, naming the field; a value of the sandbox\'s list updates the sale', async () => {
		const apiOverrides = { statusEndpoint: LOOP.statusPath, statusMethod: LOOP.statusMethod, statusBodyField: LOOP.statusBodyField };
		const update = (status: string) => runCollabor8(sandbox, 'loop', { resource: 'sale', operation: 'updateStatus', saleId: 'sale-0003', status, apiOverrides });

		const guessed = await update('published');
		expect(guessed.error?.httpCode).toBe('400');
		expect(guessed.error?.description).toContain('set Status (any value Loop names, as an expression)');

		const listed = LOOP.saleStatuses.find((status) => !['draft', 'published', 'reserved', 'sold', 'cancelled'].includes(status))!;
		const corrected = await update(listed);
		expect(corrected.error).toBeUndefined();
		expect(sandbox.state.loop.sale('sale-0003')?.status).toBe(listed);
	});
});

describe('Collabor8 Loop: Item → Create', () => {
	const corrections = { itemEndpoint: LOOP.itemPath, itemMethod: LOOP.itemMethod };
	const create = (apiOverrides: INodeParameters) =>
		runCollabor8(sandbox, 'loop', { resource: 'item', operation: 'create', description: 'Surplus valve DN50', apiOverrides });

	test.each([
		['Item Address', 'itemEndpoint', '404'],
		['Item Method', 'itemMethod', '405'],
	] as const)('API Overrides → %s: the guess fails, naming the override; the sandbox\'s reading creates the item', async (_field, option, httpCode) => {
		const others = withoutKey(corrections, option);
		const guessed = await create(others);
		expect(guessed.error?.httpCode).toBe(httpCode);
		expect(guessed.error?.description).toContain(`${WRONG_ADDRESS} API Overrides → Item Address and Item Method.`);
		expect(sandbox.state.loop.items).toHaveLength(0);

		const corrected = await create(corrections);
		expect(corrected.error).toBeUndefined();
		expect(sandbox.state.loop.items).toHaveLength(1);
	});
});

describe('Collabor8 Loop: Sale → Get Many', () => {
	const sales = () => apiRequests(sandbox, 'loop', /^\/sales$/);

	test('API Overrides → Page Size: the guessed size is refused, naming the override; the sandbox\'s size reads every sale', async () => {
		const guessed = await runCollabor8(sandbox, 'loop', { resource: 'sale', operation: 'getMany', returnAll: true });
		expect(guessed.error?.httpCode).toBe('400');
		expect(guessed.error?.description).toContain('set API Overrides → Page Size.');

		const corrected = await runCollabor8(sandbox, 'loop', { resource: 'sale', operation: 'getMany', returnAll: true, apiOverrides: { pageSize: LOOP.maxPageSize } });
		expect(corrected.error).toBeUndefined();
		expect(corrected.json).toHaveLength(sandbox.state.loop.sales.length);
	});

	test('API Overrides → Total Fields: with the guess, paging asks for a page past the end; with the sandbox\'s field it stops at the total', async () => {
		sandbox.state.loop.replaceSales(LOOP.maxPageSize * 2);
		const list = (apiOverrides: INodeParameters) =>
			runCollabor8(sandbox, 'loop', {
				resource: 'sale',
				operation: 'getMany',
				returnAll: true,
				options: { countQueries: true },
				apiOverrides: { pageSize: LOOP.maxPageSize, ...apiOverrides },
			});

		const guessed = await list({});
		expect(guessed.json).toHaveLength(LOOP.maxPageSize * 2);
		expect(sales()).toHaveLength(3);
		sandbox.server.log.length = 0;

		const corrected = await list({ totalFields: LOOP.totalField });
		expect(corrected.json).toHaveLength(LOOP.maxPageSize * 2);
		expect(sales()).toHaveLength(2);
	});
});

describe('Collabor8 Virtual Inventory', () => {
	const XLS = 'application/vnd.ms-excel';
	const credentialBase = () => String(sandbox.credentials.collabor8VirtualInventoryApi.baseUrl);
	const correctedBase = () => credentialBase().replace(VI_READING.apiPath, VI.apiPath);

	function importFile(mimeType: string): INodeExecutionData {
		return {
			json: {},
			binary: { data: { data: Buffer.from('\u00d0\u00cf\u0011\u00e0 inventory rows').toString('base64'), mimeType, fileName: 'inventory.xls', fileExtension: 'xls' } },
		};
	}

	test('credential API Path (Base URL for Custom): the guessed path fails, naming it; the sandbox\'s path answers', async () => {
		const status = (baseUrl: string) =>
			runCollabor8(sandbox, 'virtualInventory', { resource: 'inventoryImport', operation: 'getStatus' }, { credentials: { baseUrl } });

		const guessed = await status(credentialBase());
		expect(guessed.error?.httpCode).toBe('404');
		expect(guessed.error?.description).toContain(`${WRONG_ADDRESS} API Path of the Collabor8 Virtual Inventory API credential`);

		const corrected = await status(correctedBase());
		expect(corrected.error).toBeUndefined();
		expect(corrected.json[0]).toMatchObject({ isImportAllowed: true });
	});

	const upload = (importMode: string, apiOverrides: INodeParameters, mimeType = XLS) =>
		runCollabor8(
			sandbox,
			'virtualInventory',
			{ resource: 'inventoryImport', operation: 'upload', binaryPropertyName: 'data', importMode, apiOverrides },
			{ items: [importFile(mimeType)], credentials: { baseUrl: correctedBase() } },
		);

	test.each([
		['Step by Step Mode Value', 'stepByStep', { fileFieldName: VI.uploadFieldName }, { stepByStepModeValue: VI.stepByStepModeValue }, XLS],
		['No Feedback Mode Value', 'applyWithoutFeedback', { fileFieldName: VI.uploadFieldName }, { applyWithoutFeedbackModeValue: VI.applyWithoutFeedbackModeValue }, XLS],
		['Upload Field Name', 'stepByStep', { stepByStepModeValue: VI.stepByStepModeValue }, { fileFieldName: VI.uploadFieldName }, XLS],
		// A file that does not say its own type is sent with File Type If Unknown.
		['File Type If Unknown', 'stepByStep', { stepByStepModeValue: VI.stepByStepModeValue, fileFieldName: VI.uploadFieldName }, { fileType: VI.acceptedFileType }, 'application/octet-stream'],
	])('Upload, API Overrides → %s: the guess is refused, naming the override; the sandbox\'s reading uploads the file', async (field, importMode, others, correction, mimeType) => {
		const guessed = await upload(importMode, others, mimeType);
		expect(guessed.error?.httpCode).toBe('400');
		expect(guessed.error?.description).toContain(field);
		expect(guessed.error?.description).toContain('API Overrides → ');
		expect(sandbox.state.virtualInventory.imports).toHaveLength(0);

		const corrected = await upload(importMode, { ...others, ...correction }, mimeType);
		expect(corrected.error).toBeUndefined();
		expect(sandbox.state.virtualInventory.imports).toHaveLength(1);
	});

	test('Upload with no Import Mode given (Step by Step by default): the refusal names the three overrides it may come from', async () => {
		const uploadByDefault = (apiOverrides: INodeParameters) =>
			runCollabor8(
				sandbox,
				'virtualInventory',
				{ resource: 'inventoryImport', operation: 'upload', binaryPropertyName: 'data', apiOverrides },
				{ items: [importFile(XLS)], credentials: { baseUrl: correctedBase() } },
			);

		const guessed = await uploadByDefault({ stepByStepModeValue: VI.stepByStepModeValue });
		expect(guessed.error?.httpCode).toBe('400');
		expect(guessed.error?.description).toContain('API Overrides → Step by Step Mode Value, Upload Field Name or File Type If Unknown');
		expect(sandbox.state.virtualInventory.imports).toHaveLength(0);

		const corrected = await uploadByDefault({ stepByStepModeValue: VI.stepByStepModeValue, fileFieldName: VI.uploadFieldName });
		expect(corrected.error).toBeUndefined();
		expect(sandbox.state.virtualInventory.imports).toHaveLength(1);
	});
});

describe('Workflows saved with version 1.1: the guesses they correct in Options still hold', () => {
	test('EqHub, Options → Product Details Address: the guess fails, naming the option; the sandbox\'s address serves the product', async () => {
		const get = (options: INodeParameters) =>
			runCollabor8(
				sandbox,
				'eqhub',
				{ resource: 'product', operation: 'get', eqhubProductId: '3f6d2c1a-8b4e-4f2a-9c7d-1e5b6a7c8d90', simplify: false, options },
				{ typeVersion: 1.1 },
			);

		const guessed = await get({});
		expect(guessed.error?.httpCode).toBe('404');
		expect(guessed.error?.description).toContain(`${WRONG_ADDRESS} Options → Product Details Address.`);

		const corrected = await get({ productDetailsEndpoint: EQHUB.productDetailsPath });
		expect(corrected.error).toBeUndefined();
		expect(corrected.json[0]).toMatchObject({ data: { data: { eqhubProductId: '3f6d2c1a-8b4e-4f2a-9c7d-1e5b6a7c8d90' } } });
	});

	test('Loop, Options → Sale Address: the guess fails, naming the option; the sandbox\'s address serves the sale', async () => {
		const get = (options: INodeParameters) =>
			runCollabor8(sandbox, 'loop', { resource: 'sale', operation: 'get', saleId: 'sale-0001', options }, { typeVersion: 1.1 });

		const guessed = await get({});
		expect(guessed.error?.description).toContain(`${WRONG_ADDRESS} Options → Sale Address.`);

		const corrected = await get({ saleEndpoint: LOOP.salePath });
		expect(corrected.error).toBeUndefined();
		expect(corrected.json[0]).toMatchObject({ id: 'sale-0001' });
	});

	test('Virtual Inventory, Options → Upload Field Name: the guess is refused, naming the option; the sandbox\'s name uploads the file', async () => {
		const baseUrl = String(sandbox.credentials.collabor8VirtualInventoryApi.baseUrl).replace(VI_READING.apiPath, VI.apiPath);
		const file: INodeExecutionData = {
			json: {},
			binary: { data: { data: Buffer.from('\u00d0\u00cf\u0011\u00e0 inventory rows').toString('base64'), mimeType: 'application/vnd.ms-excel', fileName: 'inventory.xls', fileExtension: 'xls' } },
		};
		const upload = (options: INodeParameters) =>
			runCollabor8(
				sandbox,
				'virtualInventory',
				{ resource: 'inventoryImport', operation: 'upload', binaryPropertyName: 'data', importMode: 'stepByStep', options },
				{ items: [file], credentials: { baseUrl }, typeVersion: 1.1 },
			);

		const guessed = await upload({ stepByStepModeValue: VI.stepByStepModeValue });
		expect(guessed.error?.httpCode).toBe('400');
		expect(guessed.error?.description).toContain('Options → Step by Step Mode Value, Upload Field Name');
		expect(guessed.error?.description).not.toContain('API Overrides');
		expect(sandbox.state.virtualInventory.imports).toHaveLength(0);

		const corrected = await upload({ stepByStepModeValue: VI.stepByStepModeValue, fileFieldName: VI.uploadFieldName });
		expect(corrected.error).toBeUndefined();
		expect(sandbox.state.virtualInventory.imports).toHaveLength(1);
	});
});
