import { InfinigateApi } from '../../../credentials/InfinigateApi.credentials';
import { createCredentialsHelper } from '../../support/run-node';
import type { InfinigateSandbox } from './helpers';
import { apiRequests, byId, runInfinigate, startInfinigate, tokenRequests } from './helpers';

const LIFETIME_SECONDS = 2;

let sandbox: InfinigateSandbox;

beforeAll(async () => {
	sandbox = await startInfinigate({ tokenLifetimeSeconds: { infinigate: LIFETIME_SECONDS } });
});

afterAll(async () => await sandbox.close());

beforeEach(() => sandbox.server.reset());

function invoiceGuid(index: number): string {
	return String(sandbox.state.invoices[index].header.documentGuid);
}

const getInvoice = { resource: 'purchaseInvoice', operation: 'get', document: byId('={{ $json.guid }}') };

describe('Infinigate token reuse', () => {
	test('one token serves every item of a run', async () => {
		const items = Array.from({ length: 12 }, (_, index) => ({ guid: invoiceGuid(index) }));

		const run = await runInfinigate(sandbox, getInvoice, { items });

		expect(run.error).toBeUndefined();
		expect(run.json).toHaveLength(12);
		expect(tokenRequests(sandbox)).toHaveLength(1);
		expect(apiRequests(sandbox)).toHaveLength(12);
	});

	test('one token serves the next execution too, while it is valid', async () => {
		const credentialsHelper = createCredentialsHelper([new InfinigateApi()], { infinigateApi: sandbox.credentials });

		await runInfinigate(sandbox, getInvoice, { items: [{ guid: invoiceGuid(0) }], credentialsHelper });
		const second = await runInfinigate(sandbox, getInvoice, { items: [{ guid: invoiceGuid(1) }], credentialsHelper });

		expect(second.error).toBeUndefined();
		expect(tokenRequests(sandbox)).toHaveLength(1);
		expect(credentialsHelper.preAuthenticationCalls.get('infinigateApi')).toBe(1);
	});

	test('a run longer than two token lifetimes, five items in flight, fetches one token per lifetime and never sees a 401', async () => {
		sandbox.server.latencyMs = 150;
		const invoices = sandbox.state.invoices.length;
		const items = Array.from({ length: 160 }, (_, index) => ({ guid: invoiceGuid(index % invoices) }));

		const started = Date.now();
		const run = await runInfinigate(sandbox, { ...getInvoice, options: { maxConcurrentRequests: 5 } }, { items });
		const elapsedMs = Date.now() - started;

		expect(run.error).toBeUndefined();
		expect(run.json).toHaveLength(160);
		expect(elapsedMs).toBeGreaterThan(2 * LIFETIME_SECONDS * 1000);
		// Token requests included: a renewal never adds to the five.
		expect(sandbox.server.peakInFlight('infinigate')).toBeGreaterThan(1);
		expect(sandbox.server.peakInFlight('infinigate')).toBeLessThanOrEqual(5);
		const tokens = tokenRequests(sandbox).length;
		// The first token, then one renewal each time a lifetime (less a small margin) has passed,
		// however many items found it expired at once.
		expect(tokens).toBeGreaterThanOrEqual(Math.ceil(elapsedMs / (LIFETIME_SECONDS * 1000)));
		expect(tokens).toBeLessThanOrEqual(Math.ceil(elapsedMs / (LIFETIME_SECONDS * 1000 * 0.8)) + 1);
		expect(run.credentialsHelper.preAuthenticationCalls.get('infinigateApi')).toBe(tokens);
		expect(apiRequests(sandbox).filter((entry) => entry.status !== 200)).toEqual([]);
	});

	test('a stored token past its renewal time is replaced before the call, not after a refusal', async () => {
		const credentialsHelper = createCredentialsHelper([new InfinigateApi()], {
			infinigateApi: { ...sandbox.credentials, accessToken: 'sbx.expired', tokenRenewAt: String(Date.now() - 1000) },
		});

		const run = await runInfinigate(sandbox, getInvoice, { items: [{ guid: invoiceGuid(0) }], credentialsHelper });

		expect(run.error).toBeUndefined();
		expect(tokenRequests(sandbox)).toHaveLength(1);
		expect(apiRequests(sandbox).map((entry) => entry.status)).toEqual([200]);
	});

	test('a token the service refuses early is replaced once and the call repeated, unnoticed by the user', async () => {
		sandbox.server.addFault({
			service: 'infinigate',
			path: '^/invoice-management/',
			kind: 'status',
			status: 401,
			body: { statusCode: 401, message: 'Unauthorized. Access token is missing or invalid.' },
			times: 1,
		});

		const run = await runInfinigate(sandbox, getInvoice, { items: [{ guid: invoiceGuid(0) }, { guid: invoiceGuid(1) }] });

		expect(run.error).toBeUndefined();
		expect(run.json.map((json) => json.header)).toEqual([sandbox.state.invoices[0].header, sandbox.state.invoices[1].header]);
		expect(tokenRequests(sandbox)).toHaveLength(2);
		expect(apiRequests(sandbox).map((entry) => entry.status)).toEqual([401, 200, 200]);
	});
});
