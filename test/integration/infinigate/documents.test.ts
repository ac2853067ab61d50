import type { InfinigateSandbox } from './helpers';
import { apiRequests, byId, byNumber, runInfinigate, startInfinigate } from './helpers';

let sandbox: InfinigateSandbox;

beforeAll(async () => {
	sandbox = await startInfinigate();
});

afterAll(async () => await sandbox.close());

beforeEach(() => {
	sandbox.server.reset();
	sandbox.state.maxDocumentTake = 100;
});

const invoices = () => sandbox.state.invoices;
const inPeriod = (start: string, end: string) =>
	invoices().filter((invoice) => String(invoice.header.postingDate) >= start && String(invoice.header.postingDate) <= end);
const todayUtc = () => new Date().toISOString().slice(0, 10);
/** The sandbox dates its invoices relative to today: periods are taken from its documents. */
const postedOn = (index: number) => String(invoices().at(index)!.header.postingDate);
const wholeYear = () => ({ periodStart: postedOn(0), periodEnd: postedOn(-1) });
function monthOf(isoDate: string): { periodStart: string; periodEnd: string } {
	const [year, month] = isoDate.split('-').map(Number);
	const last = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
	return { periodStart: `${isoDate.slice(0, 7)}-01`, periodEnd: last };
}

const getMany = { resource: 'purchaseInvoice', operation: 'getMany' };

describe('Infinigate purchase invoices: list', () => {
	test('lists the invoices of a period from the v2 API, sending the dates as YYYY-MM-DD', async () => {
		const month = monthOf(postedOn(30));
		const run = await runInfinigate(sandbox, { ...getMany, ...month, returnAll: true });

		expect(run.error).toBeUndefined();
		expect(run.json.length).toBeGreaterThan(2);
		expect(run.json.map((json) => json.documentNumber)).toEqual(inPeriod(month.periodStart, month.periodEnd).map((invoice) => invoice.header.documentNumber));
		const [request] = apiRequests(sandbox);
		expect(request.path).toBe('/invoice-management/v2/purchaseinvoice');
		expect(request.query.PeriodStart).toEqual([month.periodStart]);
		expect(request.query.PeriodEnd).toEqual([month.periodEnd]);
	});

	test('an empty Period End means today', async () => {
		const run = await runInfinigate(sandbox, { ...getMany, periodStart: '2024-01-01', periodEnd: '', returnAll: true });

		expect(run.json).toHaveLength(invoices().length);
		// The workflow time zone of the test is UTC-based n8n default; today's date is sent either way.
		expect([todayUtc(), new Date(Date.now() - 86_400_000).toISOString().slice(0, 10), new Date(Date.now() + 86_400_000).toISOString().slice(0, 10)]).toContain(
			apiRequests(sandbox)[0].query.PeriodEnd[0],
		);
	});

	test('Return All pages with Take/Skip until the service answers an empty page', async () => {
		// A Page Size the user sets, so that the pages follow from this test's numbers, not the node's default.
		const pageSize = 25;
		const run = await runInfinigate(sandbox, { ...getMany, ...wholeYear(), returnAll: true, apiOverrides: { pageSize } });

		const expected = invoices();
		expect(expected.length).toBeGreaterThan(2 * pageSize);
		expect(run.json).toHaveLength(expected.length);
		const pages = apiRequests(sandbox);
		// Full pages, then the short one; a short page does not end the list (a service may serve fewer
		// than asked), the empty one after it does.
		const skips = [...Array.from({ length: Math.ceil(expected.length / pageSize) }, (_, index) => index * pageSize), expected.length];
		expect(pages.map((page) => [page.query.Take[0], page.query.Skip[0]])).toEqual(skips.map((skip) => [String(pageSize), String(skip)]));
	});

	test('Return All keeps asking when the service caps Take but its count says there is more', async () => {
		sandbox.state.maxDocumentTake = 20;

		const run = await runInfinigate(sandbox, { ...getMany, ...wholeYear(), returnAll: true });

		expect(run.json.map((json) => json.documentNumber)).toEqual(invoices().map((invoice) => invoice.header.documentNumber));
	});

	test('Limit stops early', async () => {
		const run = await runInfinigate(sandbox, { ...getMany, ...wholeYear(), limit: 3 });

		expect(run.json.map((json) => json.documentNumber)).toEqual(invoices().slice(0, 3).map((invoice) => invoice.header.documentNumber));
		expect(apiRequests(sandbox)).toHaveLength(1);
		expect(apiRequests(sandbox)[0].query.Take).toEqual(['3']);
	});

	test('the buyer reference filter is sent and applied', async () => {
		const run = await runInfinigate(sandbox, {
			...getMany,
			...wholeYear(),
			returnAll: true,
			filters: { buyerReference: 'PO-1003' },
		});

		const expected = invoices().filter((invoice) => invoice.header.buyerReference === 'PO-1003');
		expect(expected.length).toBeGreaterThan(1);
		expect(run.json.map((json) => json.documentNumber)).toEqual(expected.map((invoice) => invoice.header.documentNumber));
		expect(apiRequests(sandbox)[0].query.BuyerReference).toEqual(['PO-1003']);
	});

	test('the v1 API of the guide can be chosen in Options', async () => {
		const run = await runInfinigate(sandbox, { ...getMany, ...monthOf(postedOn(30)), options: { apiVersion: 'v1' } });

		expect(run.error).toBeUndefined();
		expect(run.json.length).toBeGreaterThan(0);
		expect(apiRequests(sandbox)[0].path).toBe('/invoice-management/v1/purchaseinvoice');
	});

	test("last month's invoices are there on any day, without seeding data", async () => {
		const now = new Date();
		const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 10);
		const run = await runInfinigate(sandbox, { ...getMany, ...monthOf(first), returnAll: true });

		expect(run.json.length).toBeGreaterThanOrEqual(4);
	});

	test('dates accept ISO timestamps and n8n date expressions', async () => {
		const run = await runInfinigate(sandbox, {
			...getMany,
			periodStart: '={{ DateTime.fromISO("2024-02-01T00:00:00", { zone: "Europe/Berlin" }) }}',
			periodEnd: '2024-02-29T23:59:59+01:00',
		});

		expect(run.error).toBeUndefined();
		expect(apiRequests(sandbox)[0].query.PeriodStart).toEqual(['2024-02-01']);
		expect(apiRequests(sandbox)[0].query.PeriodEnd).toEqual(['2024-02-29']);
	});

	test('a malformed date fails before any request, naming the field and the item', async () => {
		const run = await runInfinigate(
			sandbox,
			{ ...getMany, periodStart: '={{ $json.start }}', periodEnd: '' },
			{ items: [{ start: '31.02.2024' }] },
		);

		expect(run.error?.message).toBe('Period Start is not a date: "31.02.2024" (use YYYY-MM-DD, an ISO timestamp or a date expression) [item 0]');
		expect(sandbox.server.requests({ service: 'infinigate' })).toHaveLength(0);
	});

	test('a date that does not exist in the calendar fails before any request', async () => {
		const run = await runInfinigate(sandbox, { ...getMany, periodStart: '2024-02-30' });

		expect(run.error?.message).toBe('Period Start is not a calendar date: "2024-02-30" [item 0]');
		expect(sandbox.server.requests({ service: 'infinigate' })).toHaveLength(0);
	});

	test('a period that ends before it starts fails before any request', async () => {
		const run = await runInfinigate(sandbox, { ...getMany, periodStart: '2024-05-01', periodEnd: '2024-04-01' });

		expect(run.error?.message).toBe('Period Start (2024-05-01) must not be after Period End (2024-04-01) [item 0]');
		expect(sandbox.server.requests({ service: 'infinigate' })).toHaveLength(0);
	});
});

