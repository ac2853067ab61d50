import { outputItems } from '../../support/n8n';
import { lastMonth } from '../../support/sandbox-data';
import type { ExampleExpectation } from './types';

export const infinigateExamples: Record<string, ExampleExpectation> = {
	'infinigate-prices-and-stock-of-skus': {
		does: 'prices all four SKUs in one request and tells stock, licence and unknown SKU apart',
		check: (run, sandbox) => {
			const rows = outputItems(run, 'Price and availability').map((item) => item.json);
			expect(rows).toEqual([
				expect.objectContaining({ sku: '6D34G6', quantity: 10, unitPrice: 2620.24, currency: 'EUR', stock: '226', availability: 'in stock' }),
				expect.objectContaining({ sku: '6KTRCD', quantity: 600, stock: '486', availability: 'not enough stock' }),
				expect.objectContaining({ sku: '6APE0Q', quantity: 25, availability: 'licence, no stock' }),
				expect.objectContaining({ sku: 'ZZZ999', quantity: 1, availability: 'unknown SKU' }),
			]);

			const lookups = sandbox.server.requests({ service: 'infinigate', method: 'GET', path: '/product-management/v1/pricelist/sku' });
			expect(lookups).toHaveLength(1);
			expect(lookups[0].query.no).toEqual(['6D34G6', '6KTRCD', '6APE0Q', 'ZZZ999']);
			expect(lookups[0].status).toBe(200);
			expect(sandbox.server.requests({ service: 'infinigate', path: '/authorization/token' })).toHaveLength(1);
		},
	},

	'infinigate-last-month-invoice-lines': {
		does: "outputs one item per product line of every invoice posted last month, with the invoice's number and date",
		check: (run, sandbox) => {
			const { start, end } = lastMonth();
			const invoices = sandbox.state.infinigate.invoices.filter((invoice) => {
				const posted = String(invoice.header.postingDate);
				return posted >= start && posted <= end;
			});
			const expectedLines = invoices.flatMap((invoice) =>
				invoice.lines
					.filter((line) => line.lineType !== 'Text')
					.map((line) => ({ documentNumber: invoice.header.documentNumber, lineNumber: line.lineNumber })),
			);
			expect(expectedLines.length).toBeGreaterThan(0);

			const lines = outputItems(run, "Last month's invoice lines").map((item) => item.json);
			expect(lines.map((line) => ({ documentNumber: line.documentNumber, lineNumber: line.lineNumber }))).toEqual(
				expect.arrayContaining(expectedLines),
			);
			expect(lines).toHaveLength(expectedLines.length);
			for (const line of lines) {
				expect(String(line.documentDate) >= start && String(line.documentDate) <= end).toBe(true);
				expect(line).toMatchObject({ documentType: 'purchaseInvoice', currencyCode: 'EUR' });
			}

			// One page of invoices, then the empty page that ends the list (a short page does not).
			const overview = sandbox.server.requests({ service: 'infinigate', method: 'GET', path: '/invoice-management/v2/purchaseinvoice' });
			expect(overview.map((request) => request.query.Skip)).toEqual([['0'], [String(invoices.length)]]);
			expect(overview[0].query).toMatchObject({ PeriodStart: [start], PeriodEnd: [end] });
		},
	},

	'infinigate-vendor-price-list': {
		does: "returns the manufacturer's whole price list in one request, each product once",
		check: (run, sandbox) => {
			const expected = sandbox.state.infinigate.products.filter((entry) => entry.product.vendorName === 'Lumaport');
			const products = outputItems(run, 'Lumaport price list').map((item) => item.json);
			expect(products).toHaveLength(expected.length);
			expect(new Set(products.map((product) => product.sku)).size).toBe(expected.length);
			expect(products.every((product) => product.vendorName === 'Lumaport')).toBe(true);

			const requests = sandbox.server.requests({ service: 'infinigate', method: 'GET', path: /^\/product-management\// });
			expect(requests.map((request) => [request.path, request.query])).toEqual([
				['/product-management/v1/pricelist/', { manufacturerName: ['Lumaport'] }],
			]);
		},
	},
};
