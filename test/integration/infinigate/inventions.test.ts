/**
 * Every Infinigate guess a user can correct in the node's API Overrides, against a sandbox that reads
 * it differently (sandbox/infinigate/inventions.ts): the node fails with a message naming the field,
 * and passes once the field is set to what that sandbox serves. The expectations come from the
 * sandbox's inventions and its data, never from the node's defaults. One test shows that a workflow
 * saved with version 1.1 still corrects a guess in Options.
 */
import type { INodeParameters } from 'n8n-workflow';

import type { InfinigateInventions } from '../../../sandbox/infinigate/inventions';
import { DISAGREEING } from '../../../sandbox/infinigate/inventions';
import type { InfinigateSandbox } from './helpers';
import { apiRequests, byNumber, runInfinigate, startInfinigate } from './helpers';

/** A sandbox that disagrees with the node on one guess only, so that each test shows one field at work. */
async function disagreeingOn<K extends keyof InfinigateInventions>(
	key: K,
	run: (sandbox: InfinigateSandbox, invented: InfinigateInventions[K]) => Promise<void>,
): Promise<void> {
	const sandbox = await startInfinigate({ inventions: { infinigate: { [key]: DISAGREEING[key] } } });
	try {
		await run(sandbox, DISAGREEING[key]);
	} finally {
		await sandbox.close();
	}
}

