import { MAX_QUERY_STRING } from '../../../sandbox/infinigate/service';
import type { InfinigateSandbox } from './helpers';
import { apiRequests, listSearch, pairedItems, runInfinigate, startInfinigate, tokenRequests } from './helpers';

let sandbox: InfinigateSandbox;

beforeAll(async () => {
	sandbox = await startInfinigate();
});

afterAll(async () => await sandbox.close());

beforeEach(() => {
	sandbox.server.reset();
	sandbox.state.maxPriceListTake = 500;
});

const products = () => sandbox.state.products.map((entry) => entry.product);
const productsOfVendor = (vendorName: string) => products().filter((product) => product.vendorName === vendorName);

describe('Infinigate price list: search and count', () => {
	test('search matches the term in the SKU or the description', async () => {
		const sku = products()[1234].sku;
		const bySku = await runInfinigate(sandbox, { resource: 'priceList', operation: 'search', searchTerm: sku.toLowerCase(), limit: 10 });
		const byDescription = await runInfinigate(sandbox, { resource: 'priceList', operation: 'search', searchTerm: 'Firewall', limit: 10 });

		expect(bySku.json.map((json) => json.sku)).toContain(sku);
		expect(byDescription.json).toHaveLength(10);
		for (const json of byDescription.json) expect(String(json.descriptionFullText)).toMatch(/firewall/i);
	});

	test('filters repeat the query parameter per value: OR within a filter, AND across filters', async () => {
		const run = await runInfinigate(sandbox, {
			resource: 'priceList',
			operation: 'search',
			searchTerm: 'switch',
			returnAll: true,
			filters: { vendorCodes: 'NWN, FBX', productTypes: 'Software', endUserTypes: ['Education', 'Government'] },
		});

		expect(run.error).toBeUndefined();
		expect(run.json.length).toBeGreaterThan(0);
		for (const json of run.json) {
			expect(['Northwind Networks', 'Firebox Security']).toContain(json.vendorName);
			expect(json.productType).toBe('Software');
			expect(['Education', 'Government']).toContain(json.endUserType);
		}
		const [search] = apiRequests(sandbox, /\/pricelist\/search\/switch$/);
		expect(search.query.VendorCodes).toEqual(['NWN', 'FBX']);
		expect(search.query.EndUserTypes).toEqual(['Education', 'Government']);
		expect(search.query.ProductTypes).toEqual(['Software']);
	});

	test('Return All asks for the largest page the service serves: one request per page of its maximum, plus the count', async () => {
		const count = await runInfinigate(sandbox, { resource: 'priceList', operation: 'count', searchTerm: 'switch' });
		sandbox.server.reset();
		const all = await runInfinigate(sandbox, { resource: 'priceList', operation: 'search', searchTerm: 'switch', returnAll: true });

		const expected = Number(count.json[0].count);
		const servedPage = sandbox.state.maxPriceListTake;
		expect(expected).toBeGreaterThan(2 * servedPage);
		expect(all.json).toHaveLength(expected);
		expect(new Set(all.json.map((json) => json.sku)).size).toBe(expected);
		const pages = apiRequests(sandbox, /\/pricelist\/search\/switch$/);
		expect(pages).toHaveLength(Math.ceil(expected / servedPage));
		expect(pages.map((page) => Number(page.query.Skip[0]))).toEqual(pages.map((_, index) => index * servedPage));
		expect(apiRequests(sandbox, /\/pricelist\/search\/count\//)).toHaveLength(1);
	});

	test("a whole price list of over 10,000 products takes ⌈products / largest page⌉ requests, plus the count", async () => {
		const all = await runInfinigate(sandbox, { resource: 'priceList', operation: 'search', searchTerm: '*', returnAll: true });

		const total = products().length;
		expect(total).toBeGreaterThan(10_000);
		expect(all.json).toHaveLength(total);
		expect(apiRequests(sandbox, /\/pricelist\/search\/\*$/)).toHaveLength(Math.ceil(total / sandbox.state.maxPriceListTake));
		expect(apiRequests(sandbox)).toHaveLength(Math.ceil(total / sandbox.state.maxPriceListTake) + 1);
	});

	test('a Limit above one small page asks for the count first, then pages as large as the service serves', async () => {
		const run = await runInfinigate(sandbox, { resource: 'priceList', operation: 'search', searchTerm: '*', limit: 1200 });

		expect(run.json).toHaveLength(1200);
		const servedPage = sandbox.state.maxPriceListTake;
		const pages = apiRequests(sandbox, /\/pricelist\/search\/\*$/);
		// Pages of the service's largest (500 here), the last one only what the Limit still needs.
		expect(pages.map((page) => page.query.Skip[0])).toEqual(['0', '500', '1000']);
		expect(Number(pages[0].query.Take[0])).toBeGreaterThanOrEqual(servedPage);
		expect(pages[2].query.Take).toEqual(['200']);
		expect(apiRequests(sandbox, /\/pricelist\/search\/count\//)).toHaveLength(1);
	});

	test('Return All loses nothing when the service caps Take below the page size asked for', async () => {
		sandbox.state.maxPriceListTake = 30;

		const all = await runInfinigate(sandbox, { resource: 'priceList', operation: 'search', searchTerm: 'router', returnAll: true });

		const expected = products().filter((product) => /router/i.test(product.descriptionFullText) || /router/i.test(product.sku));
		expect(all.json.map((json) => json.sku)).toEqual(expected.map((product) => product.sku));
	});

	test('Limit stops early: one request for a limit below the page size', async () => {
		const run = await runInfinigate(sandbox, { resource: 'priceList', operation: 'search', searchTerm: 'switch', limit: 7 });

		expect(run.json).toHaveLength(7);
		const pages = apiRequests(sandbox, /\/pricelist\/search\//);
		expect(pages).toHaveLength(1);
		expect(pages[0].query.Take).toEqual(['7']);
	});

	test('an empty search term fails before any request and points at Get by Manufacturer', async () => {
		const run = await runInfinigate(
			sandbox,
			{ resource: 'priceList', operation: 'search', searchTerm: '={{ $json.term }}', returnAll: true, filters: { vendorCodes: 'LUMA' } },
			{ items: [{ term: ' ' }] },
		);

		expect(run.error?.message).toBe('Search Term must not be empty [item 0]');
		expect(run.error?.description).toContain('Get by Manufacturer');
		expect(sandbox.server.requests({ service: 'infinigate' })).toHaveLength(0);
	});

	test("Get by Manufacturer returns the manufacturer's whole price list in one request", async () => {
		const run = await runInfinigate(sandbox, { resource: 'priceList', operation: 'getByManufacturer', manufacturerName: 'Lumaport', returnAll: true });

		expect(run.error).toBeUndefined();
		expect(run.json.map((json) => json.sku)).toEqual(productsOfVendor('Lumaport').map((product) => product.sku));
		const requests = apiRequests(sandbox);
		expect(requests).toHaveLength(1);
		expect(requests[0].path).toBe('/product-management/v1/pricelist/');
		expect(requests[0].query).toEqual({ manufacturerName: ['Lumaport'] });
	});

	test('the Manufacturer Name list offers the manufacturer list, and a picked name works like a typed one', async () => {
		const list = await listSearch(sandbox, 'searchManufacturers', 'port');
		const run = await runInfinigate(sandbox, {
			resource: 'priceList',
			operation: 'getByManufacturer',
			manufacturerName: { __rl: true, mode: 'list', value: String(list.results[0].value) },
			limit: 3,
		});

		expect(list.results).toEqual([{ name: 'Lumaport', value: 'Lumaport' }]);
		expect(run.json.map((json) => json.vendorName)).toEqual(['Lumaport', 'Lumaport', 'Lumaport']);
	});

	test('Get by Manufacturer with a Limit returns only that many products', async () => {
		const run = await runInfinigate(sandbox, { resource: 'priceList', operation: 'getByManufacturer', manufacturerName: 'Bytewall', limit: 5 });

		expect(run.json.map((json) => json.sku)).toEqual(productsOfVendor('Bytewall').slice(0, 5).map((product) => product.sku));
	});

	test('Manufacturer → Get Many lists every manufacturer, one item each', async () => {
		const run = await runInfinigate(sandbox, { resource: 'manufacturer', operation: 'getMany', returnAll: true });

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual(
			[...new Set(products().map((product) => product.vendorName))].sort().map((manufacturerName) => ({ manufacturerName })),
		);
		expect(apiRequests(sandbox)[0].path).toBe('/product-management/v1/manufacturer');
	});

	test('the end-user filter is sent as EndUserTypes; the sandbox refuses the singular the guide writes once', async () => {
		const token = await runInfinigate(sandbox, { resource: 'priceList', operation: 'count', searchTerm: 'x' });
		const accessToken = String(token.credentialsHelper.stored.get('infinigateApi')?.accessToken);
		const call = async (query: string) =>
			await fetch(`${String(sandbox.credentials.baseUrl)}/product-management/v1/pricelist/search/count/switch?${query}`, {
				headers: { 'API-KEY': String(sandbox.credentials.apiKey), Authorization: `Bearer ${accessToken}` },
			});

		expect((await call('EndUserTypes=Education')).status).toBe(200);
		expect((await call('EndUserType=Education')).status).toBe(400);
	});

	test('a count in an unknown shape fails, quoting the start of the answer without secrets', async () => {
		const apiKey = String(sandbox.credentials.apiKey);
		sandbox.server.addFault({
			service: 'infinigate',
			path: '^/product-management/v1/pricelist/search/count/',
			kind: 'status',
			status: 200,
			body: { hits: 'many', echo: `key ${apiKey}` },
			times: 1,
		});

		const run = await runInfinigate(sandbox, { resource: 'priceList', operation: 'count', searchTerm: 'switch' });

		expect(run.error?.message).toBe('Infinigate answered the count in a shape the node does not know');
		expect(run.error?.description).toContain('"hits":"many"');
		expect(run.error?.description).not.toContain(apiKey);
	});

	test('count sends the filters too', async () => {
		const run = await runInfinigate(sandbox, {
			resource: 'priceList',
			operation: 'count',
			searchTerm: 'switch',
			filters: { vendorCodes: 'NWN', endUserTypes: ['Education'] },
		});

		const expected = sandbox.state.products.filter(
			(entry) =>
				entry.vendorCode === 'NWN' &&
				entry.product.endUserType === 'Education' &&
				(/switch/i.test(entry.product.descriptionFullText) || /switch/i.test(entry.product.sku)),
		).length;
		expect(run.json).toEqual([{ searchTerm: 'switch', count: expected }]);
		expect(apiRequests(sandbox)[0].query).toEqual({ VendorCodes: ['NWN'], EndUserTypes: ['Education'] });
	});

	test('Page Size in API Overrides changes how many products each request asks for', async () => {
		const run = await runInfinigate(sandbox, { resource: 'priceList', operation: 'search', searchTerm: 'switch', limit: 50, apiOverrides: { pageSize: 20 } });

		expect(run.json).toHaveLength(50);
		expect(apiRequests(sandbox, /\/pricelist\/search\/switch$/).map((page) => page.query.Take[0])).toEqual(['20', '20', '10']);
	});

	test('count returns the number of matching products', async () => {
		const run = await runInfinigate(sandbox, { resource: 'priceList', operation: 'count', searchTerm: 'Access Point' });

		const expected = products().filter((product) => /access point/i.test(product.descriptionFullText)).length;
		expect(run.json).toEqual([{ searchTerm: 'Access Point', count: expected }]);
	});

	test('an unknown end-user type fails with the service validation message', async () => {
		const run = await runInfinigate(sandbox, {
			resource: 'priceList',
			operation: 'search',
			searchTerm: 'switch',
			filters: { endUserTypes: ['Military'] },
		});

		expect(run.error?.message).toContain("EndUserTypes: The value 'Military' is not valid.");
		expect(run.error?.httpCode).toBe('400');
	});
});

describe('Infinigate price list: look-up by SKU', () => {
	test('the SKUs of many items go into one request, and each item gets exactly its own products', async () => {
		const [a, b, c, d] = [products()[10], products()[20], products()[30], products()[40]];
		const items = [{ skus: `${a.sku}, ${b.sku}` }, { skus: [c.sku.toLowerCase()] }, { skus: `${b.sku}\n${d.sku}` }];

		const run = await runInfinigate(sandbox, { resource: 'priceList', operation: 'getBySku', skus: '={{ $json.skus }}' }, { items });

		expect(run.error).toBeUndefined();
		expect(apiRequests(sandbox)).toHaveLength(1);
		expect(run.json.map((json) => json.sku)).toEqual([a.sku, b.sku, c.sku, b.sku, d.sku]);
		expect(pairedItems(run.outputs[0])).toEqual([0, 0, 1, 2, 2]);
		expect(apiRequests(sandbox)[0].query.no).toEqual([a.sku, b.sku, c.sku.toLowerCase(), d.sku]);
	});

	test('a SKU named twice in one item, in any case, gives its product once', async () => {
		const product = products()[7];

		const run = await runInfinigate(sandbox, { resource: 'priceList', operation: 'getBySku', skus: `${product.sku}, ${product.sku.toLowerCase()}` });

		expect(run.json).toEqual([{ ...product, found: true }]);
		expect(apiRequests(sandbox)[0].query.no).toEqual([product.sku]);
	});

	test('hundreds of SKUs are batched into few requests whose query strings stay under the bound', async () => {
		const all = products();
		const items = Array.from({ length: 120 }, (_, index) => ({
			skus: Array.from({ length: 5 }, (__, offset) => all[index * 5 + offset].sku),
		}));

		const run = await runInfinigate(sandbox, { resource: 'priceList', operation: 'getBySku', skus: '={{ $json.skus }}' }, { items });

		expect(run.error).toBeUndefined();
		expect(run.json).toHaveLength(600);
		expect(run.json.map((json) => json.sku)).toEqual(all.slice(0, 600).map((product) => product.sku));
		expect(pairedItems(run.outputs[0])).toEqual(Array.from({ length: 600 }, (_, index) => Math.floor(index / 5)));
		const requests = apiRequests(sandbox);
		// 600 six-character SKUs cost 10 bytes each in the query: about 180 per request.
		expect(requests.length).toBeLessThanOrEqual(Math.ceil(600 / 100) + 1);
		expect(requests.length).toBeGreaterThan(1);
		for (const request of requests) {
			expect(request.status).toBe(200);
			expect(new URLSearchParams(request.query.no.map((sku): [string, string] => ['no', sku])).toString().length).toBeLessThanOrEqual(MAX_QUERY_STRING);
		}
		expect(tokenRequests(sandbox)).toHaveLength(1);
	});

	test('long SKUs are split by the length of the query string, not only by their number', async () => {
		const items = Array.from({ length: 150 }, (_, index) => ({ vendorSkus: `LONG-VENDOR-PART-NUMBER/${String(index).padStart(4, '0')}-ÄÖÜ` }));

		const run = await runInfinigate(
			sandbox,
			{ resource: 'priceList', operation: 'getByVendorSku', vendorSkus: '={{ $json.vendorSkus }}' },
			{ items },
		);

		expect(run.error).toBeUndefined();
		const requests = apiRequests(sandbox);
		expect(requests.map((request) => request.status).every((status) => status === 404)).toBe(true);
		expect(requests.reduce((sum, request) => sum + request.query.no.length, 0)).toBe(150);
		// Each SKU costs about 60 bytes encoded: at most about 30 fit under the bound, far fewer than 100.
		expect(requests.length).toBeGreaterThanOrEqual(5);
	});

	test('the sandbox refuses a query string longer than IIS allows, so the bound is tested for real', async () => {
		const query = Array.from({ length: 300 }, (_, index) => `no=SKU${String(index).padStart(6, '0')}`).join('&');
		const token = await runInfinigate(sandbox, { resource: 'priceList', operation: 'count', searchTerm: 'x' });
		const accessToken = String(token.credentialsHelper.stored.get('infinigateApi')?.accessToken);

		const response = await fetch(`${String(sandbox.credentials.baseUrl)}/product-management/v1/pricelist/sku?${query}`, {
			headers: { 'API-KEY': String(sandbox.credentials.apiKey), Authorization: `Bearer ${accessToken}` },
		});

		expect(response.status).toBe(414);
	});

	test('a SKU the service does not know yields an item with found: false, not a failure', async () => {
		const known = products()[5];
		const items = [{ skus: 'NOPE01' }, { skus: `${known.sku}, NOPE02` }];

		const run = await runInfinigate(sandbox, { resource: 'priceList', operation: 'getBySku', skus: '={{ $json.skus }}' }, { items });

		expect(run.error).toBeUndefined();
		expect(run.json.map((json) => [json.sku, json.found])).toEqual([
			['NOPE01', false],
			[known.sku, true],
			['NOPE02', false],
		]);
		expect(pairedItems(run.outputs[0])).toEqual([0, 1, 1]);
	});

	test('a look-up in which no SKU is known (the service answers 404) gives one found: false item per SKU', async () => {
		const run = await runInfinigate(sandbox, { resource: 'priceList', operation: 'getBySku', skus: 'NOPE01, NOPE02' });

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual([
			{ sku: 'NOPE01', found: false },
			{ sku: 'NOPE02', found: false },
		]);
		expect(apiRequests(sandbox)[0].status).toBe(404);
	});

	test('with Output Unknown SKUs off, an unknown SKU yields nothing', async () => {
		const known = products()[5];

		const run = await runInfinigate(sandbox, {
			resource: 'priceList',
			operation: 'getBySku',
			skus: `NOPE01, ${known.sku}`,
			options: { includeNotFound: false },
		});

		expect(run.json).toEqual([{ ...known, found: true }]);
	});

	test('SKUs per Request in API Overrides changes how many SKUs go into one look-up', async () => {
		const skus = products().slice(0, 25).map((product) => product.sku);

		const run = await runInfinigate(sandbox, { resource: 'priceList', operation: 'getBySku', skus: skus.join(','), apiOverrides: { skusPerRequest: 10 } });

		expect(run.json).toHaveLength(25);
		expect(apiRequests(sandbox).map((request) => request.query.no.length)).toEqual([10, 10, 5]);
	});

	test('a lone surrogate in one SKU fails only that item; the batch still serves the others', async () => {
		const [first, third] = [products()[0], products()[2]];

		const run = await runInfinigate(
			sandbox,
			{ resource: 'priceList', operation: 'getBySku', skus: '={{ $json.skus }}' },
			{ items: [{ skus: first.sku }, { skus: 'AB\uD800C' }, { skus: [third.sku] }], continueOnFail: true },
		);

		expect(run.json.map((json) => json.sku ?? json.error)).toEqual([
			first.sku,
			'SKUs entry 1 contains a character that cannot be sent (half of a UTF-16 surrogate pair, at position 3) [item 1]',
			third.sku,
		]);
		expect(pairedItems(run.outputs[0])).toEqual([0, 1, 2]);
		expect(apiRequests(sandbox)).toHaveLength(1);
		expect(apiRequests(sandbox)[0].query.no).toEqual([first.sku, third.sku]);
	});

	test('a vendor SKU sold per end-user type gives all its products to the item', async () => {
		const licensed = products().find((product) => product.productType === 'Software')!;
		const variants = products().filter((product) => product.vendorSku === licensed.vendorSku);

		const run = await runInfinigate(sandbox, {
			resource: 'priceList',
			operation: 'getByVendorSku',
			vendorSkus: licensed.vendorSku.toLowerCase(),
		});

		expect(variants).toHaveLength(3);
		expect(run.json).toEqual(variants.map((variant) => ({ ...variant, found: true })));
		expect(apiRequests(sandbox)[0].path).toBe('/product-management/v1/pricelist/vendor');
	});

	test('with Continue On Fail, a failed batch turns only the items that needed it into error items', async () => {
		const all = products();
		// With 10 SKUs per request, the first item's ten SKUs fill the first look-up; the second item's SKU goes into a second one.
		const full = 10;
		const items = [{ skus: all.slice(0, full).map((product) => product.sku) }, { skus: [all[full].sku] }];
		sandbox.server.addFault({ service: 'infinigate', path: '^/product-management/v1/pricelist/sku$', kind: 'status', status: 500, body: { statusCode: 500, message: 'Internal server error' }, times: 1 });

		// One look-up at a time, so that the fault hits the first (see concurrency.test.ts for several).
		const run = await runInfinigate(
			sandbox,
			{ resource: 'priceList', operation: 'getBySku', skus: '={{ $json.skus }}', options: { maxConcurrentRequests: 1 }, apiOverrides: { skusPerRequest: full } },
			{ items, continueOnFail: true },
		);

		expect(run.json.map((json) => json.sku ?? json.error)).toEqual(['Infinigate: Internal server error', all[full].sku]);
		expect(pairedItems(run.outputs[0])).toEqual([0, 1]);
	});

	test('an item without SKUs fails the run before any request', async () => {
		const run = await runInfinigate(
			sandbox,
			{ resource: 'priceList', operation: 'getBySku', skus: '={{ $json.skus }}' },
			{ items: [{ skus: products()[0].sku }, { skus: ' , ' }] },
		);

		expect(run.error?.message).toBe('SKUs must name at least one SKU [item 1]');
		expect(sandbox.server.requests({ service: 'infinigate' })).toHaveLength(0);
	});

	test('with Continue On Fail, an item without SKUs becomes an error item and the others get their products', async () => {
		const first = products()[0];
		const third = products()[2];

		const run = await runInfinigate(
			sandbox,
			{ resource: 'priceList', operation: 'getBySku', skus: '={{ $json.skus }}' },
			{ items: [{ skus: first.sku }, { skus: '' }, { skus: third.sku }], continueOnFail: true },
		);

		expect(run.json.map((json) => json.sku ?? json.error)).toEqual([first.sku, 'SKUs must name at least one SKU [item 1]', third.sku]);
		expect(pairedItems(run.outputs[0])).toEqual([0, 1, 2]);
		expect(apiRequests(sandbox)).toHaveLength(1);
	});
});
