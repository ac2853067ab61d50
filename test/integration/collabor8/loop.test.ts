import type { Sandbox } from '../../../sandbox';
import { initialSales } from '../../../sandbox/collabor8/loop/data';
import { apiRequests, runCollabor8, runListSearch, startCollabor8 } from './helpers';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startCollabor8();
});

afterAll(async () => await sandbox.close());

beforeEach(() => sandbox.server.reset());

const allSales = initialSales();

function salesCalls(): Array<Record<string, string[]>> {
	return apiRequests(sandbox, 'loop', /^\/sales$/).map((entry) => entry.query);
}

describe('Collabor8 Loop: sales', () => {
	test('Get Many with a limit asks for one page of that size and returns its sales in order', async () => {
		const run = await runCollabor8(sandbox, 'loop', { resource: 'sale', operation: 'getMany', returnAll: false, limit: 5 });

		expect(run.error).toBeUndefined();
		expect(run.json.map((sale) => sale.id)).toEqual(allSales.slice(0, 5).map((sale) => sale.id));
		expect(run.json[0]).toEqual(allSales[0]);
		expect(salesCalls()).toEqual([{ page: ['1'], limit: ['5'] }]);
	});

	test('Return All walks the pages by page number until an empty page: a short page does not end the list', async () => {
		const run = await runCollabor8(sandbox, 'loop', { resource: 'sale', operation: 'getMany', returnAll: true });

		expect(run.error).toBeUndefined();
		expect(run.json.map((sale) => sale.id)).toEqual(allSales.map((sale) => sale.id));
		expect(new Set(run.json.map((sale) => sale.status))).toEqual(new Set(['draft', 'published', 'reserved', 'sold']));
		expect(salesCalls()).toEqual([
			{ page: ['1'], limit: ['100'] },
			{ page: ['2'], limit: ['100'] },
		]);
	});

	test('Return All over several pages asks page 1, 2, 3 with the same size', async () => {
		sandbox.state.loop.replaceSales(250);

		const run = await runCollabor8(sandbox, 'loop', { resource: 'sale', operation: 'getMany', returnAll: true });

		expect(run.json.map((sale) => sale.id)).toEqual(initialSales(250).map((sale) => sale.id));
		expect(salesCalls()).toEqual([
			{ page: ['1'], limit: ['100'] },
			{ page: ['2'], limit: ['100'] },
			{ page: ['3'], limit: ['100'] },
			{ page: ['4'], limit: ['100'] },
		]);
	});

	test('a limit above one page keeps the page size fixed, so that page numbers line up', async () => {
		sandbox.state.loop.replaceSales(250);

		const run = await runCollabor8(sandbox, 'loop', { resource: 'sale', operation: 'getMany', returnAll: false, limit: 150 });

		// Page 2 of size 50 would be sales 51-100 again; page 2 of size 100 is sales 101-200.
		expect(run.json.map((sale) => sale.id)).toEqual(initialSales(150).map((sale) => sale.id));
		expect(salesCalls()).toEqual([
			{ page: ['1'], limit: ['100'] },
			{ page: ['2'], limit: ['100'] },
		]);
	});

	test('Count Totals sends countQueries=true and adds the totals to every sale', async () => {
		const run = await runCollabor8(sandbox, 'loop', {
			resource: 'sale',
			operation: 'getMany',
			returnAll: false,
			limit: 2,
			options: { countQueries: true },
		});

		expect(run.json).toHaveLength(2);
		expect(run.json[0]._totals).toEqual({ page: 1, limit: 2, total: 23, pageCount: 12 });
		expect(run.json[1]._totals).toEqual(run.json[0]._totals);
		expect(salesCalls()).toEqual([{ page: ['1'], limit: ['2'], countQueries: ['true'] }]);
	});

	test('with Count Totals, Return All stops at the reported total instead of asking for an empty page', async () => {
		sandbox.state.loop.replaceSales(200);

		const run = await runCollabor8(sandbox, 'loop', { resource: 'sale', operation: 'getMany', returnAll: true, options: { countQueries: true } });

		expect(run.json).toHaveLength(200);
		expect(salesCalls().map((query) => query.page[0])).toEqual(['1', '2']);
	});

	test('the sandbox refuses the sales list without a token, as the gateway does', async () => {
		const response = await fetch(`${sandbox.url}/collabor8/loop-m2m/loop-api/v1/sales?page=1&limit=1`);

		expect(response.status).toBe(401);
	});

	test('a failing sales list fails the item with the service message and its HTTP status', async () => {
		sandbox.server.addFault({
			service: 'collabor8Loop',
			path: '^/sales$',
			kind: 'status',
			status: 500,
			body: { statusCode: 500, message: 'Internal server error' },
			times: 1,
		});

		const run = await runCollabor8(sandbox, 'loop', { resource: 'sale', operation: 'getMany', returnAll: true });

		expect(run.error?.message).toBe('Collabor8 Loop: Internal server error');
		expect(run.error?.httpCode).toBe('500');
	});

	test('a sale is read by its ID', async () => {
		const run = await runCollabor8(sandbox, 'loop', { resource: 'sale', operation: 'get', saleId: 'sale-0004' });

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual([allSales[3]]);
		expect(apiRequests(sandbox, 'loop')[0].path).toBe('/sales/sale-0004');
	});

	test("an unknown sale fails with HTTP 404 and says which option corrects the address", async () => {
		const run = await runCollabor8(sandbox, 'loop', { resource: 'sale', operation: 'get', saleId: 'sale-9999' });

		expect(run.error?.httpCode).toBe('404');
		expect(run.error?.message).toBe("Collabor8 Loop: Not found (Sale 'sale-9999' was not found)");
		expect(run.error?.description).toContain("set the address from your Loop API documentation in the operation's API Overrides");
		expect(run.error?.description).not.toMatch(/\bpath\b/i);
	});

	test("a broker updates a sale's status with a JSON body, and Loop keeps it", async () => {
		const run = await runCollabor8(sandbox, 'loop', {
			resource: 'sale',
			operation: 'updateStatus',
			saleId: 'sale-0001',
			status: 'reserved',
		});

		expect(run.error).toBeUndefined();
		expect(run.json[0]).toMatchObject({ id: 'sale-0001', status: 'reserved' });
		const [call] = apiRequests(sandbox, 'loop');
		expect(call.method).toBe('PUT');
		expect(call.path).toBe('/sales/sale-0001/status');
		expect(call.contentType).toMatch(/^application\/json/);
		expect(JSON.parse(call.bodyText)).toEqual({ status: 'reserved' });
		expect(sandbox.state.loop.sale('sale-0001')).toMatchObject({ status: 'reserved' });
	});

	test('running Update Status again with the same status succeeds and ends in the same state (safe to re-run)', async () => {
		const parameters = { resource: 'sale', operation: 'updateStatus', saleId: 'sale-0001', status: 'sold' };

		const first = await runCollabor8(sandbox, 'loop', parameters);
		const again = await runCollabor8(sandbox, 'loop', parameters);

		expect(first.error).toBeUndefined();
		expect(again.error).toBeUndefined();
		expect(again.json).toEqual(first.json);
		expect(sandbox.state.loop.sale('sale-0001')).toMatchObject({ status: 'sold' });
	});

	test('a status Loop does not know fails with its message, and the sale keeps its status', async () => {
		const run = await runCollabor8(sandbox, 'loop', {
			resource: 'sale',
			operation: 'updateStatus',
			saleId: 'sale-0002',
			status: '={{ "shipped" }}',
		});

		expect(run.error?.httpCode).toBe('400');
		expect(run.error?.message).toContain('status must be one of the following values');
		expect(sandbox.state.loop.sale('sale-0002')).toMatchObject({ status: 'published' });
	});
});

