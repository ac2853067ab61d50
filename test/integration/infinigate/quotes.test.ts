import type { InfinigateSandbox } from './helpers';
import { apiRequests, byId, byNumber, listSearch, runInfinigate, startInfinigate } from './helpers';

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

	test('Get returns the quote by GUID and by number', async () => {
		const quote = quotes()[2];

		const withGuid = await runInfinigate(sandbox, { resource: 'purchaseQuote', operation: 'get', document: byId(String(quote.header.documentGuid)) });
		const withNumber = await runInfinigate(sandbox, {
			resource: 'purchaseQuote',
			operation: 'get',
			document: byNumber(String(quote.header.documentNumber)),
		});

		expect(withGuid.json).toEqual([quote]);
		expect(withNumber.json).toEqual([quote]);
	});

	test('accepting a quote sends number, revision and e-mail as JSON; the empty 200 is confirmed by the quote\'s documentStatus', async () => {
		const quote = openQuote();
		const reference = { documentNumber: String(quote.header.documentNumber), documentRevision: Number(quote.header.documentVersion) };

		const run = await runInfinigate(sandbox, {
			resource: 'purchaseQuote',
			operation: 'accept',
			...reference,
			acceptedByUserMail: 'buyer@reseller.example',
		});
		const after = await runInfinigate(sandbox, { resource: 'purchaseQuote', operation: 'get', document: byNumber(reference.documentNumber) });

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual([{ ...reference, decision: 'accepted', status: 'Accepted', alreadyDone: false }]);
		const [post, check] = apiRequests(sandbox);
		expect(`${post.method} ${post.path} ${post.status}`).toBe('POST /order-management/v2/purchasequote/acceptance 200');
		expect(post.contentType).toMatch(/^application\/json/);
		expect(JSON.parse(post.bodyText)).toEqual({ ...reference, acceptedByUserMail: 'buyer@reseller.example' });
		// The acceptance answered nothing (as production does): the quote itself was read to confirm it.
		expect(`${check.method} ${check.path}`).toBe(`GET /order-management/v2/purchasequote/documentNumber/${reference.documentNumber}`);
		expect(after.json[0].header).toMatchObject({ documentStatus: 'Accepted', canBeAccepted: false });
	});

	test('rejecting a quote sends the e-mail and the comments', async () => {
		const quote = openQuote();
		const reference = { documentNumber: String(quote.header.documentNumber), documentRevision: Number(quote.header.documentVersion) };

		const run = await runInfinigate(sandbox, {
			resource: 'purchaseQuote',
			operation: 'reject',
			...reference,
			rejectedByUserMail: 'buyer@reseller.example',
			userComments: 'Too expensive',
		});

		expect(run.json[0]).toMatchObject({ decision: 'rejected', status: 'Rejected', alreadyDone: false });
		const [post] = apiRequests(sandbox, '/order-management/v2/purchasequote/reject');
		expect(JSON.parse(post.bodyText)).toEqual({ ...reference, rejectedByUserMail: 'buyer@reseller.example', userComments: 'Too expensive' });
		expect(quote.header.userComments).toBe('Too expensive');
	});

	test('accepting a quote twice succeeds the second time with alreadyDone: true and the service message', async () => {
		const quote = openQuote();
		const parameters = {
			resource: 'purchaseQuote',
			operation: 'accept',
			documentNumber: String(quote.header.documentNumber),
			documentRevision: Number(quote.header.documentVersion),
			acceptedByUserMail: 'buyer@reseller.example',
		};

		await runInfinigate(sandbox, parameters);
		const again = await runInfinigate(sandbox, parameters);

		expect(again.error).toBeUndefined();
		expect(again.json).toEqual([
			{
				documentNumber: quote.header.documentNumber,
				documentRevision: quote.header.documentVersion,
				decision: 'accepted',
				status: 'Accepted',
				alreadyDone: true,
				message: `Infinigate: Quote ${String(quote.header.documentNumber)} can no longer be accepted or rejected (status Accepted).`,
			},
		]);
		// The first run: the acceptance and its confirmation. The second: the refusal, then a read of
		// the quote that proves the decision was already taken.
		expect(apiRequests(sandbox).map((request) => `${request.method} ${request.status}`)).toEqual(['POST 200', 'GET 200', 'POST 409', 'GET 200']);
	});

	test('with Succeed If Already Accepted off, accepting twice fails with the service message', async () => {
		const quote = openQuote();
		const parameters = {
			resource: 'purchaseQuote',
			operation: 'accept',
			documentNumber: String(quote.header.documentNumber),
			documentRevision: Number(quote.header.documentVersion),
			acceptedByUserMail: 'buyer@reseller.example',
			options: { alreadyDoneIsSuccess: false },
		};

		await runInfinigate(sandbox, parameters);
		const again = await runInfinigate(sandbox, parameters);

		expect(again.error?.message).toBe(`Infinigate: Quote ${String(quote.header.documentNumber)} can no longer be accepted or rejected (status Accepted).`);
		expect(again.error?.httpCode).toBe('409');
	});

	test('accepting a quote that was rejected still fails: only the same decision counts as done', async () => {
		const quote = openQuote();
		const reference = { documentNumber: String(quote.header.documentNumber), documentRevision: Number(quote.header.documentVersion) };

		await runInfinigate(sandbox, { resource: 'purchaseQuote', operation: 'reject', ...reference, rejectedByUserMail: 'buyer@reseller.example' });
		const accept = await runInfinigate(sandbox, { resource: 'purchaseQuote', operation: 'accept', ...reference, acceptedByUserMail: 'buyer@reseller.example' });

		expect(accept.error?.message).toContain('can no longer be accepted or rejected (status Rejected)');
	});

	test('rejecting a quote twice succeeds the second time with alreadyDone: true', async () => {
		const quote = openQuote();
		const parameters = {
			resource: 'purchaseQuote',
			operation: 'reject',
			documentNumber: String(quote.header.documentNumber),
			documentRevision: Number(quote.header.documentVersion),
			rejectedByUserMail: 'buyer@reseller.example',
		};

		await runInfinigate(sandbox, parameters);
		const again = await runInfinigate(sandbox, parameters);

		expect(again.json).toEqual([expect.objectContaining({ decision: 'rejected', status: 'Rejected', alreadyDone: true })]);
	});

	test('a 200 after which the quote can still be accepted is "not applied": an error that says it is safe to run again', async () => {
		const quote = openQuote();
		sandbox.server.addFault({ service: 'infinigate', method: 'POST', path: 'acceptance$', kind: 'status', status: 200, body: null, times: 1 });

		const run = await runInfinigate(sandbox, {
			resource: 'purchaseQuote',
			operation: 'accept',
			documentNumber: String(quote.header.documentNumber),
			documentRevision: Number(quote.header.documentVersion),
			acceptedByUserMail: 'buyer@reseller.example',
		});

		expect(run.error?.message).toBe(
			`Infinigate answered the decision, but quote ${String(quote.header.documentNumber)} is not accepted: it can still be accepted`,
		);
		expect(run.error?.description).toContain('canBeAccepted: true');
		expect(run.error?.description).toContain('safe to run it again');
		expect(quote.header.documentStatus).toBe('Open');
	});

	test('a 200 after which the quote shows neither the decision nor that it is still possible is "could not confirm", never "not applied"', async () => {
		const quote = openQuote();
		const number = String(quote.header.documentNumber);
		// The quote as an account might show it: a status the node does not know, no longer acceptable.
		sandbox.server.addFault({
			service: 'infinigate',
			method: 'GET',
			path: `documentNumber/${number}$`,
			kind: 'status',
			status: 200,
			body: { header: { documentNumber: number, documentVersion: quote.header.documentVersion, documentStatus: 'Ordered', canBeAccepted: false }, lines: [] },
			times: 1,
		});

		const run = await runInfinigate(sandbox, {
			resource: 'purchaseQuote',
			operation: 'accept',
			documentNumber: number,
			documentRevision: Number(quote.header.documentVersion),
			acceptedByUserMail: 'buyer@reseller.example',
		});

		expect(run.error?.message).toBe(`Infinigate answered the decision, but the node could not confirm from quote ${number} that it is accepted`);
		expect(run.error?.description).toContain(`Check quote ${number} in Infinigate before running this again`);
		expect(run.error?.description).toContain('status Ordered');
		expect(run.error?.description).not.toContain('safe to run');
	});

	test('a quote that names no status at all after a 200 is "could not confirm" too', async () => {
		const quote = openQuote();
		const number = String(quote.header.documentNumber);
		sandbox.server.addFault({
			service: 'infinigate',
			method: 'GET',
			path: `documentNumber/${number}$`,
			kind: 'status',
			status: 200,
			body: { header: { documentNumber: number }, lines: [] },
			times: 1,
		});

		const run = await runInfinigate(sandbox, {
			resource: 'purchaseQuote',
			operation: 'accept',
			documentNumber: number,
			documentRevision: Number(quote.header.documentVersion),
			acceptedByUserMail: 'buyer@reseller.example',
		});

		expect(run.error?.message).toContain('could not confirm');
		expect(run.error?.description).not.toContain('safe to run');
	});

	test('a quote that still carries the older names (status, documentRevision) is read too', async () => {
		const quote = openQuote();
		const number = String(quote.header.documentNumber);
		const revision = Number(quote.header.documentVersion);
		sandbox.server.addFault({
			service: 'infinigate',
			method: 'GET',
			path: `documentNumber/${number}$`,
			kind: 'status',
			status: 200,
			body: { header: { documentNumber: number, documentRevision: revision, status: 'Accepted', canBeAccepted: false }, lines: [] },
			times: 1,
		});

		const run = await runInfinigate(sandbox, {
			resource: 'purchaseQuote',
			operation: 'accept',
			documentNumber: number,
			documentRevision: revision,
			acceptedByUserMail: 'buyer@reseller.example',
		});

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual([{ documentNumber: number, documentRevision: revision, decision: 'accepted', status: 'Accepted', alreadyDone: false }]);
	});

	test('a refusal on a quote that now shows another revision is not "already done"', async () => {
		const quote = openQuote();
		const number = String(quote.header.documentNumber);
		const revision = Number(quote.header.documentVersion);
		await runInfinigate(sandbox, { resource: 'purchaseQuote', operation: 'accept', documentNumber: number, documentRevision: revision, acceptedByUserMail: 'buyer@reseller.example' });
		sandbox.state.reviseQuote(number);

		const again = await runInfinigate(sandbox, {
			resource: 'purchaseQuote',
			operation: 'accept',
			documentNumber: number,
			documentRevision: revision,
			acceptedByUserMail: 'buyer@reseller.example',
		});

		// The quote shows Accepted, but on revision `revision + 1`: nothing proves this run's revision was.
		expect(again.error?.httpCode).toBe('409');
		expect(again.error?.message).toContain(`Revision ${revision} of quote`);
		expect(again.json).toEqual([]);
	});

	test('an expired quote is not "already done": accepting it fails', async () => {
		const expired = quotes().find((quote) => quote.header.documentStatus === 'Expired')!;

		const run = await runInfinigate(sandbox, {
			resource: 'purchaseQuote',
			operation: 'accept',
			documentNumber: String(expired.header.documentNumber),
			documentRevision: Number(expired.header.documentVersion),
			acceptedByUserMail: 'buyer@reseller.example',
		});

		expect(run.error?.httpCode).toBe('409');
	});

	test('Quotes Address in API Overrides changes where every quote request goes, and a "not found" says so', async () => {
		const quote = openQuote();

		const list = await runInfinigate(sandbox, {
			resource: 'purchaseQuote',
			operation: 'getMany',
			limit: 5,
			apiOverrides: { quotesLocation: '/invoice-management/v2/purchasequote' },
		});
		const accept = await runInfinigate(sandbox, {
			resource: 'purchaseQuote',
			operation: 'accept',
			documentNumber: String(quote.header.documentNumber),
			documentRevision: Number(quote.header.documentVersion),
			acceptedByUserMail: 'buyer@reseller.example',
			apiOverrides: { quotesLocation: '/invoice-management/v2/purchasequote/' },
		});

		expect(apiRequests(sandbox).map((request) => `${request.method} ${request.path}`)).toEqual([
			'GET /invoice-management/v2/purchasequote',
			'POST /invoice-management/v2/purchasequote/acceptance',
		]);
		expect(list.error?.httpCode).toBe('404');
		expect(list.error?.description).toContain('API Overrides → Quotes Address');
		expect(accept.error?.httpCode).toBe('404');
		expect(quote.header.documentStatus).toBe('Open');
	});

	test('a Quotes Address that could change the address in other ways is refused before any request', async () => {
		const run = await runInfinigate(sandbox, {
			resource: 'purchaseQuote',
			operation: 'getMany',
			limit: 5,
			apiOverrides: { quotesLocation: '/order-management/v2/../purchasequote?x=1' },
		});

		expect(run.error?.message).toMatch(/^Quotes Address may only hold/);
		expect(sandbox.server.requests({ service: 'infinigate' })).toHaveLength(0);
	});

	test('a decision on a revision that is no longer current is refused', async () => {
		const quote = quotes().find((entry) => entry.header.documentVersion === 2 && entry.header.canBeAccepted === true)!;

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

		expect(run.error?.message).toBe('Rejected By (Email) is not a valid email address: "buyer at reseller" [item 0]');
		expect(sandbox.server.requests({ service: 'infinigate' })).toHaveLength(0);
	});

	test('with Continue On Fail, a refused decision becomes an error item and the next one goes through', async () => {
		const [expired, open] = [quotes().find((quote) => quote.header.documentStatus === 'Expired')!, openQuote()];

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
					{ number: String(expired.header.documentNumber), revision: Number(expired.header.documentVersion) },
					{ number: String(open.header.documentNumber), revision: Number(open.header.documentVersion) },
				],
				continueOnFail: true,
			},
		);

		expect(run.json[0].error).toContain('can no longer be accepted');
		expect(run.json[0]).toMatchObject({ details: { httpCode: '409', itemIndex: 0 } });
		expect(run.json[1]).toMatchObject({ documentNumber: open.header.documentNumber, status: 'Accepted' });
	});
});

