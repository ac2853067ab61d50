/**
 * Azure API Management, in front of every Collabor8 API, answers a route it does not know with
 * `404 {"statusCode":404,"message":"Resource not found"}` (public, production). That is a wrong
 * address: the item fails naming the field that corrects it. Only a 404 that the service itself
 * gives for an unknown product or sale means "not there".
 */
import { startSandbox } from '../../../sandbox';
import type { Sandbox } from '../../../sandbox';
import { runCollabor8 } from './helpers';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox();
});

afterAll(async () => {
	await sandbox.close();
});

beforeEach(() => sandbox.server.reset());

const GATEWAY_404 = 'No API at this address (the gateway answered "Resource not found")';

describe('Collabor8 EqHub: Product → Get', () => {
	test('a product EqHub does not have is "not found", with the ID to check', async () => {
		const run = await runCollabor8(sandbox, 'eqhub', { resource: 'product', operation: 'get', eqhubProductId: 'no-such-product' });

		expect(run.error?.message).toBe("Collabor8 EqHub: Not found (Product 'no-such-product' was not found.)");
		expect(run.error?.description).toContain('Check the ID');
	});

	test("the gateway's 404 for an address it does not know is a wrong address, naming Product Details Address", async () => {
		const run = await runCollabor8(sandbox, 'eqhub', {
			resource: 'product',
			operation: 'get',
			eqhubProductId: '3f6d2c1a-8b4e-4f2a-9c7d-1e5b6a7c8d90',
			apiOverrides: { productDetailsEndpoint: '/products/{eqhubProductId}' },
		});

		expect(run.error?.message).toBe(`Collabor8 EqHub: ${GATEWAY_404}`);
		expect(run.error?.description).toContain('This is a wrong address, not "nothing found": correct API Overrides → Product Details Address.');
	});
});

describe('Collabor8 Loop: Sale → Get', () => {
	test('a sale Loop does not have is "not found"', async () => {
		const run = await runCollabor8(sandbox, 'loop', { resource: 'sale', operation: 'get', saleId: 'sale-9999' });

		expect(run.error?.message).toBe("Collabor8 Loop: Not found (Sale 'sale-9999' was not found)");
	});

	test("the gateway's 404 is a wrong address, naming Sale Address", async () => {
		const run = await runCollabor8(sandbox, 'loop', {
			resource: 'sale',
			operation: 'get',
			saleId: 'sale-0001',
			apiOverrides: { saleEndpoint: '/sale/{saleId}' },
		});

		expect(run.error?.message).toBe(`Collabor8 Loop: ${GATEWAY_404}`);
		expect(run.error?.description).toContain('correct API Overrides → Sale Address.');
	});
});
