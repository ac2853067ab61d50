/**
 * A corpus of bad input for every Collabor8 operation that takes input. Each value reaches the node
 * from an input item through an expression, as values from spreadsheets and other nodes do. A
 * value the node cannot use fails that item with an error naming the field and the item, before
 * any request; a value it can use (odd characters in an ID) is sent inside its own part of the
 * address, which the sandbox's request log shows.
 */
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import type { Sandbox } from '../../../sandbox';
import { sandboxProducts } from '../../../sandbox/collabor8/eqhub/data';
import type { Collabor8Product } from './helpers';
import { apiRequests, runCollabor8, startCollabor8 } from './helpers';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startCollabor8();
});

afterAll(async () => await sandbox.close());

beforeEach(() => sandbox.server.reset());

const FROM_ITEM = '={{ $json.value }}';

/** Values no field of these nodes can use. */
const UNUSABLE: Array<[string, unknown]> = [
	['empty', ''],
	['whitespace', '  \t '],
	['100 KB', 'x'.repeat(100 * 1024)],
	['a lone surrogate', 'ab\uD800c'],
	['an object', { id: 'sale-0001' }],
	['an array', ['sale-0001', 'sale-0002']],
	['a boolean', true],
	['null', null],
];

/** Values made only of dots: usable as text, never as a part of an address. */
const DOTS: Array<[string, unknown]> = [
	['.', '.'],
	['..', '..'],
];

/** Values with characters that mean something in an address: usable, but only encoded. */
const ODD: Array<[string, string]> = [
	['../', '../'],
	['?', '?'],
	['#', '#'],
	['%2F', '%2F'],
	['CR/LF', 'a\r\nb'],
	['Unicode', 'Pümpe-💧'],
];

interface IdCase {
	name: string;
	product: Collabor8Product;
	field: string;
	parameters: (value: string) => INodeParameters;
	/** The path of the request that carries the value, with `{}` where the value goes. */
	template: string;
}

const pump = sandboxProducts()[0];

const ID_CASES: IdCase[] = [
	{
		name: 'EqHub Get',
		product: 'eqhub',
		field: 'EqHub Product ID',
		parameters: (value) => ({ resource: 'product', operation: 'get', eqhubProductId: value }),
		template: '/product-details/{}',
	},
	{
		name: 'EqHub Get by TEK Number',
		product: 'eqhub',
		field: 'Product ID (TEK Number)',
		parameters: (value) => ({ resource: 'product', operation: 'getLegacy', legacyId: value }),
		template: '/legacy/Teknos/{}',
	},
	{
		name: 'EqHub Download Image (product)',
		product: 'eqhub',
		field: 'EqHub Product ID',
		parameters: (value) => ({ resource: 'product', operation: 'downloadImage', eqhubProductId: value, image: 'main' }),
		template: '/product-details/{}',
	},
	{
		name: 'EqHub Download Image (image ID)',
		product: 'eqhub',
		field: 'Image ID',
		parameters: (value) => ({
			resource: 'product',
			operation: 'downloadImage',
			eqhubProductId: pump.eqhubProductId,
			image: 'byId',
			imageUuid: value,
		}),
		template: `/product-details/${pump.eqhubProductId}/image/{}`,
	},
	{
		name: 'Loop Get (By ID)',
		product: 'loop',
		field: 'Sale ID',
		parameters: (value) => ({ resource: 'sale', operation: 'get', saleId: { __rl: true, mode: 'id', value } }),
		template: '/sales/{}',
	},
	{
		name: 'Loop Get (a plain value saved before Sale ID was a list)',
		product: 'loop',
		field: 'Sale ID',
		parameters: (value) => ({ resource: 'sale', operation: 'get', saleId: value }),
		template: '/sales/{}',
	},
	{
		name: 'Loop Update Status',
		product: 'loop',
		field: 'Sale ID',
		parameters: (value) => ({ resource: 'sale', operation: 'updateStatus', saleId: { __rl: true, mode: 'id', value }, status: 'sold' }),
		template: '/sales/{}/status',
	},
];

function fromItem(value: unknown): Array<IDataObject | INodeExecutionData> {
	return [{ value } as IDataObject];
}

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function expectInputError(message: string | undefined, field: string): void {
	expect(message).toMatch(new RegExp(`^${escapeRegExp(field)} .+ \\[item 0\\]$`, 's'));
	expect((message ?? '').length).toBeLessThan(400);
}

describe.each(ID_CASES)('bad input: $name, $field', ({ product, field, parameters, template }) => {
	test.each([...UNUSABLE, ...DOTS])('%s fails the item before any request, naming the field and the item', async (_label, value) => {
		const run = await runCollabor8(sandbox, product, parameters(FROM_ITEM), { items: fromItem(value) });

		expectInputError(run.error?.message, field);
		expect(apiRequests(sandbox, product)).toHaveLength(0);
	});

	test.each(ODD)('%s is sent inside its own part of the address', async (_label, value) => {
		await runCollabor8(sandbox, product, parameters(FROM_ITEM), { items: fromItem(value) });

		const [prefix, suffix] = template.split('{}');
		const paths = apiRequests(sandbox, product).map((entry) => entry.path);
		expect(paths.length).toBeGreaterThan(0);
		expect(paths[0]).toBe(`${prefix}${encodeURIComponent(value.trim())}${suffix}`);
	});
});

