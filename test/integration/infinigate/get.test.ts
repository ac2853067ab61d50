/**
 * Version 1.3: one Get per document (purchase invoice, credit memo, quote), the document named by a
 * locator with three modes (From List, By Number, By ID) before Output, as Airtable and Google Sheets
 * name a record. Versions 1 to 1.2 keep Get by GUID and Get by Document Number.
 */
import type { INodeParameters, INodeProperties } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { Infinigate } from '../../../nodes/Infinigate/Infinigate.node';
import type { InfinigateSandbox } from './helpers';
import { apiRequests, byId, byNumber, fromList, listSearch, pairedItems, runInfinigate, startInfinigate } from './helpers';

let sandbox: InfinigateSandbox;

beforeAll(async () => {
	sandbox = await startInfinigate();
});

afterAll(async () => await sandbox.close());

beforeEach(() => sandbox.server.reset());

interface Resource {
	resource: string;
	field: string;
	search: 'searchPurchaseInvoices' | 'searchPurchaseCreditMemos' | 'searchPurchaseQuotes';
	documents: () => Array<{ header: Record<string, unknown> }>;
	/** Where the sandbox, from the guides, serves one document by GUID and by number. */
	byGuidPath: (guid: string) => string;
	byNumberPath: (number: string) => string;
}

// Paths from the guide and public client code (api-contracts.md), written out, not read from the node.
const RESOURCES: Resource[] = [
	{
		resource: 'purchaseInvoice',
		field: 'Purchase Invoice',
		search: 'searchPurchaseInvoices',
		documents: () => sandbox.state.invoices,
		byGuidPath: (guid) => `/invoice-management/v2/purchaseinvoice/${guid}`,
		byNumberPath: (number) => `/invoice-management/v2/purchaseinvoice/documentNumber/${number}`,
	},
	{
		resource: 'purchaseCreditMemo',
		field: 'Purchase Credit Memo',
		search: 'searchPurchaseCreditMemos',
		documents: () => sandbox.state.creditMemos,
		byGuidPath: (guid) => `/invoice-management/v2/purchasecreditmemo/${guid}`,
		byNumberPath: (number) => `/invoice-management/v2/purchasecreditmemo/documentNumber/${number}`,
	},
	{
		resource: 'purchaseQuote',
		field: 'Purchase Quote',
		search: 'searchPurchaseQuotes',
		documents: () => sandbox.state.quotes,
		byGuidPath: (guid) => `/order-management/v2/purchasequote/${guid}`,
		byNumberPath: (number) => `/order-management/v2/purchasequote/documentNumber/${number}`,
	},
];

const numberOf = (document: { header: Record<string, unknown> }) => String(document.header.documentNumber);
const guidOf = (document: { header: Record<string, unknown> }) => String(document.header.documentGuid);
/** What Get outputs for a document: invoices and credit memos as returned, a quote as returned. */
const asReturned = (document: { header: Record<string, unknown> }) => document;