describe('Collabor8 Loop: items', () => {
	test('a seller creates an item: description and product class go into objectInformation, other fields are merged', async () => {
		const run = await runCollabor8(sandbox, 'loop', {
			resource: 'item',
			operation: 'create',
			description: 'Centrifugal pump, unused',
			productClass: 'Mechanical',
			additionalFields: {
				json: '{"objectInformation":{"quantity":2},"saleInformation":{"price":12000,"currency":"NOK"}}',
			},
		});

		expect(run.error).toBeUndefined();
		expect(run.json[0]).toMatchObject({ id: expect.stringMatching(/^item-/), status: 'draft' });
		const [call] = apiRequests(sandbox, 'loop');
		expect(call.method).toBe('POST');
		expect(call.path).toBe('/items');
		expect(JSON.parse(call.bodyText)).toEqual({
			objectInformation: { quantity: 2, description: 'Centrifugal pump, unused', productClass: 'Mechanical' },
			saleInformation: { price: 12000, currency: 'NOK' },
		});
	});

	test('invalid JSON in the other fields fails before any request, naming the field', async () => {
		const run = await runCollabor8(sandbox, 'loop', {
			resource: 'item',
			operation: 'create',
			description: 'Valve',
			additionalFields: { json: '{"objectInformation": ' },
		});

		expect(run.error?.message).toMatch(/^Other Item Fields \(JSON\) is not valid JSON: .* \[item 0\]$/);
		expect(sandbox.server.requests({ service: 'collabor8Loop' })).toHaveLength(0);
	});

	test('an empty description fails before any request', async () => {
		const run = await runCollabor8(sandbox, 'loop', { resource: 'item', operation: 'create', description: '={{ $json.missing }}' });

		expect(run.error?.message).toBe('Description must not be empty [item 0]');
		expect(sandbox.server.requests({ service: 'collabor8Loop' })).toHaveLength(0);
	});
});