interface FieldCase {
	name: string;
	product: Collabor8Product;
	field: string;
	parameters: (value: string) => INodeParameters;
	/** The only path the operation may send to, whatever the value. */
	path: string;
	items?: (value: unknown) => Array<IDataObject | INodeExecutionData>;
	/** Values of the corpus this field can take (sent as they are). */
	usable: Array<[string, unknown]>;
	unusable: Array<[string, unknown]>;
}

const NUMBERS_ONLY: Array<[string, unknown]> = [...UNUSABLE, ...DOTS, ...ODD];

const FIELD_CASES: FieldCase[] = [
	{
		name: 'Loop Get Many',
		product: 'loop',
		field: 'Limit',
		parameters: (value) => ({ resource: 'sale', operation: 'getMany', returnAll: false, limit: value }),
		path: '/sales',
		usable: [],
		unusable: NUMBERS_ONLY.filter(([label]) => label !== 'null' && label !== 'empty' && label !== 'whitespace').concat([
			['empty', ''],
			['a fraction', 2.5],
			['zero', 0],
		]),
	},
	{
		name: 'Loop Get Many',
		product: 'loop',
		field: 'Page Size',
		parameters: (value) => ({ resource: 'sale', operation: 'getMany', returnAll: true, apiOverrides: { pageSize: value } }),
		path: '/sales',
		usable: [],
		unusable: NUMBERS_ONLY.filter(([label]) => !['empty', 'whitespace', 'null'].includes(label)),
	},
	{
		name: 'Loop Update Status',
		product: 'loop',
		field: 'Status',
		parameters: (value) => ({ resource: 'sale', operation: 'updateStatus', saleId: 'sale-0001', status: value }),
		path: '/sales/sale-0001/status',
		usable: [...DOTS, ...ODD],
		unusable: UNUSABLE,
	},
	{
		name: 'Loop Create Item',
		product: 'loop',
		field: 'Description',
		parameters: (value) => ({ resource: 'item', operation: 'create', description: value }),
		path: '/items',
		usable: [...DOTS, ...ODD],
		unusable: UNUSABLE,
	},
	{
		name: 'Loop Create Item',
		product: 'loop',
		field: 'Product Class',
		parameters: (value) => ({ resource: 'item', operation: 'create', description: 'Valve', productClass: value }),
		path: '/items',
		usable: [...DOTS, ...ODD],
		unusable: UNUSABLE.filter(([label]) => !['empty', 'whitespace', 'null'].includes(label)),
	},
	{
		name: 'Virtual Inventory Upload',
		product: 'virtualInventory',
		field: 'File Name',
		parameters: (value) => ({ resource: 'inventoryImport', operation: 'upload', binaryPropertyName: 'data', options: { fileName: value } }),
		path: '/v1/m2m/inventory-import/StepByStep',
		items: (value) => [
			{
				json: { value } as IDataObject,
				binary: { data: { data: Buffer.from('PK rows').toString('base64'), mimeType: 'application/octet-stream', fileName: 'a.xlsx' } },
			},
		],
		usable: [...DOTS, ...ODD],
		unusable: UNUSABLE.filter(([label]) => !['empty', 'whitespace', 'null'].includes(label)),
	},
];

describe.each(FIELD_CASES)('bad input: $name, $field', ({ product, field, parameters, path, items, usable, unusable }) => {
	const itemsFor = items ?? fromItem;

	test.each(unusable)('%s fails the item before any request, naming the field and the item', async (_label, value) => {
		const run = await runCollabor8(sandbox, product, parameters(FROM_ITEM), { items: itemsFor(value) });

		expectInputError(run.error?.message, field);
		expect(apiRequests(sandbox, product)).toHaveLength(0);
	});

	if (usable.length > 0) {
		test.each(usable)('%s is sent as a value, and the address stays as it is', async (_label, value) => {
			sandbox.state.virtualInventory.importBusyMs = 0;
			await runCollabor8(sandbox, product, parameters(FROM_ITEM), { items: itemsFor(value) });

			const writes = apiRequests(sandbox, product).filter((entry) => entry.method !== 'GET');
			expect(writes.map((entry) => entry.path)).toEqual([path]);
		});
	}
});

describe('bad input: Virtual Inventory Upload, Input Binary Field', () => {
	const file = (value: unknown): INodeExecutionData[] => [
		{ json: { value } as IDataObject, binary: { data: { data: Buffer.from('PK rows').toString('base64'), mimeType: 'application/octet-stream' } } },
	];

	test.each([...UNUSABLE, ...DOTS, ...ODD])('%s fails the item before any request, naming the field or the missing file and the item', async (_label, value) => {
		const run = await runCollabor8(
			sandbox,
			'virtualInventory',
			{ resource: 'inventoryImport', operation: 'upload', binaryPropertyName: FROM_ITEM },
			{ items: file(value) },
		);

		expect(run.error?.message).toMatch(/^(Input Binary Field .+|The item has no binary field .+) \[item 0\]$/s);
		expect((run.error?.message ?? '').length).toBeLessThan(400);
		expect(apiRequests(sandbox, 'virtualInventory')).toHaveLength(0);
	});
});
