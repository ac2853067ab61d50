/**
 * SKU look-ups of many items: few requests, several in flight at once, and every item still gets
 * exactly its own products, in input order.
 */
import type { InfinigateSandbox } from './helpers';
import { apiRequests, pairedItems, runInfinigate, startInfinigate } from './helpers';

let sandbox: InfinigateSandbox;

beforeAll(async () => {
	sandbox = await startInfinigate();
});

afterAll(async () => await sandbox.close());

beforeEach(() => sandbox.server.reset());

const skusOf = (count: number): string[] => sandbox.state.products.slice(0, count).map((stored) => stored.product.sku);

test('2,000 items with one SKU each: at most 20 requests, token included, up to 4 in flight, each item its own product in order', async () => {
	sandbox.server.latencyMs = 40;
	const skus = skusOf(2000);

	const run = await runInfinigate(
		sandbox,
		{ resource: 'priceList', operation: 'getBySku', skus: '={{ $json.sku }}', options: { maxConcurrentRequests: 4 } },
		{ items: skus.map((sku) => ({ sku })) },
	);

	expect(run.error).toBeUndefined();
	expect(run.json.map((json) => json.sku)).toEqual(skus);
	expect(pairedItems(run.outputs[0])).toEqual([...skus.keys()]);
	expect(sandbox.server.requests({ service: 'infinigate' }).length).toBeLessThanOrEqual(20);
	expect(sandbox.server.peakInFlight('infinigate')).toBeGreaterThan(1);
	expect(sandbox.server.peakInFlight('infinigate')).toBeLessThanOrEqual(4);
});

test('with Continue On Fail and look-ups in flight at once, a failed look-up turns exactly its own items into error items', async () => {
	sandbox.server.latencyMs = 20;
	const skus = skusOf(900);
	sandbox.server.addFault({
		service: 'infinigate',
		path: '^/product-management/v1/pricelist/sku$',
		kind: 'status',
		status: 500,
		body: { statusCode: 500, message: 'Internal server error' },
		times: 1,
	});

	const run = await runInfinigate(
		sandbox,
		{ resource: 'priceList', operation: 'getBySku', skus: '={{ $json.sku }}' },
		{ items: skus.map((sku) => ({ sku })), continueOnFail: true },
	);

	const lookups = apiRequests(sandbox, '/product-management/v1/pricelist/sku');
	expect(lookups.length).toBeGreaterThan(2);
	const failedSkus = new Set(lookups.find((entry) => entry.status === 500)?.query.no);
	expect(failedSkus.size).toBeGreaterThan(0);
	expect(pairedItems(run.outputs[0])).toEqual([...skus.keys()]);
	run.json.forEach((json, index) => {
		if (failedSkus.has(skus[index])) expect(json.error).toBe('Infinigate: Internal server error');
		else expect(json.sku).toBe(skus[index]);
	});
});

describe('reading the SKUs of many items', () => {
	const getBySku = (skus: string) => ({ resource: 'priceList', operation: 'getBySku', skus });

	test('{{ $json.field }} gives each item its own field, and an item without it fails naming the item', async () => {
		const skus = skusOf(3);
		const items = [{ code: skus[0] }, { code: skus[1] }, { other: 'x' }, { code: skus[2] }];

		const run = await runInfinigate(sandbox, getBySku('={{ $json.code }}'), { items, continueOnFail: true });

		expect(run.json.map((json) => json.sku ?? json.error)).toEqual([
			skus[0],
			skus[1],
			'SKUs must name at least one SKU [item 2]',
			skus[2],
		]);
	});

	test('any other expression is evaluated for each item as n8n does', async () => {
		const skus = skusOf(3);
		const items = skus.map((sku) => ({ code: `  ${sku.toLowerCase()} ` }));

		const run = await runInfinigate(sandbox, getBySku('={{ $json.code.trim().toUpperCase() }}'), { items });

		expect(run.json.map((json) => json.sku)).toEqual(skus);
	});

	test('a fixed list is the same for every item', async () => {
		const skus = skusOf(2);

		const run = await runInfinigate(sandbox, getBySku(skus.join(', ')), { items: [{}, {}] });

		expect(run.json.map((json) => json.sku)).toEqual([...skus, ...skus]);
		expect(pairedItems(run.outputs[0])).toEqual([0, 0, 1, 1]);
	});
});
