/**
 * A corpus of bad input for every Infinigate operation. Each value reaches the node through an
 * expression, one input item per case, with Continue On Fail: every bad value must give an error item
 * that names the field and its item, and no request may leave with a changed path. The few values
 * that are acceptable for a field (a "?" is a fine search term) must arrive exactly as given, encoded
 * inside their part of the address.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { InfinigateSandbox } from './helpers';
import { apiRequests, pairedItems, runInfinigate, startInfinigate } from './helpers';

let sandbox: InfinigateSandbox;

beforeAll(async () => {
	sandbox = await startInfinigate();
});

afterAll(async () => await sandbox.close());

beforeEach(() => sandbox.server.reset());

const CORPUS: Array<[string, unknown]> = [
	['empty', ''],
	['whitespace', '   '],
	['100 KB', 'A'.repeat(100_000)],
	['Unicode', 'Ärger—日本'],
	['lone surrogate', 'AB\uD800C'],
	['.', '.'],
	['..', '..'],
	['../', '../'],
	['?', '?'],
	['#', '#'],
	['%2F', '%2F'],
	['CR/LF', 'A\r\nB'],
	['object', { a: 1 }],
	['array', ['A', { b: 2 }]],
	['boolean', true],
	['null', null],
	['malformed date', '31.02.2024'],
	['NUL and tab', 'A\u0000\tB'],
	['nested list', [['A']]],
	['NaN', Number.NaN],
];

interface Case {
	name: string;
	field: string;
	parameters: (expression: string) => INodeParameters;
	/** The node version the case's workflow was saved with; the newest when left out. */
	typeVersion?: number;
	/** Corpus entries that are acceptable for this field, with the request they must cause. */
	accepted?: Record<string, (value: unknown) => { path: string; query?: Record<string, string[]> }>;
}

const v = '={{ $json.v }}';

const MODES = [
	['list', 'From List'],
	['number', 'By Number'],
	['id', 'By ID'],
] as const;

/** Get of version 1.3, one case per mode of its locator: the error names the field and the mode. */
function getCases(resource: string, displayName: string, numberPath: string): Case[] {
	return MODES.map(([mode, modeName]) => ({
		name: `${displayName} → Get ${modeName}`,
		field: `${displayName} (${modeName})`,
		parameters: () => ({ resource, operation: 'get', document: { __rl: true, mode, value: v } }),
		// A well-formed number the service does not know goes to the number's address; nothing is a GUID.
		...(mode === 'id' ? {} : { accepted: { 'malformed date': () => ({ path: `${numberPath}/31.02.2024` }) } }),
	}));
}