describe('Collabor8 Loop: Sale ID picked from a list or typed', () => {
	test('From list: the list search offers the sales matching what the user types, named by what they are and their status', async () => {
		const list = await runListSearch(sandbox, 'loop', 'searchSales', 'Item 2');

		expect(list.results.length).toBeGreaterThan(0);
		for (const result of list.results) {
			expect(allSales.find((sale) => sale.id === result.value)).toBeDefined();
			expect(String(result.name).toLowerCase()).toContain('item 2');
		}
		expect(apiRequests(sandbox, 'loop', /^\/sales$/)[0].query).toEqual({ page: ['1'], limit: ['100'] });
	});

	test.each([
		['a plain text value (version 1, before Sale ID was a list)', 'sale-0004', 1],
		['From list', { __rl: true, mode: 'list', value: 'sale-0004', cachedResultName: 'Pump (draft)' }, 1.1],
		['By ID', { __rl: true, mode: 'id', value: 'sale-0004' }, 1.1],
		['By ID from an expression', { __rl: true, mode: 'id', value: '={{ "sale-000" + 4 }}' }, 1.1],
	])('%s reads the same sale', async (_label, saleId, typeVersion) => {
		const run = await runCollabor8(sandbox, 'loop', { resource: 'sale', operation: 'get', saleId }, { typeVersion });

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual([allSales[3]]);
		expect(apiRequests(sandbox, 'loop').map((entry) => entry.path)).toEqual(['/sales/sale-0004']);
	});
});

