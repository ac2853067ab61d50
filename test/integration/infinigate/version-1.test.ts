/**
 * Workflows saved with version 1 of the node, the first release, with their parameters exactly as the
 * editor saved them then (n8n leaves out values equal to a field's default): they give the output
 * they gave then. Version 1.1 moved Output to the top and API Version into Options, made Document
 * Number a picker, and outputs unknown SKUs by default.
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

const asVersion1 = (parameters: INodeParameters, items?: IDataObject[]) => runInfinigate(sandbox, parameters, { typeVersion: 1, items });

type Document = InfinigateSandbox['state']['invoices'][number];

/** One item per line, each with its document's number, date, currency and GUID, as version 1 gave them. */
function linesOf(documents: Document[], documentType: string, withTextLines: boolean): unknown[] {
	return documents.flatMap((document) =>
		document.lines
			.filter((line) => withTextLines || line.lineType !== 'Text')
			.map((line) => ({
				...line,
				documentType,
				documentNumber: document.header.documentNumber,
				documentDate: document.header.postingDate,
				currencyCode: document.header.currencyCode,
				documentGuid: document.header.documentGuid,
			})),
	);
}

describe('Infinigate: workflows saved with version 1', () => {
	test('invoice lines of a period, with API Version as its own field and Output and Include Text Lines in Options', async () => {
		const invoices = sandbox.state.invoices;
		const [periodStart, periodEnd] = [String(invoices[15].header.postingDate), String(invoices[24].header.postingDate)];
		const period = invoices.filter((invoice) => String(invoice.header.postingDate) >= periodStart && String(invoice.header.postingDate) <= periodEnd);

		const run = await asVersion1({
			resource: 'purchaseInvoice',
			apiVersion: 'v1',
			periodStart,
			periodEnd,
			returnAll: true,
			options: { output: 'lines', includeTextLines: true },
		});

		expect(run.error).toBeUndefined();
		expect(period.some((invoice) => invoice.lines.some((line) => line.lineType === 'Text'))).toBe(true);
		expect(run.json).toEqual(linesOf(period, 'purchaseInvoice', true));
		expect(new Set(apiRequests(sandbox).map((request) => request.path.split('/')[2]))).toEqual(new Set(['v1']));
	});

	test('a credit memo by number as MSP usage entries, with Output in Options', async () => {
		const memo = sandbox.state.creditMemos[0];

		const run = await asVersion1({
			resource: 'purchaseCreditMemo',
			operation: 'getByDocumentNumber',
			documentNumber: String(memo.header.documentNumber),
			options: { output: 'mspDetails' },
		});

		expect(run.error).toBeUndefined();
		expect(memo.mspDetailInformation.length).toBeGreaterThan(0);
		expect(run.json).toEqual(
			memo.mspDetailInformation.map((entry, index) => ({
				...entry,
				documentType: 'purchaseCreditMemo',
				documentNumber: memo.header.documentNumber,
				documentDate: memo.header.postingDate,
				currencyCode: memo.header.currencyCode,
				documentGuid: memo.header.documentGuid,
				mspEntryNumber: index + 1,
			})),
		);
		expect(apiRequests(sandbox)[0].path).toBe(`/invoice-management/v2/purchasecreditmemo/documentNumber/${String(memo.header.documentNumber)}`);
	});

	test('invoice lines without heading lines when Include Text Lines is left out', async () => {
		const invoice = sandbox.state.invoices.find((candidate) => candidate.lines.some((line) => line.lineType === 'Text'))!;

		const run = await asVersion1({
			resource: 'purchaseInvoice',
			operation: 'get',
			documentGuid: String(invoice.header.documentGuid),
			options: { output: 'lines' },
		});

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual(linesOf([invoice], 'purchaseInvoice', false));
	});

	test('Get by SKU gives found products as returned and leaves unknown SKUs out', async () => {
		const known = sandbox.state.products[5].product;

		const run = await asVersion1({ operation: 'getBySku', skus: '={{ $json.skus }}' }, [{ skus: 'NOPE01' }, { skus: `${known.sku}, NOPE02` }]);

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual([known]);
		expect(pairedItems(run.outputs[0])).toEqual([1]);
	});

	test('Get by SKU with Output Unknown SKUs turned on gives a found: false item for each unknown SKU', async () => {
		const run = await asVersion1({ operation: 'getBySku', skus: 'NOPE01', options: { includeNotFound: true } });

		expect(run.json).toEqual([{ sku: 'NOPE01', found: false }]);
	});

	test('a quote by its Document Number saved as plain text', async () => {
		const quote = sandbox.state.quotes[2];

		const run = await asVersion1({ resource: 'purchaseQuote', operation: 'getByDocumentNumber', documentNumber: String(quote.header.documentNumber) });

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual([quote]);
	});
});