describe.each(RESOURCES.map((entry) => [entry.field, entry] as const))('%s → Get (version 1.3)', (_field, entry) => {
	const get = (document: unknown, extra: Parameters<typeof runInfinigate>[2] = {}) =>
		runInfinigate(sandbox, { resource: entry.resource, operation: 'get', document } as INodeParameters, extra);

	test('From List offers the documents by number, and the one picked is fetched at its number', async () => {
		const document = entry.documents()[2];
		const list = await listSearch(sandbox, entry.search);
		const picked = list.results.find((result) => result.value === numberOf(document));
		expect(picked?.name).toContain(numberOf(document));
		sandbox.server.reset();

		const run = await get(fromList(String(picked!.value)));

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual([asReturned(document)]);
		expect(apiRequests(sandbox).map((request) => request.path)).toEqual([entry.byNumberPath(numberOf(document))]);
	});

	test('By Number fetches the document at its number', async () => {
		const document = entry.documents()[1];

		const run = await get(byNumber(numberOf(document)));

		expect(run.json).toEqual([asReturned(document)]);
		expect(apiRequests(sandbox).map((request) => request.path)).toEqual([entry.byNumberPath(numberOf(document))]);
	});

	test('By ID fetches the document at its GUID', async () => {
		const document = entry.documents()[3];

		const run = await get(byId(guidOf(document)));

		expect(run.json).toEqual([asReturned(document)]);
		expect(apiRequests(sandbox).map((request) => request.path)).toEqual([entry.byGuidPath(guidOf(document))]);
	});

	test('an empty value fails before any request, naming the field, its mode and the item', async () => {
		const run = await get(byNumber('={{ $json.number }}'), { items: [{ number: '  ' }] });

		expect(run.error?.message).toBe(`${entry.field} (By Number) must not be empty [item 0]`);
		expect(apiRequests(sandbox)).toHaveLength(0);
	});

	test('a GUID that is not one fails before any request, naming the field, its mode and the item', async () => {
		const run = await get(byId('={{ $json.guid }}'), { items: [{ guid: 'AN24-200001' }] });

		expect(run.error?.message).toBe(`${entry.field} (By ID) is not a GUID: "AN24-200001" [item 0]`);
		expect(run.error?.description).toMatch(/documentGuid/);
		expect(apiRequests(sandbox)).toHaveLength(0);
	});

	test('a malformed GUID typed in the field is refused by the editor check before the node runs', async () => {
		await expect(get(byId('not-a-guid'))).rejects.toThrow(/Not a GUID/);

		expect(apiRequests(sandbox)).toHaveLength(0);
	});

	test('with Continue On Fail, each bad value is an error item paired with its input, and the good ones are fetched', async () => {
		const [first, second] = entry.documents();
		const items = [{ guid: guidOf(first) }, { guid: '' }, { guid: 'x/../y' }, { guid: guidOf(second) }];

		const run = await get(byId('={{ $json.guid }}'), { items, continueOnFail: true });

		expect(run.error).toBeUndefined();
		expect(pairedItems(run.outputs[0])).toEqual([0, 1, 2, 3]);
		expect(run.json[0]).toEqual(asReturned(first));
		expect(run.json[1].error).toBe(`${entry.field} (By ID) must not be empty [item 1]`);
		expect(run.json[2].error).toBe(`${entry.field} (By ID) is not a GUID: "x/../y" [item 2]`);
		expect(run.json[3]).toEqual(asReturned(second));
		expect(apiRequests(sandbox).map((request) => request.path).sort()).toEqual([entry.byGuidPath(guidOf(first)), entry.byGuidPath(guidOf(second))].sort());
	});

	test('an unknown number is the service\'s "not found" for that item', async () => {
		const run = await get(byNumber('ZZ99-999999'), { continueOnFail: true });

		expect(run.json).toHaveLength(1);
		expect(String(run.json[0].error)).toMatch(/Not found/i);
	});

	test('a whole field set to plain text (an expression or a tool) is read by its shape: a GUID by ID, anything else by number', async () => {
		const document = entry.documents()[0];

		const withGuid = await get(guidOf(document));
		const withNumber = await get(numberOf(document));

		expect(withGuid.json).toEqual([asReturned(document)]);
		expect(withNumber.json).toEqual([asReturned(document)]);
		expect(apiRequests(sandbox).map((request) => request.path)).toEqual([entry.byGuidPath(guidOf(document)), entry.byNumberPath(numberOf(document))]);
	});

	test('version 1.2 workflows keep Get by GUID and Get by Document Number', async () => {
		const document = entry.documents()[4];

		const byGuid = await runInfinigate(sandbox, { resource: entry.resource, operation: 'get', documentGuid: guidOf(document) }, { typeVersion: 1.2 });
		const byDocumentNumber = await runInfinigate(
			sandbox,
			{ resource: entry.resource, operation: 'getByDocumentNumber', documentNumber: numberOf(document) },
			{ typeVersion: 1.2 },
		);

		expect(byGuid.error).toBeUndefined();
		expect(byGuid.json).toEqual([asReturned(document)]);
		expect(byDocumentNumber.error).toBeUndefined();
		expect(byDocumentNumber.json).toEqual([asReturned(document)]);
		expect(apiRequests(sandbox).map((request) => request.path)).toEqual([entry.byGuidPath(guidOf(document)), entry.byNumberPath(numberOf(document))]);
	});
});

