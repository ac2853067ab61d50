import type { Sandbox } from '../../../sandbox';
import { PNG_IMAGE, JPEG_IMAGE, sandboxProducts } from '../../../sandbox/collabor8/eqhub/data';
import { apiRequests, runCollabor8, startCollabor8, tokenRequests } from './helpers';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startCollabor8();
});

afterAll(async () => await sandbox.close());

beforeEach(() => sandbox.server.reset());

const [pump, valve, sensor] = sandboxProducts();

describe('Collabor8 EqHub: products', () => {
	test('a product by TEK number comes back in the former EqHub structure', async () => {
		const run = await runCollabor8(sandbox, 'eqhub', { resource: 'product', operation: 'getLegacy', legacyId: '100234' });

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual([pump.legacy]);
		const [call] = apiRequests(sandbox, 'eqhub');
		expect(call.method).toBe('GET');
		expect(call.path).toBe('/legacy/Teknos/100234');
		expect(call.headers.authorization).toMatch(/^Bearer \S+$/);
	});

	test('an unknown TEK number fails with the service message and HTTP 404', async () => {
		const run = await runCollabor8(sandbox, 'eqhub', { resource: 'product', operation: 'getLegacy', legacyId: '999999' });

		expect(run.error?.message).toBe("Collabor8 EqHub: Not found (Product with ID '999999' was not found.)");
		expect(run.error?.httpCode).toBe('404');
	});

	test('a TEK number is URL-encoded, so it cannot reach another endpoint', async () => {
		const run = await runCollabor8(sandbox, 'eqhub', { resource: 'product', operation: 'getLegacy', legacyId: '../../token' });

		expect(run.error?.httpCode).toBe('404');
		expect(apiRequests(sandbox, 'eqhub').map((entry) => entry.path)).toEqual(['/legacy/Teknos/..%2F..%2Ftoken']);
	});

	test('product details come back as the service sends them with Simplify off', async () => {
		const run = await runCollabor8(sandbox, 'eqhub', {
			resource: 'product',
			operation: 'get',
			eqhubProductId: pump.eqhubProductId,
			simplify: false,
		});

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual([pump.document(`${sandbox.url}/collabor8`)]);
		expect(apiRequests(sandbox, 'eqhub')[0].path).toBe(`/product-details/${pump.eqhubProductId}`);
	});

	test('simplified product details are one flat row: main fields, then "Name (unit)" properties holding numbers', async () => {
		const run = await runCollabor8(sandbox, 'eqhub', {
			resource: 'product',
			operation: 'get',
			eqhubProductId: pump.eqhubProductId,
			simplify: true,
		});

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual([
			{
				id: 48213,
				eqhubProductId: pump.eqhubProductId,
				eqhubProductVersion: 3,
				manufacturerId: 'MFR-0042',
				manufacturerName: 'Aker Pumps AS',
				partNumber: 'AP-200-CF',
				partNumberAliases: 'AP200CF, AP-200',
				modelNumber: 'AP-200',
				gtinNumber: '07038010012345',
				description: 'Centrifugal pump, horizontal, end suction',
				isLastVersion: true,
				status: 'Approved',
				type: 'Product',
				productRevisionWebUrl: `https://eqhub.example/products/${pump.eqhubProductId}/revisions/3`,
				mainImageUrl: `${sandbox.url}/collabor8/eqhub-m2m/eqhub-api/v1/product-details/${pump.eqhubProductId}/image/a7b8c9d0-e1f2-4a3b-9c4d-5e6f7a8b9c0d`,
				'Rated flow (m3/h)': 120,
				'Impeller diameter (mm)': 250,
				'Number of stages': 1,
				'Casing material': 'Duplex stainless steel',
				'Operating temperature (°C)': '-20 – 120',
				Certification: 'ATEX; NORSOK M-650',
			},
		]);
		// Every value is a plain cell: nothing nested for a spreadsheet to choke on.
		for (const value of Object.values(run.json[0])) expect(['string', 'number', 'boolean']).toContain(typeof value);
	});

	test('simplify keeps an empty GTIN as an empty cell and turns a range with a unit into one text cell', async () => {
		const run = await runCollabor8(sandbox, 'eqhub', {
			resource: 'product',
			operation: 'get',
			eqhubProductId: valve.eqhubProductId,
			simplify: true,
		});

		expect(run.json[0].gtinNumber).toBeNull();
		expect(run.json[0].partNumberAliases).toBe('');
		expect(run.json[0]['Nominal size (mm)']).toBe(50);
		expect(run.json[0]['Pressure rating (bar)']).toBe('10 – 40');
		expect(run.json[0].mainImageUrl).toBeUndefined();
	});

	test('an unknown product fails with HTTP 404 and a hint to check the ID, the environment and the option that corrects the address', async () => {
		const run = await runCollabor8(sandbox, 'eqhub', { resource: 'product', operation: 'get', eqhubProductId: 'no-such-product' });

		expect(run.error?.message).toBe("Collabor8 EqHub: Not found (Product 'no-such-product' was not found.)");
		expect(run.error?.description).toContain('Check the ID');
		expect(run.error?.description).toContain('API Overrides → Product Details Address');
		expect(run.error?.description).not.toMatch(/\bpath\b/i);
	});

	test('Get simplifies by default in new nodes; nodes saved as version 1 keep the full document', async () => {
		const parameters = { resource: 'product', operation: 'get', eqhubProductId: pump.eqhubProductId };

		const current = await runCollabor8(sandbox, 'eqhub', parameters);
		const saved = await runCollabor8(sandbox, 'eqhub', parameters, { typeVersion: 1 });

		expect(current.json[0].partNumber).toBe('AP-200-CF');
		expect(current.json[0].data).toBeUndefined();
		expect(saved.json).toEqual([pump.document(`${sandbox.url}/collabor8`)]);
	});

	test('Product Details Address changes where Get and Download Image (main image) ask for the product', async () => {
		const apiOverrides = { productDetailsEndpoint: '/products/{eqhubProductId}/details' };

		const get = await runCollabor8(sandbox, 'eqhub', { resource: 'product', operation: 'get', eqhubProductId: pump.eqhubProductId, apiOverrides });
		const image = await runCollabor8(sandbox, 'eqhub', {
			resource: 'product',
			operation: 'downloadImage',
			eqhubProductId: pump.eqhubProductId,
			image: 'main',
			apiOverrides,
		});

		expect(get.error?.httpCode).toBe('404');
		expect(image.error?.httpCode).toBe('404');
		expect(apiRequests(sandbox, 'eqhub').map((entry) => entry.path)).toEqual([
			`/products/${pump.eqhubProductId}/details`,
			`/products/${pump.eqhubProductId}/details`,
		]);
	});

	test('an empty product ID fails before any request, naming the field and the item', async () => {
		const run = await runCollabor8(sandbox, 'eqhub', { resource: 'product', operation: 'get', eqhubProductId: '  ' });

		expect(run.error?.message).toBe('EqHub Product ID must not be empty [item 0]');
		expect(tokenRequests(sandbox, 'eqhub')).toHaveLength(0);
	});
});

