/**
 * What production answers look like (public evidence, api-contracts.md, Infinigate) and what the node
 * makes of them: the gateway's 404 for a route it does not know is a wrong address, never "nothing
 * found"; MSP usage carries its end customer in additionalInfos pairs; an answer the node cannot read
 * fails the item instead of becoming an empty list or an item whose json is not an object.
 */
import type { InfinigateSandbox } from './helpers';
import { apiRequests, byId, byNumber, runInfinigate, startInfinigate } from './helpers';

let sandbox: InfinigateSandbox;

beforeAll(async () => {
	sandbox = await startInfinigate();
});

afterAll(async () => await sandbox.close());

beforeEach(() => sandbox.server.reset());

/** Azure API Management's answer to a route it does not know (public, production). */
const GATEWAY_NOT_FOUND = { statusCode: 404, message: 'Resource not found' };

const products = () => sandbox.state.products.map((entry) => entry.product);

describe("Infinigate: the gateway's 404 is a wrong address", () => {
	test('a SKU look-up answered with the gateway\'s 404 fails, naming the credential\'s address, instead of marking every SKU unknown', async () => {
		const [first, second] = products();
		sandbox.server.addFault({ service: 'infinigate', method: 'GET', path: 'pricelist/sku$', kind: 'status', status: 404, body: GATEWAY_NOT_FOUND, times: 1 });

		const run = await runInfinigate(sandbox, { resource: 'priceList', operation: 'getBySku', skus: `${first.sku}, ${second.sku}` });

		expect(run.json).toEqual([]);
		expect(run.error?.httpCode).toBe('404');
		expect(run.error?.message).toBe(
			'Infinigate serves nothing at this address (the gateway\'s "Resource not found"): check the Environment and Base URL of the Infinigate API credential',
		);
		expect(run.error?.description).toContain('No SKU was looked up');
	});

	test("with Continue On Fail, the gateway's 404 becomes an error item per input item, not found: false", async () => {
		const [first, second] = products();
		sandbox.server.addFault({ service: 'infinigate', method: 'GET', path: 'pricelist/sku$', kind: 'status', status: 404, body: GATEWAY_NOT_FOUND, times: 1 });

		const run = await runInfinigate(
			sandbox,
			{ resource: 'priceList', operation: 'getBySku', skus: '={{ $json.sku }}' },
			{ items: [{ sku: first.sku }, { sku: second.sku }], continueOnFail: true },
		);

		expect(run.json).toHaveLength(2);
		for (const json of run.json) {
			expect(json.found).toBeUndefined();
			expect(String(json.error)).toContain('Resource not found');
		}
	});

	test.each([
		['Search', { resource: 'priceList', operation: 'search', searchTerm: 'switch', limit: 5 }, 'pricelist/search/switch$'],
		['Count', { resource: 'priceList', operation: 'count', searchTerm: 'switch' }, 'pricelist/search/count/switch$'],
		['Get by Manufacturer', { resource: 'priceList', operation: 'getByManufacturer', manufacturerName: { __rl: true, mode: 'id', value: 'Lumaport' } }, 'pricelist/?$'],
		['the manufacturer list', { resource: 'manufacturer', operation: 'getMany', returnAll: true }, 'manufacturer$'],
	])("%s answered with the gateway's 404 fails, naming the credential's address", async (_label, parameters, path) => {
		sandbox.server.addFault({ service: 'infinigate', method: 'GET', path, kind: 'status', status: 404, body: GATEWAY_NOT_FOUND, times: 1 });

		const run = await runInfinigate(sandbox, parameters);

		expect(run.json).toEqual([]);
		expect(run.error?.message).toContain('check the Environment and Base URL of the Infinigate API credential');
	});

	test("the service's own 404 for unknown SKUs still means \"not there\"", async () => {
		const run = await runInfinigate(sandbox, { resource: 'priceList', operation: 'getBySku', skus: 'NOPE01' });

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual([{ sku: 'NOPE01', found: false }]);
		expect(apiRequests(sandbox)[0].status).toBe(404);
	});

	test("an unknown quote (the service's 404) is not told to change the Quotes Address; a wrong address is", async () => {
		const unknown = await runInfinigate(sandbox, { resource: 'purchaseQuote', operation: 'get', document: byNumber('AN24-999999') });
		const wrongAddress = await runInfinigate(sandbox, {
			resource: 'purchaseQuote',
			operation: 'get',
			document: byNumber('AN24-200001'),
			apiOverrides: { quotesLocation: '/order-management/v3/purchasequote' },
		});

		expect(unknown.error?.message).toContain("No quote with documentNumber 'AN24-999999'");
		expect(unknown.error?.description ?? '').not.toContain('Quotes Address');
		expect(wrongAddress.error?.message).toContain('check API Overrides → Quotes Address');
	});
});

