/**
 * A read that serves one thing (a product, a sale, the import status) answered with something that
 * is not one JSON object: the item fails, saying so, instead of becoming an item made of a number or
 * a text, or vanishing (an empty list).
 */
import { startSandbox } from '../../../sandbox';
import type { Sandbox } from '../../../sandbox';
import type { NodeRun } from '../../support/run-node';
import { runCollabor8 } from './helpers';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox();
});

afterAll(async () => {
	await sandbox.close();
});

beforeEach(() => {
	sandbox.server.reset();
	sandbox.faults.clear();
});

const reads: Array<[string, string, () => Promise<NodeRun>, string]> = [
	['EqHub Product → Get', 'collabor8EqHub', () => runCollabor8(sandbox, 'eqhub', { resource: 'product', operation: 'get', eqhubProductId: '3f6d2c1a-8b4e-4f2a-9c7d-1e5b6a7c8d90' }), 'the product 3f6d2c1a-8b4e-4f2a-9c7d-1e5b6a7c8d90'],
	['EqHub Product → Get (Legacy)', 'collabor8EqHub', () => runCollabor8(sandbox, 'eqhub', { resource: 'product', operation: 'getLegacy', legacyId: '100234' }), 'the product 100234'],
	['Loop Sale → Get', 'collabor8Loop', () => runCollabor8(sandbox, 'loop', { resource: 'sale', operation: 'get', saleId: 'sale-0001' }), 'the sale sale-0001'],
	['Virtual Inventory → Get Status', 'collabor8VirtualInventory', () => runCollabor8(sandbox, 'virtualInventory', { resource: 'inventoryImport', operation: 'getStatus' }), 'the import status'],
];

describe.each(reads)('%s', (_name, service, run, what) => {
	test.each([
		[42, 'the number 42'],
		['text', '"text"'],
		[true, 'the boolean true'],
		[[], 'a list ([])'],
	])('answered %p: the item fails, naming what could not be read', async (value, shown) => {
		// Every call of the service but the token request gets the answer.
		sandbox.faults.set(service, { path: '^/(?!token)', faults: { kind: 'nonObject', value } });

		const result = await run();

		expect(result.json).toEqual([]);
		expect(result.error?.message).toBe(`The answer for ${what} cannot be read: it is ${shown}, where one JSON object was expected [item 0]`);
	});
});