describe('Collabor8 EqHub: images', () => {
	test('the main image is downloaded as binary data named after the image', async () => {
		const run = await runCollabor8(sandbox, 'eqhub', {
			resource: 'product',
			operation: 'downloadImage',
			eqhubProductId: pump.eqhubProductId,
			image: 'main',
			binaryPropertyName: 'picture',
		});

		expect(run.error).toBeUndefined();
		const [item] = run.outputs[0];
		expect(item.json).toEqual({
			eqhubProductId: pump.eqhubProductId,
			imageUuid: 'a7b8c9d0-e1f2-4a3b-9c4d-5e6f7a8b9c0d',
			fileName: 'AP-200 centrifugal pump.png',
			mimeType: 'image/png',
			fileSize: PNG_IMAGE.length,
		});
		expect(item.binary?.picture.fileName).toBe('AP-200 centrifugal pump.png');
		expect(item.binary?.picture.mimeType).toBe('image/png');
		expect(Buffer.from(item.binary!.picture.data, 'base64')).toEqual(PNG_IMAGE);
		expect(apiRequests(sandbox, 'eqhub').map((entry) => entry.path)).toEqual([
			`/product-details/${pump.eqhubProductId}`,
			`/product-details/${pump.eqhubProductId}/image/a7b8c9d0-e1f2-4a3b-9c4d-5e6f7a8b9c0d`,
		]);
	});

	test('an image by ID, sent without a file name, is named after its ID with the extension of its type', async () => {
		const run = await runCollabor8(sandbox, 'eqhub', {
			resource: 'product',
			operation: 'downloadImage',
			eqhubProductId: pump.eqhubProductId,
			image: 'byId',
			imageUuid: 'd1e2f3a4-b5c6-4d7e-8f90-a1b2c3d4e5f6',
		});

		expect(run.error).toBeUndefined();
		const [item] = run.outputs[0];
		expect(item.binary?.data.fileName).toBe('d1e2f3a4-b5c6-4d7e-8f90-a1b2c3d4e5f6.jpg');
		expect(Buffer.from(item.binary!.data.data, 'base64')).toEqual(JPEG_IMAGE);
		// By ID there is no need to read the product first.
		expect(apiRequests(sandbox, 'eqhub')).toHaveLength(1);
	});

	test('a product without images fails clearly, and with Continue On Fail the other items still download', async () => {
		const run = await runCollabor8(
			sandbox,
			'eqhub',
			{ resource: 'product', operation: 'downloadImage', eqhubProductId: '={{ $json.id }}', image: 'main' },
			{ items: [{ id: valve.eqhubProductId }, { id: sensor.eqhubProductId }], continueOnFail: true },
		);

		expect(run.error).toBeUndefined();
		expect(run.json[0].error).toBe(`EqHub Product ID "${valve.eqhubProductId}" has no image in EqHub [item 0]`);
		expect(run.outputs[0][1].binary?.data.mimeType).toBe('image/jpeg');
		expect(run.outputs[0][1].pairedItem).toEqual({ item: 1 });
	});

	test('an unknown image fails with HTTP 404', async () => {
		const run = await runCollabor8(sandbox, 'eqhub', {
			resource: 'product',
			operation: 'downloadImage',
			eqhubProductId: pump.eqhubProductId,
			image: 'byId',
			imageUuid: '00000000-0000-4000-8000-000000000000',
		});

		expect(run.error?.httpCode).toBe('404');
		expect(run.error?.message).toBe('Collabor8 EqHub: Not found (Image was not found.)');
	});
});
