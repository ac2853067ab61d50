import { DateTime } from 'luxon';

import { Infinigate } from '../../../nodes/Infinigate/Infinigate.node';
import { toIsoDate } from '../../../nodes/Infinigate/helpers/dates';
import { shapeDocument } from '../../../nodes/Infinigate/helpers/documents';
import { API_KEY_REFUSED, CLIENT_REFUSED, describeInfinigateFailure, explainTokenFailure } from '../../../credentials/common/infinigateFailures';
import { readCount, readListPage, readManufacturers } from '../../../nodes/Infinigate/guesses';
import { chunkSkus, skuQueryCost } from '../../../nodes/Infinigate/helpers/skuBatches';

describe('Infinigate dates', () => {
	test.each([
		['2024-07-01', '2024-07-01'],
		['2024-07-01T00:00:00', '2024-07-01'],
		['2024-07-31T23:30:00.000+02:00', '2024-07-31'],
		['2024-07-31T23:30:00Z', '2024-07-31'],
		[' 2024-07-01 ', '2024-07-01'],
	])('the ISO text %s is sent as %s', (input, expected) => {
		expect(toIsoDate(input, 'Europe/Berlin')).toBe(expected);
	});

	test('a Luxon DateTime from an n8n expression is sent as its own calendar date', () => {
		expect(toIsoDate(DateTime.fromISO('2024-07-01T00:30:00', { zone: 'Europe/Berlin' }), 'UTC')).toBe('2024-07-01');
	});

	test('a JavaScript Date is read in the workflow time zone', () => {
		expect(toIsoDate(new Date('2024-06-30T22:30:00Z'), 'Europe/Berlin')).toBe('2024-07-01');
	});

	test('empty means no date', () => {
		expect(toIsoDate('', 'UTC')).toBeUndefined();
		expect(toIsoDate(undefined, 'UTC')).toBeUndefined();
	});

	test.each(['01.07.2024', '2024-13-01', '2024-02-30', 'yesterday', '2024-7-1'])('%s is refused', (input) => {
		expect(() => toIsoDate(input, 'UTC')).toThrow(/not a (calendar )?date/);
	});

	test('an invalid Luxon DateTime is refused', () => {
		expect(() => toIsoDate(DateTime.fromISO('nonsense'), 'UTC')).toThrow('is not a valid date');
	});
});

describe('Infinigate SKU batches', () => {
	test('no batch grows past the query length bound', () => {
		const skus = Array.from({ length: 500 }, (_, index) => `VENDOR-PART-${index}-ÄÖ`);
		const chunks = chunkSkus(skus, 1800, 100);

		expect(chunks.flat()).toEqual(skus);
		for (const chunk of chunks) expect(chunk.reduce((sum, sku) => sum + skuQueryCost(sku), 0)).toBeLessThanOrEqual(1800);
	});

	test('no batch holds more SKUs than allowed', () => {
		const chunks = chunkSkus(Array.from({ length: 250 }, (_, index) => `S${index}`), 100_000, 100);

		expect(chunks.map((chunk) => chunk.length)).toEqual([100, 100, 50]);
	});

	test('a SKU longer than the bound still gets a batch of its own', () => {
		expect(chunkSkus(['A', 'X'.repeat(3000), 'B'], 1800, 100)).toEqual([['A'], ['X'.repeat(3000)], ['B']]);
	});
});

describe('Infinigate answer shapes (guesses)', () => {
	test.each([
		[42, 42],
		['42', 42],
		[{ count: 7 }, 7],
		[{ totalCount: 9 }, 9],
		[{ something: 'else' }, undefined],
	])('the count answer %j reads as %j', (body, expected) => {
		expect(readCount(body)).toBe(expected);
	});

	test('a list is a bare array or sits in result, with its count', () => {
		expect(readListPage([{ sku: 'A' }])).toEqual({ items: [{ sku: 'A' }] });
		expect(readListPage({ count: 3, result: [{ sku: 'A' }] })).toEqual({ items: [{ sku: 'A' }], count: 3 });
		expect(readListPage('nothing')).toEqual({ items: [] });
	});
});

