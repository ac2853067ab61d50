import type { InfinigateSandbox } from './helpers';
import { apiRequests, runInfinigate, startInfinigate } from './helpers';

let sandbox: InfinigateSandbox;

beforeAll(async () => {
	sandbox = await startInfinigate();
});

afterAll(async () => await sandbox.close());

beforeEach(() => sandbox.server.reset());

const quotes = () => sandbox.state.quotes;
const openQuote = () => quotes().find((quote) => quote.header.canBeAccepted === true)!;

describe('Infinigate purchase quotes', () => {
	test('Get Many lists every quote with whether it can still be accepted', async () => {
		const run = await runInfinigate(sandbox, { resource: 'purchaseQuote', operation: 'getMany', returnAll: true });

		expect(run.json.map((json) => [json.documentNumber, json.canBeAccepted])).toEqual(
			quotes().map((quote) => [quote.header.documentNumber, quote.header.canBeAccepted]),
		);
		expect(apiRequests(sandbox)[0].path).toBe('/order-management/v2/purchasequote');
	});

	test('Get Many filters by buyer reference', async () => {
		const quote = quotes()[3];

		const run = await runInfinigate(sandbox, {
			resource: 'purchaseQuote',
			operation: 'getMany',
			returnAll: true,
			filters: { buyerReference: String(quote.header.buyerReference) },
		});

		expect(run.json.map((json) => json.documentNumber)).toEqual([quote.header.documentNumber]);
	});

	test('Get and Get by Document Number return the quote', async () => {
		const quote = quotes()[2];

		const byGuid = await runInfinigate(sandbox, { resource: 'purchaseQuote', operation: 'get', documentGuid: String(quote.header.documentGuid) });
		const byNumber = await runInfinigate(sandbox, {
			resource: 'purchaseQuote',
			operation: 'getByDocumentNumber',
			documentNumber: String(quote.header.documentNumber),
		});

		expect(byGuid.json).toEqual([quote]);
		expect(byNumber.json).toEqual([quote]);
	});

	test('accepting a quote sends number, revision and e-mail as JSON, and the quote can no longer be accepted', async () => {
		const quote = openQuote();
		const reference = { documentNumber: String(quote.header.documentNumber), documentRevision: Number(quote.header.documentRevision) };

		const run = await runInfinigate(sandbox, {
			resource: 'purchaseQuote',
			operation: 'accept',
			...reference,
			acceptedByUserMail: 'buyer@reseller.example',
		});
		const after = await runInfinigate(sandbox, { resource: 'purchaseQuote', operation: 'getByDocumentNumber', documentNumber: reference.documentNumber });

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual([{ ...reference, status: 'Accepted', canBeAccepted: false }]);
		const [post] = apiRequests(sandbox, '/order-management/v2/purchasequote/acceptance');
		expect(post.contentType).toMatch(/^application\/json/);
		expect(JSON.parse(post.bodyText)).toEqual({ ...reference, acceptedByUserMail: 'buyer@reseller.example' });
		expect(after.json[0].header).toMatchObject({ status: 'Accepted', canBeAccepted: false });
	});

	test('rejecting a quote sends the e-mail and the comments', async () => {
		const quote = openQuote();
		const reference = { documentNumber: String(quote.header.documentNumber), documentRevision: Number(quote.header.documentRevision) };

		const run = await runInfinigate(sandbox, {
			resource: 'purchaseQuote',
			operation: 'reject',
			...reference,
			rejectedByUserMail: 'buyer@reseller.example',
			userComments: 'Too expensive',
		});

		expect(run.json[0]).toMatchObject({ status: 'Rejected', canBeAccepted: false });
		const [post] = apiRequests(sandbox, '/order-management/v2/purchasequote/reject');
		expect(JSON.parse(post.bodyText)).toEqual({ ...reference, rejectedByUserMail: 'buyer@reseller.example', userComments: 'Too expensive' });
		expect(quote.header.userComments).toBe('Too expensive');
	});

	test('accepting a quote twice fails the second time with the service message', async () => {
		const quote = openQuote();
		const parameters = {
			resource: 'purchaseQuote',
			operation: 'accept',
			documentNumber: String(quote.header.documentNumber),
			documentRevision: Number(quote.header.documentRevision),
			acceptedByUserMail: 'buyer@reseller.example',
		};

		await runInfinigate(sandbox, parameters);
		const again = await runInfinigate(sandbox, parameters);

		expect(again.error?.message).toBe(`Infinigate: Quote ${String(quote.header.documentNumber)} can no longer be accepted or rejected (status Accepted).`);
		expect(again.error?.httpCode).toBe('409');
	});

	test('a decision on a revision that is no longer current is refused', async () => {
		const quote = quotes().find((entry) => entry.header.documentRevision === 2 && entry.header.canBeAccepted === true)!;

		const run = await runInfinigate(sandbox, {
			resource: 'purchaseQuote',
			operation: 'accept',
			documentNumber: String(quote.header.documentNumber),
			documentRevision: 1,
			acceptedByUserMail: 'buyer@reseller.example',
		});

		expect(run.error?.message).toContain('Revision 1 of quote');
		expect(quote.header.canBeAccepted).toBe(true);
	});

	test('an e-mail address that is not one fails before any request', async () => {
		const quote = openQuote();

		const run = await runInfinigate(sandbox, {
			resource: 'purchaseQuote',
			operation: 'reject',
			documentNumber: String(quote.header.documentNumber),
			documentRevision: 1,
			rejectedByUserMail: 'buyer at reseller',
		});

		expect(run.error?.message).toBe('Rejected By (Email) is not a valid e-mail address: "buyer at reseller" [item 0]');
		expect(sandbox.server.requests({ service: 'infinigate' })).toHaveLength(0);
	});

	test('with Continue On Fail, a refused decision becomes an error item and the next one goes through', async () => {
		const [expired, open] = [quotes().find((quote) => quote.header.status === 'Expired')!, openQuote()];

		const run = await runInfinigate(
			sandbox,
			{
				resource: 'purchaseQuote',
				operation: 'accept',
				documentNumber: '={{ $json.number }}',
				documentRevision: '={{ $json.revision }}',
				acceptedByUserMail: 'buyer@reseller.example',
			},
			{
				items: [
					{ number: String(expired.header.documentNumber), revision: Number(expired.header.documentRevision) },
					{ number: String(open.header.documentNumber), revision: Number(open.header.documentRevision) },
				],
				continueOnFail: true,
			},
		);

		expect(run.json[0].error).toContain('can no longer be accepted');
		expect(run.json[0]).toMatchObject({ details: { httpCode: '409', itemIndex: 0 } });
		expect(run.json[1]).toMatchObject({ documentNumber: open.header.documentNumber, status: 'Accepted' });
	});
});