describe('From List of invoices and credit memos', () => {
	test('shows the invoices of the last 12 months, newest first, filtered by what the user types', async () => {
		const invoices = sandbox.state.invoices;
		const oldest = invoices[0];
		const postingDate = oldest.header.postingDate;
		oldest.header.postingDate = '2020-01-15';
		try {
			const all = await listSearch(sandbox, 'searchPurchaseInvoices');
			const filtered = await listSearch(sandbox, 'searchPurchaseInvoices', numberOf(invoices[7]).slice(-3).toLowerCase());

			const recent = invoices.slice(1);
			expect(all.results.map((result) => result.value)).toEqual(recent.map(numberOf).reverse());
			expect(all.results[0].name).toBe(`${numberOf(invoices.at(-1)!)} · ${String(invoices.at(-1)!.header.postingDate)}`);
			expect(filtered.results.map((result) => result.value)).toEqual([numberOf(invoices[7])]);
		} finally {
			oldest.header.postingDate = postingDate;
		}
	});

	test('asks for the period and pages through the list at the API Version the node is set to', async () => {
		sandbox.state.maxDocumentTake = 5;
		try {
			const result = await listSearch(sandbox, 'searchPurchaseCreditMemos', undefined, { resource: 'purchaseCreditMemo', operation: 'get', options: { apiVersion: 'v1' } }, 1.3);

			expect(result.results).toHaveLength(sandbox.state.creditMemos.length);
			const requests = apiRequests(sandbox);
			expect(requests.length).toBeGreaterThan(2);
			expect(new Set(requests.map((request) => request.path))).toEqual(new Set(['/invoice-management/v1/purchasecreditmemo']));
			const today = new Date();
			const yearAgo = new Date(today.getTime() - 365 * 86_400_000).toISOString().slice(0, 10);
			// The workflow's time zone decides the day; either side of midnight UTC is today somewhere.
			expect([yearAgo, new Date(today.getTime() - 366 * 86_400_000).toISOString().slice(0, 10), new Date(today.getTime() - 364 * 86_400_000).toISOString().slice(0, 10)]).toContain(
				requests[0].query.PeriodStart[0],
			);
		} finally {
			sandbox.state.maxDocumentTake = 100;
		}
	});

	test('an answer it cannot read is an error in the editor, not an empty list', async () => {
		sandbox.server.addFault({ service: 'infinigate', path: '^/invoice-management/v2/purchaseinvoice$', kind: 'status', status: 200, body: { invoices: 'none' }, times: 1 });

		await expect(listSearch(sandbox, 'searchPurchaseInvoices')).rejects.toThrow(/cannot read/);
	});
});

describe('the editor', () => {
	const node = new Infinigate();
	const shown = (parameters: INodeParameters, typeVersion: number): INodeProperties[] =>
		node.description.properties.filter((property) =>
			NodeHelpers.displayParameter(parameters, property, { typeVersion }, node.description),
		);
	const operations = (resource: string, typeVersion: number): string[] =>
		shown({ resource }, typeVersion)
			.filter((property) => property.name === 'operation')
			.flatMap((property) => (property.options ?? []).map((option) => String((option as { value: string }).value)));

	test('a new node is version 1.3', () => {
		expect(node.description.defaultVersion).toBe(1.3);
	});

	test.each(RESOURCES.map((entry) => [entry.resource, entry] as const))('%s: 1.3 offers one Get, 1.2 still Get by Document Number', (resource) => {
		expect(operations(resource, 1.3)).toContain('get');
		expect(operations(resource, 1.3)).not.toContain('getByDocumentNumber');
		expect(operations(resource, 1.2)).toEqual(expect.arrayContaining(['get', 'getByDocumentNumber']));
	});

	test.each(RESOURCES.map((entry) => [entry.resource, entry] as const))('%s: in 1.3 the document is the first field of Get, with its three modes; 1.2 keeps its fields', (resource, entry) => {
		const fields = shown({ resource, operation: 'get', output: 'document' }, 1.3).filter((property) => !['resource', 'operation'].includes(property.name));
		expect(fields[0]).toMatchObject({ displayName: entry.field, type: 'resourceLocator' });
		expect(fields[0].modes?.map((mode) => mode.displayName)).toEqual(['From List', 'By Number', 'By ID']);
		for (const mode of fields[0].modes ?? []) expect(mode.hint ?? mode.placeholder).toBeTruthy();
		expect(fields.map((property) => property.name)).not.toContain('documentGuid');

		const older = shown({ resource, operation: 'get', output: 'document' }, 1.2).map((property) => property.name);
		expect(older).toContain('documentGuid');
		expect(older).not.toContain('document');
		if (resource !== 'purchaseQuote') {
			expect(fields[1].name).toBe('output');
			expect(older.indexOf('output')).toBeLessThan(older.indexOf('documentGuid'));
		}
	});
});