describe('Infinigate MSP usage: the end customer as a field', () => {
	test('each usage item carries clientName and the other additionalInfos pairs, the period as ISO dates, and the raw pairs', async () => {
		const invoice = sandbox.state.invoices.find((candidate) => candidate.mspDetailInformation.length > 0)!;

		const run = await runInfinigate(sandbox, {
			resource: 'purchaseInvoice',
			operation: 'get',
			document: byNumber(String(invoice.header.documentNumber)),
			output: 'mspDetails',
		});

		expect(run.error).toBeUndefined();
		expect(run.json).toHaveLength(invoice.mspDetailInformation.length);
		const month = String(invoice.header.postingDate).slice(0, 7);
		run.json.forEach((item, index) => {
			const pairs = invoice.mspDetailInformation[index].additionalInfos as Array<{ description: string; value: unknown }>;
			const pair = (name: string) => pairs.find((entry) => entry.description === name)?.value;
			expect(item).toMatchObject({
				clientName: pair('clientName'),
				ObjectName: pair('ObjectName'),
				vendorContractNumber: pair('vendorContractNumber'),
				SiteName: pair('SiteName'),
				additionalInfos: pairs,
			});
			expect(String(item.clientName)).toMatch(/\.example$/);
			expect(item.periodStart).toBe(`${month}-01`);
			expect(String(item.periodEnd)).toMatch(new RegExp(`^${month}-(28|29|30|31)$`));
		});
	});
});

describe('Infinigate: answers the node cannot read fail the item', () => {
	const quote = () => sandbox.state.quotes[0];

	test.each([
		['no content (204)', 204, undefined],
		['a number', 200, 42],
		['a JSON text', 200, Buffer.from('"text"')],
	])('a quote Get answered with %s is a clear error, not an item', async (_label, status, body) => {
		const guid = String(quote().header.documentGuid);
		sandbox.server.addFault({ service: 'infinigate', method: 'GET', path: `purchasequote/${guid}$`, kind: 'status', status, body, times: 1 });

		const run = await runInfinigate(sandbox, { resource: 'purchaseQuote', operation: 'get', document: byId(guid) });

		expect(run.json).toEqual([]);
		expect(run.error?.message).toMatch(new RegExp(`^Infinigate answered quote ${guid} with (no content|something the node cannot read)$`));
		expect(run.error?.description).toContain('Expected a JSON object');
	});

	test('with Continue On Fail, an unreadable quote is an error item paired with its input', async () => {
		const guid = String(quote().header.documentGuid);
		sandbox.server.addFault({ service: 'infinigate', method: 'GET', path: `purchasequote/${guid}$`, kind: 'status', status: 200, body: 42, times: 1 });

		const run = await runInfinigate(sandbox, { resource: 'purchaseQuote', operation: 'get', document: byId(guid) }, { continueOnFail: true });

		expect(run.json).toEqual([expect.objectContaining({ error: `Infinigate answered quote ${guid} with something the node cannot read` })]);
	});

	test('invoice lines answered with no content (204) are a clear error, not zero lines', async () => {
		const invoice = sandbox.state.invoices[1];
		const guid = String(invoice.header.documentGuid);
		sandbox.server.addFault({ service: 'infinigate', method: 'GET', path: `purchaseinvoice/${guid}$`, kind: 'status', status: 204, times: 1 });

		const run = await runInfinigate(sandbox, { resource: 'purchaseInvoice', operation: 'get', document: byId(guid), output: 'lines' });

		expect(run.json).toEqual([]);
		expect(run.error?.message).toBe(`Infinigate answered invoice ${guid} with no content`);
	});

	test('an invoice without a list of lines is an error when its lines are asked for', async () => {
		const invoice = sandbox.state.invoices[1];
		const guid = String(invoice.header.documentGuid);
		sandbox.server.addFault({ service: 'infinigate', method: 'GET', path: `purchaseinvoice/${guid}$`, kind: 'status', status: 200, body: { header: invoice.header }, times: 1 });

		const run = await runInfinigate(sandbox, { resource: 'purchaseInvoice', operation: 'get', document: byId(guid), output: 'lines' });

		expect(run.error?.message).toBe(`Infinigate answered invoice ${guid} without a list of lines with something the node cannot read`);
	});

	test('a SKU answer {"result":[null]} is a clear error, not a TypeError or found: false', async () => {
		const [product] = products();
		sandbox.server.addFault({ service: 'infinigate', method: 'GET', path: 'pricelist/sku$', kind: 'status', status: 200, body: { result: [null] }, times: 1 });

		const run = await runInfinigate(sandbox, { resource: 'priceList', operation: 'getBySku', skus: product.sku });

		expect(run.json).toEqual([]);
		expect(run.error?.name).not.toBe('TypeError');
		expect(run.error?.message).toBe('Infinigate answered the look-up of 1 SKU(s) with something the node cannot read');
		expect(run.error?.description).toContain('{"result":[null]}');
	});

	test('a list page in an envelope the node does not know is an error, not an empty list', async () => {
		sandbox.server.addFault({ service: 'infinigate', method: 'GET', path: 'purchasequote$', kind: 'status', status: 200, body: { rows: [{ documentNumber: 'X' }] }, times: 1 });

		const run = await runInfinigate(sandbox, { resource: 'purchaseQuote', operation: 'getMany', returnAll: true });

		expect(run.json).toEqual([]);
		expect(run.error?.message).toBe('Infinigate answered the list /order-management/v2/purchasequote with something the node cannot read');
	});
});