describe('Infinigate purchase quotes: request', () => {
	const request = { resource: 'purchaseQuote', operation: 'request' };

	test('asks for a quote with the header and lines public client code sends, and outputs the answer', async () => {
		const before = quotes().length;

		const run = await runInfinigate(sandbox, {
			...request,
			lines: { line: [{ itemNumber: '6D34G6', quantity: 3, yourLineNumber: '10' }, { manufacturerItemNumber: 'NWN-ABC00001', quantity: 1 }] },
			additionalFields: { yourReference: 'PO-7781', comment: 'Urgent', endUserType: 'Education', disallowPartialShipment: true, requestedDeliveryDate: '2030-01-15T00:00:00' },
		});

		expect(run.error).toBeUndefined();
		const [post] = apiRequests(sandbox);
		expect(`${post.method} ${post.path}`).toBe('POST /order-management/v2/purchasequote/request');
		expect(post.contentType).toMatch(/^application\/json/);
		expect(JSON.parse(post.bodyText)).toEqual({
			header: { yourReference: 'PO-7781', comment: 'Urgent', endUser: { endUserType: 'Education' }, requestedDeliveryDate: '2030-01-15', disallowPartialShipment: true },
			lines: [
				{ itemNumber: '6D34G6', yourLineNumber: '10', quantity: 3 },
				{ manufacturerItemNumber: 'NWN-ABC00001', quantity: 1 },
			],
		});
		expect(quotes()).toHaveLength(before + 1);
		expect(run.json).toEqual([{ documentGuid: quotes()[before].header.documentGuid, documentNumber: quotes()[before].header.documentNumber, documentStatus: 'Requested' }]);
	});

	test('a renewal request carries contact, end user, addresses and each line\'s manufacturer info with its vendor blocks', async () => {
		const contact = { name: 'Nathan Smith', eMail: 'nathan@reseller.example', phoneNumber: '+49 30 1234567' };
		const address = { name: 'Alpenblick GmbH', street: 'Seeweg 4', postalCode: '83700', city: 'Rottach-Egern', countryCode: 'DE' };

		const run = await runInfinigate(sandbox, {
			...request,
			lines: {
				line: [
					{
						itemNumber: 'K2PQ7Z',
						quantity: 25,
						manufacturerAdditionalInfo: {
							periodStart: '2027-01-01T00:00:00',
							periodEnd: '2027-12-31',
							serialNumber: 'BAR-SN-0042',
							previousSerialNumber: 'BAR-SN-0041',
							licenseId: 'LIC-7781',
							barracuda: { partnerStatus: 'Gold', commission: '5', dealRegistrationNumber: 'DR-1001' },
							hp: { bundleId: '', smartQuoteId: 'SQ-55' },
							sonicWall: {},
						},
					},
					{ itemNumber: '6D34G6', quantity: 1, manufacturerAdditionalInfo: { sonicWall: { friendlyName: 'Branch firewall' } } },
				],
			},
			additionalFields: {
				yourReference: 'RENEW-2027',
				contact,
				endUserReference: 'ALP-01',
				endUserCompany: address,
				endUserContact: { name: 'Anna Huber', eMail: 'anna@alpenblick.example' },
				sellTo: address,
				billTo: { name: 'Reseller GmbH', city: 'Berlin', countryCode: 'DE' },
				shipTo: { ...address, additionalAddressInfo: 'Loading dock B' },
			},
		});

		expect(run.error).toBeUndefined();
		const [post] = apiRequests(sandbox);
		expect(post.status).toBe(200);
		expect(JSON.parse(post.bodyText)).toEqual({
			header: {
				yourReference: 'RENEW-2027',
				contact,
				endUser: { endUserReference: 'ALP-01', company: address, contact: { name: 'Anna Huber', eMail: 'anna@alpenblick.example' } },
				sellTo: address,
				billTo: { name: 'Reseller GmbH', city: 'Berlin', countryCode: 'DE' },
				shipTo: { ...address, additionalAddressInfo: 'Loading dock B' },
			},
			lines: [
				{
					itemNumber: 'K2PQ7Z',
					quantity: 25,
					manufacturerAdditionalInfo: {
						periodStart: '2027-01-01',
						periodEnd: '2027-12-31',
						serialNumber: 'BAR-SN-0042',
						previousSerialNumber: 'BAR-SN-0041',
						licenseId: 'LIC-7781',
						barracuda: { partnerStatus: 'Gold', commission: '5', dealRegistrationNumber: 'DR-1001' },
						hp: { smartQuoteId: 'SQ-55' },
					},
				},
				{ itemNumber: '6D34G6', quantity: 1, manufacturerAdditionalInfo: { sonicWall: { friendlyName: 'Branch firewall' } } },
			],
		});
	});

	test('a manufacturer info date that is not one fails before any request, naming the line and the field', async () => {
		const run = await runInfinigate(sandbox, {
			...request,
			lines: { line: [{ itemNumber: '6D34G6', quantity: 1 }, { itemNumber: 'K2PQ7Z', quantity: 1, manufacturerAdditionalInfo: { periodEnd: 'next year' } }] },
		});

		expect(run.error?.message).toMatch(/^Line 2 → Manufacturer Info → Period End is not a date: "next year"/);
		expect(sandbox.server.requests({ service: 'infinigate' })).toHaveLength(0);
	});

	test('Quote Request Address in API Overrides changes where the request goes', async () => {
		const run = await runInfinigate(sandbox, {
			...request,
			lines: { line: [{ itemNumber: '6D34G6', quantity: 1 }] },
			apiOverrides: { requestLocation: '/order-management/v2/purchaseorder/request' },
		});

		expect(apiRequests(sandbox).map((entry) => `${entry.method} ${entry.path}`)).toEqual(['POST /order-management/v2/purchaseorder/request']);
		expect(run.error?.httpCode).toBe('404');
		expect(run.error?.description).toContain('API Overrides → Quote Request Address');
	});

	test('a line without SKU or vendor SKU fails before any request, naming the line and the item', async () => {
		const run = await runInfinigate(sandbox, { ...request, lines: { line: [{ itemNumber: '6D34G6', quantity: 1 }, { quantity: 2 }] } });

		expect(run.error?.message).toBe('Line 2 → SKU must not be empty (or give a Vendor SKU) [item 0]');
		expect(sandbox.server.requests({ service: 'infinigate' })).toHaveLength(0);
	});
});

