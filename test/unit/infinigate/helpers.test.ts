import { DateTime } from 'luxon';

import { toIsoDate } from '../../../nodes/Infinigate/helpers/dates';
import { germanPeriod, namedInfos, shapeDocument, usDate } from '../../../nodes/Infinigate/helpers/documents';
import {
	quoteCanBeAccepted,
	quoteCanBeRejected,
	quoteCreated,
	quoteRevision,
	quoteStatus,
} from '../../../nodes/Infinigate/helpers/quoteFields';
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
	});

	test.each([
		['text', 'nothing'],
		['a number', 42],
		['an object without a known list', { count: 3, rows: [{ sku: 'A' }] }],
		['a list holding null', { result: [null] }],
		['a list holding text', ['A']],
		['no content', undefined],
	])('%s is no list: unreadable, never an empty one', (_label, body) => {
		expect(readListPage(body)).toBeUndefined();
	});
});

describe('Infinigate quote fields: production names first, older guesses second', () => {
	const production = {
		documentVersion: 3,
		documentStatus: 'Open',
		documentCreated: '2026-11-02T09:30:00',
		documentValidUntil: '2026-12-02T00:00:00',
		total: 1249.5,
		canBeAccepted: true,
		canBeRejected: false,
	};
	const older = { documentRevision: 2, status: 'Accepted', documentDate: '2026-10-01', validUntil: '2026-10-31', totalNetAmount: 99 };

	test('a production row reads with the production names', () => {
		expect([quoteRevision(production), quoteStatus(production), quoteCreated(production)]).toEqual([3, 'Open', '2026-11-02T09:30:00']);
		expect([quoteCanBeAccepted(production), quoteCanBeRejected(production)]).toEqual([true, false]);
	});

	test('a row with the older names still reads', () => {
		expect([quoteRevision(older), quoteStatus(older), quoteCreated(older)]).toEqual([2, 'Accepted', '2026-10-01']);
	});

	test('the production name wins where a row has both', () => {
		expect(quoteRevision({ ...older, ...production })).toBe(3);
		expect(quoteStatus({ ...older, ...production })).toBe('Open');
	});

	test('an absent or mistyped field reads as unknown, never as a value', () => {
		expect(quoteStatus({ documentStatus: 7 })).toBeUndefined();
		expect(quoteRevision({ documentVersion: 'two' })).toBeUndefined();
		expect(quoteRevision({ documentVersion: 1.5 })).toBeUndefined();
		expect(quoteCanBeAccepted({ canBeAccepted: 'true' })).toBeUndefined();
		expect(quoteCreated({})).toBeUndefined();
	});
});

describe('Infinigate MSP usage: additionalInfos as fields, production dates as ISO dates', () => {
	test.each([
		['6/1/2026 12:00:00 AM', '2026-06-01'],
		['12/31/2026 11:59:59 PM', '2026-12-31'],
		['6/1/2026', '2026-06-01'],
		['2/30/2026 12:00:00 AM', undefined],
		['01.08.2026', undefined],
	])('the US date %j reads as %j', (text, expected) => {
		expect(usDate(text)).toBe(expected);
	});

	test('the German period of SiteName reads as a start and an end', () => {
		expect(germanPeriod('01.08.2026 - 31.08.2026')).toEqual({ start: '2026-08-01', end: '2026-08-31' });
		expect(germanPeriod('August 2026')).toBeUndefined();
		expect(germanPeriod('01.08.2026 - 32.08.2026')).toBeUndefined();
	});

	const infos = [
		{ description: 'clientName', value: 'alpenblick.example' },
		{ description: 'ClientName', value: 'ALP01' },
		{ description: 'ObjectName', value: 'alp-srv-01' },
		{ description: 'vendorContractNumber', value: 'CTR-1' },
		{ description: 'periodStart', value: '6/1/2026 12:00:00 AM' },
		{ description: 'periodEnd', value: '6/30/2026 12:00:00 AM' },
		{ description: 'SiteName', value: '01.06.2026 - 30.06.2026' },
		{ description: 'recommendedEndUserUnitPrice', value: '12.5' },
	];

	test('every pair becomes a field; the two client names stay apart; the period is ISO', () => {
		expect(namedInfos(infos, {})).toEqual({
			clientName: 'alpenblick.example',
			ClientName: 'ALP01',
			ObjectName: 'alp-srv-01',
			vendorContractNumber: 'CTR-1',
			periodStart: '2026-06-01',
			periodEnd: '2026-06-30',
			SiteName: '01.06.2026 - 30.06.2026',
			recommendedEndUserUnitPrice: '12.5',
		});
	});

	test('without periodStart/periodEnd, the period comes from SiteName', () => {
		expect(namedInfos([{ description: 'SiteName', value: '01.08.2026 - 31.08.2026' }], {})).toEqual({
			SiteName: '01.08.2026 - 31.08.2026',
			periodStart: '2026-08-01',
			periodEnd: '2026-08-31',
		});
	});

	test('a pair never replaces a field the entry has, and a date in another format stays as it came', () => {
		expect(namedInfos([{ description: 'quantity', value: 99 }, { description: 'periodStart', value: 'June 2026' }], { quantity: 3 })).toEqual({
			periodStart: 'June 2026',
		});
	});

	test('from version 1.1 on the usage items carry the pairs as fields, the raw pairs too', () => {
		const document = { header: { documentNumber: 'VR24-1', postingDate: '2026-07-01', currencyCode: 'EUR' }, lines: [], mspDetailInformation: [{ itemSku: 'X', additionalInfos: infos }] };
		const [item] = shapeDocument(document, { output: 'mspDetails', documentType: 'purchaseInvoice', includeTextLines: false, mspInfosAsFields: true });
		expect(item).toMatchObject({ itemSku: 'X', clientName: 'alpenblick.example', periodStart: '2026-06-01', additionalInfos: infos, documentNumber: 'VR24-1' });
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

describe('Infinigate manufacturer list shapes (a guess)', () => {
	test.each([
		['a list of names', ['HP', 'Dell'], [{ manufacturerName: 'HP' }, { manufacturerName: 'Dell' }]],
		['a list of objects with a name', [{ name: 'HP', id: 7 }], [{ manufacturerName: 'HP', name: 'HP', id: 7 }]],
		['a result envelope', { result: [{ manufacturerName: 'HP' }] }, [{ manufacturerName: 'HP' }]],
		['something else', 'HP', undefined],
		['a list holding null', [null], undefined],
	])('%s', (_label, body, expected) => {
		expect(readManufacturers(body)).toEqual(expected);
	});
});