describe('Infinigate purchase invoices: output shapes', () => {
	const msp = () => invoices().find((invoice) => invoice.mspDetailInformation.length > 0)!;
	const plain = () => invoices().find((invoice) => invoice.mspDetailInformation.length === 0 && invoice.lines.length > 2)!;

	test('Get returns the document as the service returns it', async () => {
		const invoice = plain();

		const run = await runInfinigate(sandbox, { resource: 'purchaseInvoice', operation: 'get', document: byId(String(invoice.header.documentGuid)) });

		expect(run.json).toEqual([invoice]);
		expect(apiRequests(sandbox)[0].path).toBe(`/invoice-management/v2/purchaseinvoice/${String(invoice.header.documentGuid)}`);
	});

	test('one item per line carries the document number, date and currency, without heading lines', async () => {
		const invoice = plain();

		const run = await runInfinigate(sandbox, {
			resource: 'purchaseInvoice',
			operation: 'get',
			document: byNumber(String(invoice.header.documentNumber)),
			output: 'lines',
		});

		const itemLines = invoice.lines.filter((line) => line.lineType !== 'Text');
		expect(Object.keys(run.json[0]).slice(0, 2)).toEqual(['documentNumber', 'documentDate']);
		expect(run.json).toEqual(
			itemLines.map((line) => ({
				...line,
				documentType: 'purchaseInvoice',
				documentNumber: invoice.header.documentNumber,
				documentDate: invoice.header.postingDate,
				currencyCode: 'EUR',
				documentGuid: invoice.header.documentGuid,
			})),
		);
		expect(apiRequests(sandbox)[0].path).toBe(`/invoice-management/v2/purchaseinvoice/documentNumber/${String(invoice.header.documentNumber)}`);
	});

	test('heading lines can be included', async () => {
		const invoice = plain();

		const run = await runInfinigate(sandbox, {
			resource: 'purchaseInvoice',
			operation: 'get',
			document: byId(String(invoice.header.documentGuid)),
			output: 'lines',
			options: { includeTextLines: true },
		});

		expect(run.json.map((json) => json.lineNumber)).toEqual(invoice.lines.map((line) => line.lineNumber));
	});

	test('one item per MSP usage entry carries the document number, date and currency', async () => {
		const invoice = msp();

		const run = await runInfinigate(sandbox, {
			resource: 'purchaseInvoice',
			operation: 'get',
			document: byId(String(invoice.header.documentGuid)),
			output: 'mspDetails',
		});

		expect(run.json).toHaveLength(invoice.mspDetailInformation.length);
		run.json.forEach((json, index) => {
			expect(json).toMatchObject({
				...invoice.mspDetailInformation[index],
				documentNumber: invoice.header.documentNumber,
				documentDate: invoice.header.postingDate,
				currencyCode: 'EUR',
				mspEntryNumber: index + 1,
			});
		});
	});

	test("the list can give the lines of every invoice of the period, fetching each invoice's details", async () => {
		const [periodStart, periodEnd] = [postedOn(15), postedOn(24)];
		const period = inPeriod(periodStart, periodEnd);

		const run = await runInfinigate(sandbox, { ...getMany, periodStart, periodEnd, returnAll: true, output: 'lines' });

		const expected = period.flatMap((invoice) =>
			invoice.lines.filter((line) => line.lineType !== 'Text').map((line) => [invoice.header.documentNumber, line.lineNumber]),
		);
		expect(run.json.map((json) => [json.documentNumber, json.lineNumber])).toEqual(expected);
		// The list's pages (the last one empty), then one request per invoice.
		expect(apiRequests(sandbox)).toHaveLength(2 + period.length);
	});

	test('the list can give every MSP usage entry of the period', async () => {
		const [periodStart, periodEnd] = [postedOn(0), postedOn(29)];
		const period = inPeriod(periodStart, periodEnd);

		const run = await runInfinigate(sandbox, { ...getMany, periodStart, periodEnd, returnAll: true, output: 'mspDetails' });

		expect(run.json).toHaveLength(period.reduce((sum, invoice) => sum + invoice.mspDetailInformation.length, 0));
		expect(new Set(run.json.map((json) => json.documentNumber))).toEqual(
			new Set(period.filter((invoice) => invoice.mspDetailInformation.length > 0).map((invoice) => invoice.header.documentNumber)),
		);
	});

	test('an unknown document fails with "Not found" and the HTTP status', async () => {
		const run = await runInfinigate(sandbox, { resource: 'purchaseInvoice', operation: 'get', document: byNumber('VR24-999999') });

		expect(run.error?.message).toBe("Infinigate: Not found: No document with documentNumber 'VR24-999999'.");
		expect(run.error?.httpCode).toBe('404');
	});

	test('a document GUID that is not a GUID fails before any request', async () => {
		const run = await runInfinigate(sandbox, { resource: 'purchaseInvoice', operation: 'get', document: byId('={{ "VR24-100001" }}') });

		expect(run.error?.message).toBe('Purchase Invoice (By ID) is not a GUID: "VR24-100001" [item 0]');
		expect(sandbox.server.requests({ service: 'infinigate' })).toHaveLength(0);
	});
});