describe('Infinigate purchase quotes: Document Number from a list', () => {
	test('the list offers every quote by number, filtered by what the user types', async () => {
		const all = await listSearch(sandbox, 'searchPurchaseQuotes');
		const filtered = await listSearch(sandbox, 'searchPurchaseQuotes', String(quotes()[3].header.documentNumber).slice(-3));

		expect(all.results.map((result) => result.value)).toEqual(quotes().map((quote) => quote.header.documentNumber));
		expect(all.results[0].name).toContain('Open');
		expect(filtered.results.map((result) => result.value)).toEqual([quotes()[3].header.documentNumber]);
	});

	test('Get by Document Number of versions 1 to 1.2: a number picked from the list, typed by number, or saved as plain text by version 1 all work', async () => {
		const quote = quotes()[2];
		const number = String(quote.header.documentNumber);
		const get = (documentNumber: unknown, typeVersion = 1.2) =>
			runInfinigate(sandbox, { resource: 'purchaseQuote', operation: 'getByDocumentNumber', documentNumber } as never, { typeVersion });

		const picked = await get({ __rl: true, mode: 'list', value: number });
		const typed = await get({ __rl: true, mode: 'id', value: number });
		const plainText = await get(number, 1);

		for (const run of [picked, typed, plainText]) {
			expect(run.error).toBeUndefined();
			expect(run.json).toEqual([quote]);
		}
	});

	test('accepting works with a number picked from the list', async () => {
		const quote = openQuote();

		const run = await runInfinigate(sandbox, {
			resource: 'purchaseQuote',
			operation: 'accept',
			documentNumber: { __rl: true, mode: 'list', value: String(quote.header.documentNumber) },
			documentRevision: Number(quote.header.documentVersion),
			acceptedByUserMail: 'buyer@reseller.example',
		});

		expect(run.error).toBeUndefined();
		expect(quote.header.documentStatus).toBe('Accepted');
	});
});