describe('Infinigate refusals', () => {
	const tokenUrl = 'https://api.infinigate.com/authorization/token';

	test("Azure API Management's refusal of the key names the API key", () => {
		const body = {
			statusCode: 401,
			message: 'Access denied due to invalid subscription key. Make sure to provide a valid key for an active subscription.',
		};
		expect(explainTokenFailure(tokenUrl, 401, body)).toBe(API_KEY_REFUSED);
		expect(describeInfinigateFailure(401, body)?.message).toBe(API_KEY_REFUSED);
	});

	test("Keycloak's refusal of the client names client ID and secret", () => {
		const body = { error: 'unauthorized_client', error_description: 'Invalid client or Invalid client credentials' };
		expect(explainTokenFailure(tokenUrl, 401, body)).toBe(CLIENT_REFUSED);
	});

	test('a missing token endpoint points at the environment', () => {
		expect(explainTokenFailure(tokenUrl, 404, { statusCode: 404, message: 'Resource not found' })).toContain('Check the Environment and Base URL');
	});

	test('problem details list their field errors', () => {
		expect(
			describeInfinigateFailure(400, { title: 'One or more validation errors occurred.', errors: { PeriodStart: ['The PeriodStart field is required.'] } })?.message,
		).toBe('One or more validation errors occurred. PeriodStart: The PeriodStart field is required.');
	});
});

describe('Infinigate document shapes', () => {
	const document = {
		header: { documentNumber: 'VR24-1', postingDate: '2024-07-03', currencyCode: 'EUR' },
		lines: [
			{ lineNumber: 1, lineType: 'Text', itemDescription: 'Order' },
			{ lineNumber: 2, lineType: 'Item', quantity: 1 },
		],
		mspDetailInformation: [{ itemSku: 'M1' }],
	};

	test('the document number on a line item is the document’s, even when the line has a field of that name', () => {
		const withClash = { ...document, lines: [{ lineNumber: 2, lineType: 'Item', documentNumber: 'OTHER' }] };
		const [line] = shapeDocument(withClash, { output: 'lines', documentType: 'purchaseInvoice', includeTextLines: false });
		expect(line.documentNumber).toBe('VR24-1');
	});

	test('a document without MSP details gives no usage items', () => {
		expect(shapeDocument({ ...document, mspDetailInformation: [] }, { output: 'mspDetails', documentType: 'purchaseInvoice', includeTextLines: false })).toEqual([]);
	});
});

describe('Infinigate node description', () => {
	test('the subtitle names the chosen operation by its action name, for every operation', () => {
		const description = new Infinigate().description;
		const labels: Record<string, string> = {};
		for (const property of description.properties) {
			if (property.name !== 'operation') continue;
			const resource = String(property.displayOptions?.show?.resource?.[0]);
			for (const option of property.options ?? []) {
				if ('action' in option && typeof option.action === 'string') labels[`${resource}:${String(option.value)}`] = option.action;
			}
		}
		const subtitle = String(description.subtitle);
		const table = JSON.parse(/^=\{\{ (\{.*\})\[\$parameter/.exec(subtitle)![1]) as Record<string, string>;

		expect(table).toEqual(labels);
		expect(subtitle.endsWith('[$parameter["resource"] + ":" + $parameter["operation"]] }}')).toBe(true);
	});
});

describe('Infinigate manufacturer list shapes (a guess)', () => {
	test.each([
		['a list of names', ['HP', 'Dell'], [{ manufacturerName: 'HP' }, { manufacturerName: 'Dell' }]],
		['a list of objects with a name', [{ name: 'HP', id: 7 }], [{ manufacturerName: 'HP', name: 'HP', id: 7 }]],
		['a result envelope', { result: [{ manufacturerName: 'HP' }] }, [{ manufacturerName: 'HP' }]],
		['something else', 'HP', []],
	])('%s', (_label, body, expected) => {
		expect(readManufacturers(body)).toEqual(expected);
	});
});