describe('Infinigate purchase credit memos', () => {
	const memos = () => sandbox.state.creditMemos;

	test('lists the credit memos of a period', async () => {
		const run = await runInfinigate(sandbox, {
			resource: 'purchaseCreditMemo',
			operation: 'getMany',
			periodStart: String(memos()[0].header.postingDate),
			periodEnd: String(memos().at(-1)!.header.postingDate),
			returnAll: true,
		});

		expect(run.json.map((json) => json.documentNumber)).toEqual(memos().map((memo) => memo.header.documentNumber));
		expect(apiRequests(sandbox)[0].path).toBe('/invoice-management/v2/purchasecreditmemo');
	});

	test('Get returns a credit memo, one item per line on request, from the v1 API too', async () => {
		const memo = memos()[1];

		const run = await runInfinigate(sandbox, {
			resource: 'purchaseCreditMemo',
			operation: 'get',
			document: byId(String(memo.header.documentGuid)),
			output: 'lines',
			options: { apiVersion: 'v1' },
		});

		expect(run.json.map((json) => [json.documentType, json.documentNumber, json.lineNumber])).toEqual(
			memo.lines.filter((line) => line.lineType !== 'Text').map((line) => ['purchaseCreditMemo', memo.header.documentNumber, line.lineNumber]),
		);
		expect(apiRequests(sandbox)[0].path).toBe(`/invoice-management/v1/purchasecreditmemo/${String(memo.header.documentGuid)}`);
	});

	test('Get by document number returns the MSP usage of a credit memo', async () => {
		const memo = memos()[0];

		const run = await runInfinigate(sandbox, {
			resource: 'purchaseCreditMemo',
			operation: 'get',
			document: byNumber(String(memo.header.documentNumber)),
			output: 'mspDetails',
		});

		expect(memo.mspDetailInformation.length).toBeGreaterThan(0);
		expect(run.json.map((json) => json.itemSku)).toEqual(memo.mspDetailInformation.map((entry) => entry.itemSku));
	});
});