describe('Infinigate against a sandbox that reads each correctable guess differently', () => {
	test("version 1.1 (a saved workflow), quotes served elsewhere: the gateway's 404 names Options → Quotes Address, and setting it there works", async () => {
		await disagreeingOn('quotesPath', async (sandbox, quotesPath) => {
			const list = { resource: 'purchaseQuote', operation: 'getMany', returnAll: true };

			const failing = await runInfinigate(sandbox, list, { typeVersion: 1.1 });
			const corrected = await runInfinigate(sandbox, { ...list, options: { quotesLocation: quotesPath } }, { typeVersion: 1.1 });

			expect(failing.error?.message).toContain('check Options → Quotes Address');
			expect(corrected.error).toBeUndefined();
			expect(corrected.json.map((json) => json.documentNumber)).toEqual(sandbox.state.quotes.map((quote) => quote.header.documentNumber));
		});
	});

	test('quote requests taken elsewhere: the 404 names API Overrides → Quote Request Address, and setting it works', async () => {
		await disagreeingOn('quoteRequestPath', async (sandbox, quoteRequestPath) => {
			const request: INodeParameters = { resource: 'purchaseQuote', operation: 'request', lines: { line: [{ itemNumber: '6D34G6', quantity: 2 }] } };

			const failing = await runInfinigate(sandbox, request);
			const corrected = await runInfinigate(sandbox, { ...request, apiOverrides: { requestLocation: quoteRequestPath } });

			expect(failing.error?.message).toContain('check API Overrides → Quote Request Address');
			expect(sandbox.state.quoteRequests).toHaveLength(1);
			expect(corrected.error).toBeUndefined();
			expect(corrected.json[0]).toMatchObject({ documentStatus: 'Requested' });
		});
	});

	test('smaller document pages: the refusal names API Overrides → Page Size, and a page size the service serves works', async () => {
		await disagreeingOn('maxDocumentTake', async (sandbox, maxTake) => {
			const list: INodeParameters = { resource: 'purchaseInvoice', operation: 'getMany', periodStart: '2000-01-01', returnAll: true };

			const failing = await runInfinigate(sandbox, list);
			const corrected = await runInfinigate(sandbox, { ...list, apiOverrides: { pageSize: maxTake } });

			expect(failing.error?.httpCode).toBe('400');
			expect(failing.error?.message).toMatch(/^Infinigate refused the page size: lower API Overrides → Page Size/);
			expect(corrected.error).toBeUndefined();
			expect(corrected.json).toHaveLength(sandbox.state.invoices.length);
			for (const request of apiRequests(sandbox, '/invoice-management/v2/purchaseinvoice').slice(1)) {
				expect(Number(request.query.Take[0])).toBeLessThanOrEqual(maxTake);
			}
		});
	});

	test('smaller price-list pages: the refusal names API Overrides → Page Size, and a page size the service serves works', async () => {
		await disagreeingOn('maxPriceListTake', async (sandbox, maxTake) => {
			const search: INodeParameters = { resource: 'priceList', operation: 'search', searchTerm: 'switch', returnAll: true };
			const expected = sandbox.state.products.filter(
				(entry) => entry.product.sku.toLowerCase().includes('switch') || entry.product.descriptionFullText.toLowerCase().includes('switch'),
			);

			const failing = await runInfinigate(sandbox, search);
			const corrected = await runInfinigate(sandbox, { ...search, apiOverrides: { pageSize: maxTake } });

			expect(failing.error?.message).toMatch(/^Infinigate refused the page size: lower API Overrides → Page Size/);
			expect(corrected.error).toBeUndefined();
			expect(corrected.json).toHaveLength(expected.length);
			expect(expected.length).toBeGreaterThan(maxTake);
		});
	});

	test('only the guide\'s v1 of invoice management: the 404 names Options → API Version, and V1 works', async () => {
		await disagreeingOn('invoiceApiVersions', async (sandbox, versions) => {
			const invoice = sandbox.state.invoices[4];
			const get: INodeParameters = { resource: 'purchaseInvoice', operation: 'get', document: byNumber(String(invoice.header.documentNumber)) };

			const failing = await runInfinigate(sandbox, get);
			const corrected = await runInfinigate(sandbox, { ...get, options: { apiVersion: versions[0] } });

			expect(failing.error?.message).toContain('check Options → API Version');
			expect(corrected.error).toBeUndefined();
			expect(corrected.json).toEqual([invoice]);
		});
	});

	test('fewer SKUs per look-up: the refusal names API Overrides → SKUs per Request, and that many works', async () => {
		await disagreeingOn('maxSkusPerRequest', async (sandbox, maxSkus) => {
			const skus = sandbox.state.products.slice(0, maxSkus + 5).map((entry) => entry.product.sku);
			const lookUp: INodeParameters = { resource: 'priceList', operation: 'getBySku', skus: skus.join(', ') };

			const failing = await runInfinigate(sandbox, lookUp);
			const corrected = await runInfinigate(sandbox, { ...lookUp, apiOverrides: { skusPerRequest: maxSkus } });

			expect(failing.error?.httpCode).toBe('400');
			expect(failing.error?.message).toMatch(/lower API Overrides → SKUs per Request/);
			expect(corrected.error).toBeUndefined();
			expect(new Set(corrected.json.map((json) => json.sku))).toEqual(new Set(skus));
			expect(corrected.json.every((json) => json.found === true)).toBe(true);
		});
	});
});

describe('Infinigate 1.2: an override left in Options does not apply', () => {
	test("quotes served elsewhere: the 404 names API Overrides → Quotes Address, and setting it there works", async () => {
		await disagreeingOn('quotesPath', async (sandbox, quotesPath) => {
			const list = { resource: 'purchaseQuote', operation: 'getMany', returnAll: true };

			const failing = await runInfinigate(sandbox, list, { typeVersion: 1.2 });
			const misplaced = await runInfinigate(sandbox, { ...list, options: { quotesLocation: quotesPath } }, { typeVersion: 1.2 });
			const corrected = await runInfinigate(sandbox, { ...list, apiOverrides: { quotesLocation: quotesPath } }, { typeVersion: 1.2 });

			expect(failing.error?.message).toContain('check API Overrides → Quotes Address');
			expect(misplaced.error?.message).toContain('check API Overrides → Quotes Address');
			expect(corrected.error).toBeUndefined();
			expect(corrected.json.map((json) => json.documentNumber)).toEqual(sandbox.state.quotes.map((quote) => quote.header.documentNumber));
		});
	});
});