const CASES: Case[] = [
	...(['search', 'count'] as const).map(
		(operation): Case => ({
			name: `Price List → ${operation}`,
			field: 'Search Term',
			parameters: () => ({ resource: 'priceList', operation, searchTerm: v, limit: 1 }),
			accepted: Object.fromEntries(
				['Unicode', '../', '?', '#', '%2F', 'malformed date'].map((label) => [
					label,
					(value: unknown) => ({
						path: `/product-management/v1/pricelist/search/${operation === 'count' ? 'count/' : ''}${encodeURIComponent(String(value))}`,
					}),
				]),
			),
		}),
	),
	{
		name: 'Price List → Get by SKU',
		field: 'SKUs',
		parameters: () => ({ resource: 'priceList', operation: 'getBySku', skus: v }),
		accepted: Object.fromEntries(
			['Unicode', '.', '..', '../', '?', '#', '%2F', 'CR/LF', 'malformed date'].map((label) => [
				label,
				// A line break separates two SKUs, as the field's hint says.
				(value: unknown) => ({ path: '/product-management/v1/pricelist/sku', query: { no: String(value).split('\r\n') } }),
			]),
		),
	},
	{
		name: 'Price List → Get by Vendor SKU',
		field: 'Vendor SKUs',
		parameters: () => ({ resource: 'priceList', operation: 'getByVendorSku', vendorSkus: v }),
		accepted: Object.fromEntries(
			['Unicode', '.', '..', '../', '?', '#', '%2F', 'CR/LF', 'malformed date'].map((label) => [
				label,
				(value: unknown) => ({ path: '/product-management/v1/pricelist/vendor', query: { no: String(value).split('\r\n') } }),
			]),
		),
	},
	{
		name: 'Price List → Get by Manufacturer',
		field: 'Manufacturer Name',
		parameters: () => ({ resource: 'priceList', operation: 'getByManufacturer', manufacturerName: v, limit: 1 }),
		accepted: Object.fromEntries(
			['Unicode', '.', '..', '../', '?', '#', '%2F', 'malformed date'].map((label) => [
				label,
				(value: unknown) => ({ path: '/product-management/v1/pricelist/', query: { manufacturerName: [String(value)] } }),
			]),
		),
	},
	{
		name: 'Manufacturer → Get Many',
		field: 'Limit',
		parameters: () => ({ resource: 'manufacturer', operation: 'getMany', limit: v }),
	},
	...(['purchaseInvoice', 'purchaseCreditMemo'] as const).flatMap((resource): Case[] => [
		{
			name: `${resource} → Get Many`,
			field: 'Period Start',
			parameters: () => ({ resource, operation: 'getMany', periodStart: v, periodEnd: '2030-01-01', limit: 1 }),
		},
		{
			name: `${resource} → Get (1.2)`,
			field: 'Document GUID',
			parameters: () => ({ resource, operation: 'get', documentGuid: v }),
			typeVersion: 1.2,
		},
		{
			name: `${resource} → Get by Document Number (1.2)`,
			field: 'Document Number',
			parameters: () => ({ resource, operation: 'getByDocumentNumber', documentNumber: v }),
			accepted: { 'malformed date': () => ({ path: `/invoice-management/v2/${resource.toLowerCase()}/documentNumber/31.02.2024` }) },
			typeVersion: 1.2,
		},
		...getCases(resource, resource === 'purchaseInvoice' ? 'Purchase Invoice' : 'Purchase Credit Memo', `/invoice-management/v2/${resource.toLowerCase()}/documentNumber`),
	]),
	{
		name: 'Purchase Quote → Get Many',
		field: 'Limit',
		parameters: () => ({ resource: 'purchaseQuote', operation: 'getMany', limit: v }),
	},
	{
		name: 'Purchase Quote → Get (1.2)',
		field: 'Document GUID',
		parameters: () => ({ resource: 'purchaseQuote', operation: 'get', documentGuid: v }),
		typeVersion: 1.2,
	},
	{
		name: 'Purchase Quote → Get by Document Number (1.2)',
		field: 'Document Number',
		parameters: () => ({ resource: 'purchaseQuote', operation: 'getByDocumentNumber', documentNumber: v }),
		accepted: { 'malformed date': () => ({ path: '/order-management/v2/purchasequote/documentNumber/31.02.2024' }) },
		typeVersion: 1.2,
	},
	...getCases('purchaseQuote', 'Purchase Quote', '/order-management/v2/purchasequote/documentNumber'),
	...(['accept', 'reject'] as const).flatMap((operation): Case[] => {
		const mail = operation === 'accept' ? { acceptedByUserMail: 'buyer@reseller.example' } : { rejectedByUserMail: 'buyer@reseller.example' };
		return [
			{
				name: `Purchase Quote → ${operation} (number)`,
				field: 'Document Number',
				parameters: () => ({ resource: 'purchaseQuote', operation, documentNumber: v, documentRevision: 1, ...mail }),
				// A well-formed number the service does not know: sent in the body, to the fixed address.
				accepted: {
					'malformed date': () => ({ path: `/order-management/v2/purchasequote/${operation === 'accept' ? 'acceptance' : 'reject'}` }),
				},
			},
			{
				name: `Purchase Quote → ${operation} (revision)`,
				field: 'Document Revision',
				parameters: () => ({ resource: 'purchaseQuote', operation, documentNumber: 'AN24-200001', documentRevision: v, ...mail }),
			},
		];
	}),
	{
		name: 'Purchase Quote → Request',
		field: 'Line 1 → Quantity',
		parameters: () => ({ resource: 'purchaseQuote', operation: 'request', lines: { line: [{ itemNumber: '6D34G6', quantity: v }] } }),
	},
];

describe('Infinigate: bad input never reaches the service as a changed request', () => {
	test.each(CASES.map((entry) => [entry.name, entry] as const))('%s', async (_name, entry) => {
		const run = await runInfinigate(sandbox, entry.parameters(v), {
			items: CORPUS.map(([, value]) => ({ v: value }) as IDataObject),
			continueOnFail: true,
			typeVersion: entry.typeVersion,
		});

		expect(run.error).toBeUndefined();
		const errors: string[] = [];
		let expectedRequests: Array<{ path: string; query?: Record<string, string[]> }> = [];
		CORPUS.forEach(([label, value], itemIndex) => {
			const outputs = run.outputs[0].filter((item) => (item.pairedItem as { item: number }).item === itemIndex);
			const accepted = entry.accepted?.[label];
			if (accepted) {
				// A search that finds nothing gives no item; an accepted value is checked by its request below.
				expectedRequests = [...expectedRequests, accepted(value)];
				return;
			}
			if (outputs.length === 0) {
				errors.push(`${label}: no output item`);
				return;
			}
			const message = String(outputs[0].json.error ?? '');
			if (!message.startsWith(`${entry.field} `) || !message.endsWith(`[item ${itemIndex}]`)) errors.push(`${label}: ${message || JSON.stringify(outputs[0].json).slice(0, 120)}`);
		});
		expect(errors).toEqual([]);
		expect(CORPUS.length - Object.keys(entry.accepted ?? {}).length).toBeGreaterThanOrEqual(10);
		const answered = new Set(pairedItems(run.outputs[0]));
		CORPUS.forEach(([label], index) => {
			if (!entry.accepted?.[label]) expect(answered).toContain(index);
		});

		// Only the accepted values were sent, each exactly as given, inside its part of the address.
		const sent = apiRequests(sandbox);
		const missing = expectedRequests.filter(
			(expected) =>
				!sent.some(
					(request) =>
						request.path === expected.path &&
						Object.entries(expected.query ?? {}).every(([key, values]) => values.every((value) => request.query[key]?.includes(value))),
				),
		);
		expect(missing).toEqual([]);
		const allowed = new Set(expectedRequests.map((expected) => expected.path));
		expect(sent.map((request) => request.path).filter((path) => !allowed.has(path))).toEqual([]);
	});
});
