import { createHash } from 'node:crypto';

import { outputItems } from '../../support/n8n';
import type { ExampleExpectation } from './types';

const PUMP_ID = '3f6d2c1a-8b4e-4f2a-9c7d-1e5b6a7c8d90';
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/**
 * How long the web import keeps Virtual Inventory busy, counted from the node's first status check
 * (so that the test does not depend on how fast `n8n execute` starts): longer than one poll interval
 * of the example (5 s), so that the node must ask at least twice.
 */
const BUSY_MS = 6_000;

export const collabor8Examples: Record<string, ExampleExpectation> = {
	'collabor8-eqhub-product-data': {
		does: 'gets a product by TEK number, its simplified details and its main image, with one token for all three',
		check: (run, sandbox, n8n) => {
			expect(outputItems(run, 'Product by TEK number').map((item) => item.json)).toEqual([
				expect.objectContaining({ TekNo: '100234', ManufacturerPartNo: 'AP-200-CF' }),
			]);

			const [simplified] = outputItems(run, 'Product details, simplified').map((item) => item.json);
			expect(simplified).toMatchObject({
				eqhubProductId: PUMP_ID,
				partNumber: 'AP-200-CF',
				manufacturerName: 'Aker Pumps AS',
				'Rated flow (m3/h)': 120,
				'Impeller diameter (mm)': 250,
			});
			expect(Object.values(simplified).every((value) => value === null || typeof value !== 'object')).toBe(true);

			const [image] = outputItems(run, 'Main image');
			expect(image.binary?.data).toMatchObject({ mimeType: 'image/png', fileName: 'AP-200 centrifugal pump.png' });
			const bytes = n8n.readBinary(image.binary!.data);
			expect(bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);

			// The token is stored in the credential and reused by the next nodes of the run.
			expect(sandbox.server.requests({ service: 'collabor8EqHub', method: 'POST', path: '/token' })).toHaveLength(1);
		},
	},

	'collabor8-virtual-inventory-upload': {
		does: 'waits while another import is active, then uploads the Excel file once, byte for byte',
		before: (sandbox) => {
			// Someone of the company imports from the web page for the next few seconds.
			sandbox.state.virtualInventory.startWebImport(BUSY_MS, { fromNextCheck: true });
		},
		check: (run, sandbox, n8n) => {
			const [upload] = outputItems(run, 'Upload when import is allowed').map((item) => item.json);
			expect(upload).toMatchObject({ fileName: 'inventory-import.xlsx', importMode: 'ApplyWithoutFeedback', status: 'Applied' });
			expect(Number(upload.waitedSeconds)).toBeGreaterThan(0);

			const log = sandbox.server.requests({ service: 'collabor8VirtualInventory' });
			const uploads = log.filter((entry) => entry.method === 'POST');
			expect(uploads).toHaveLength(1);
			const statusesBefore = log.filter((entry) => entry.method === 'GET' && entry.seq < uploads[0].seq);
			expect(statusesBefore.length).toBeGreaterThanOrEqual(2);
			const busyUntil = Date.parse(statusesBefore[0].time) + BUSY_MS;
			expect(Date.parse(uploads[0].time)).toBeGreaterThanOrEqual(busyUntil);

			const imports = sandbox.state.virtualInventory.imports;
			const [excel] = outputItems(run, 'Excel file');
			const sent = n8n.readBinary(excel.binary!.data);
			expect(imports).toEqual([
				expect.objectContaining({ fileName: 'inventory-import.xlsx', sha256: createHash('sha256').update(sent).digest('hex') }),
			]);

			expect(outputItems(run, 'Import status')[0].json).toMatchObject({
				isImportAllowed: false,
				activeImport: { source: 'api', importId: upload.importId },
			});
		},
	},

	'collabor8-loop-sales-export': {
		does: 'exports every sale to one CSV file, one row per sale',
		check: (run, sandbox, n8n) => {
			const sales = outputItems(run, 'All sales');
			expect(sales).toHaveLength(23);

			const [file] = outputItems(run, 'CSV file');
			expect(file.binary?.data).toMatchObject({ fileName: 'loop-sales.csv', mimeType: 'text/csv' });
			const rows = n8n.readBinary(file.binary!.data).toString('utf8').replace(/^\uFEFF/, '').trim().split('\n');
			expect(rows[0]).toBe('id,status,description,productClass,quantity,price,currency,location');
			expect(rows).toHaveLength(24);
			expect(rows[1]).toBe('sale-0001,draft,desc,Architectural,1,1025,NOK,Stavanger');

			const pages = sandbox.server.requests({ service: 'collabor8Loop', method: 'GET', path: '/sales' });
			expect(pages.length).toBeGreaterThanOrEqual(1);
			expect(pages[0].query.page).toEqual(['1']);
		},
	},
};