describe('Collabor8 Loop: guesses the user corrects in API Overrides', () => {
	test('Sale Address moves where Get asks for a sale', async () => {
		const run = await runCollabor8(sandbox, 'loop', {
			resource: 'sale',
			operation: 'get',
			saleId: 'sale-0004',
			apiOverrides: { saleEndpoint: '/v2/sale/{saleId}/detail' },
		});

		expect(run.error?.httpCode).toBe('404');
		expect(apiRequests(sandbox, 'loop').map((entry) => entry.path)).toEqual(['/v2/sale/sale-0004/detail']);
	});

	test('Status Address, Status Method and Status Body Field change the status request', async () => {
		const run = await runCollabor8(sandbox, 'loop', {
			resource: 'sale',
			operation: 'updateStatus',
			saleId: 'sale-0001',
			status: 'sold',
			apiOverrides: { statusEndpoint: '/sales/{saleId}/state', statusMethod: 'PATCH', statusBodyField: 'newStatus' },
		});

		expect(run.error?.httpCode).toBe('404');
		const [call] = apiRequests(sandbox, 'loop');
		expect(call.method).toBe('PATCH');
		expect(call.path).toBe('/sales/sale-0001/state');
		expect(JSON.parse(call.bodyText)).toEqual({ newStatus: 'sold' });
		expect(sandbox.state.loop.sale('sale-0001')).toMatchObject({ status: 'draft' });
	});

	test('Item Address and Item Method change the item request', async () => {
		const run = await runCollabor8(sandbox, 'loop', {
			resource: 'item',
			operation: 'create',
			description: 'Valve',
			apiOverrides: { itemEndpoint: '/items/import', itemMethod: 'PUT' },
		});

		expect(run.error?.httpCode).toBe('404');
		const [call] = apiRequests(sandbox, 'loop');
		expect(call.method).toBe('PUT');
		expect(call.path).toBe('/items/import');
		expect(sandbox.state.loop.items).toHaveLength(0);
	});

	test('Page Size changes the size asked for on every page', async () => {
		const run = await runCollabor8(sandbox, 'loop', {
			resource: 'sale',
			operation: 'getMany',
			returnAll: true,
			apiOverrides: { pageSize: 10 },
		});

		expect(run.json.map((sale) => sale.id)).toEqual(allSales.map((sale) => sale.id));
		expect(salesCalls()).toEqual([
			{ page: ['1'], limit: ['10'] },
			{ page: ['2'], limit: ['10'] },
			{ page: ['3'], limit: ['10'] },
			{ page: ['4'], limit: ['10'] },
		]);
	});

	test('Total Fields names where the total is: an unknown name means paging goes on to an empty page', async () => {
		sandbox.state.loop.replaceSales(200);
		const withGuess = await runCollabor8(sandbox, 'loop', { resource: 'sale', operation: 'getMany', returnAll: true, options: { countQueries: true } });
		expect(withGuess.json).toHaveLength(200);
		expect(salesCalls()).toHaveLength(2);
		sandbox.server.reset();
		sandbox.state.loop.replaceSales(200);

		const run = await runCollabor8(sandbox, 'loop', {
			resource: 'sale',
			operation: 'getMany',
			returnAll: true,
			options: { countQueries: true },
			apiOverrides: { totalFields: 'matchCount' },
		});

		expect(run.json).toHaveLength(200);
		expect(salesCalls().map((query) => query.page[0])).toEqual(['1', '2', '3']);
	});

	test('an endpoint that would leave its place is refused before any request, naming the override', async () => {
		const run = await runCollabor8(sandbox, 'loop', {
			resource: 'sale',
			operation: 'get',
			saleId: 'sale-0004',
			apiOverrides: { saleEndpoint: '/sales/../token/{saleId}' },
		});

		expect(run.error?.message).toMatch(/^Sale Address must not hold "\." or "\.\." steps; .* \[item 0\]$/);
		expect(apiRequests(sandbox, 'loop')).toHaveLength(0);
	});
});

describe('Collabor8 Loop: a service that serves fewer sales per page than asked', () => {
	test('Return All still reads every sale when the page size is capped silently below what the node asks for', async () => {
		sandbox.state.loop.replaceSales(250);
		sandbox.state.loop.pageSizeCap = 30;

		const run = await runCollabor8(sandbox, 'loop', { resource: 'sale', operation: 'getMany', returnAll: true });

		expect(run.error).toBeUndefined();
		expect(run.json.map((sale) => sale.id)).toEqual(initialSales(250).map((sale) => sale.id));
	});

	test('with Count Totals and a capped page, Return All reads every sale', async () => {
		sandbox.state.loop.replaceSales(95);
		sandbox.state.loop.pageSizeCap = 20;

		const run = await runCollabor8(sandbox, 'loop', {
			resource: 'sale',
			operation: 'getMany',
			returnAll: true,
			options: { countQueries: true },
			apiOverrides: { pageSize: 20 },
		});

		expect(run.json.map((sale) => sale.id)).toEqual(initialSales(95).map((sale) => sale.id));
		expect(salesCalls().map((query) => query.page[0])).toEqual(['1', '2', '3', '4', '5']);
	});
});

describe('Collabor8 Loop: workflows saved with version 1', () => {
	// As the editor saved them then: Sale ID as plain text, the default resource (Sale) left out.
	test('Update Status of a Sale ID saved as plain text updates that sale and outputs it, as before', async () => {
		const run = await runCollabor8(sandbox, 'loop', { operation: 'updateStatus', saleId: 'sale-0001', status: 'sold' }, { typeVersion: 1 });

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual([{ ...allSales[0], status: 'sold' }]);
		expect(apiRequests(sandbox, 'loop').map((entry) => `${entry.method} ${entry.path}`)).toEqual(['PUT /sales/sale-0001/status']);
	});
});
