/**
 * Version 1.2 keeps the overrides of guesses in API Overrides, apart from real options: set there,
 * they correct the call against a sandbox that reads the guides differently, and errors name them
 * there. The same values in Options still work for a workflow saved with version 1.1.
 */
import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import type { Sandbox } from '../../../sandbox';
import { DISAGREEING as EQHUB } from '../../../sandbox/collabor8/eqhub/inventions';
import { DISAGREEING as LOOP } from '../../../sandbox/collabor8/loop/inventions';
import { DISAGREEING as VI, READING as VI_READING } from '../../../sandbox/collabor8/virtual-inventory/inventions';
import { runCollabor8, startCollabor8 } from './helpers';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startCollabor8({ inventions: 'disagree', importBusyMs: 0 });
});

afterAll(async () => {
	await sandbox.close();
});

beforeEach(() => sandbox.server.reset());

const PRODUCT_ID = '3f6d2c1a-8b4e-4f2a-9c7d-1e5b6a7c8d90';

describe('Collabor8 EqHub 1.2: API Overrides → Product Details Address', () => {
	const get = (parameters: INodeParameters, typeVersion: number) =>
		runCollabor8(sandbox, 'eqhub', { resource: 'product', operation: 'get', eqhubProductId: PRODUCT_ID, simplify: false, ...parameters }, { typeVersion });

	test('the guessed address fails naming API Overrides; the override there serves the product', async () => {
		const guessed = await get({}, 1.2);
		expect(guessed.error?.description).toContain('API Overrides → Product Details Address');
		expect(guessed.error?.description).not.toContain('set Options →');

		const corrected = await get({ apiOverrides: { productDetailsEndpoint: EQHUB.productDetailsPath } }, 1.2);
		expect(corrected.error).toBeUndefined();
		expect(corrected.json[0]).toMatchObject({ data: { data: { eqhubProductId: PRODUCT_ID } } });
	});

	test('a workflow saved with 1.1 keeps its override in Options', async () => {
		const corrected = await get({ options: { productDetailsEndpoint: EQHUB.productDetailsPath } }, 1.1);
		expect(corrected.error).toBeUndefined();
		expect(corrected.json[0]).toMatchObject({ data: { data: { eqhubProductId: PRODUCT_ID } } });
	});
});

describe('Collabor8 Loop 1.2: API Overrides → Sale Address', () => {
	const get = (parameters: INodeParameters, typeVersion: number) =>
		runCollabor8(sandbox, 'loop', { resource: 'sale', operation: 'get', saleId: 'sale-0001', ...parameters }, { typeVersion });

	test('the guessed address fails naming API Overrides; the override there serves the sale', async () => {
		const guessed = await get({}, 1.2);
		expect(guessed.error?.description).toContain('API Overrides → Sale Address');

		const corrected = await get({ apiOverrides: { saleEndpoint: LOOP.salePath } }, 1.2);
		expect(corrected.error).toBeUndefined();
		expect(corrected.json[0]).toMatchObject({ id: 'sale-0001' });
	});

	test('an override left in Options by mistake is not read by 1.2', async () => {
		const misplaced = await get({ options: { saleEndpoint: LOOP.salePath } }, 1.2);
		expect(misplaced.error?.description).toContain('API Overrides → Sale Address');
	});

	test('a workflow saved with 1.1 keeps its override in Options', async () => {
		const corrected = await get({ options: { saleEndpoint: LOOP.salePath } }, 1.1);
		expect(corrected.error).toBeUndefined();
		expect(corrected.json[0]).toMatchObject({ id: 'sale-0001' });
	});
});

describe('Collabor8 Virtual Inventory 1.2: Upload, API Overrides', () => {
	const importFile: INodeExecutionData = {
		json: {},
		binary: { data: { data: Buffer.from('\u00d0\u00cf\u0011\u00e0 inventory rows').toString('base64'), mimeType: 'application/vnd.ms-excel', fileName: 'inventory.xls', fileExtension: 'xls' } },
	};
	// Step by Step is the default Import Mode: none is given.
	const upload = (parameters: INodeParameters) =>
		runCollabor8(
			sandbox,
			'virtualInventory',
			{ resource: 'inventoryImport', operation: 'upload', binaryPropertyName: 'data', ...parameters },
			{ items: [importFile], typeVersion: 1.2, credentials: { baseUrl: String(sandbox.credentials.collabor8VirtualInventoryApi.baseUrl).replace(VI_READING.apiPath, VI.apiPath) } },
		);

	test('the guessed upload field is refused naming API Overrides; the overrides there upload the file', async () => {
		const guessed = await upload({ apiOverrides: { stepByStepModeValue: VI.stepByStepModeValue } });
		expect(guessed.error?.httpCode).toBe('400');
		expect(guessed.error?.description).toContain('API Overrides → Step by Step Mode Value, Upload Field Name or File Type If Unknown');
		expect(sandbox.state.virtualInventory.imports).toHaveLength(0);

		const corrected = await upload({ apiOverrides: { stepByStepModeValue: VI.stepByStepModeValue, fileFieldName: VI.uploadFieldName } });
		expect(corrected.error).toBeUndefined();
		expect(sandbox.state.virtualInventory.imports).toHaveLength(1);
	});
});
