/**
 * Executions that run at the same time in one n8n process, as a queue-mode worker runs several
 * (`n8n worker --concurrency`), share the credential and so its token. When they find it expired
 * together, one of them renews it and the others use the token it stored.
 */
import { InfinigateApi } from '../../../credentials/InfinigateApi.credentials';
import { createCredentialsHelper } from '../../support/run-node';
import type { InfinigateSandbox } from './helpers';
import { apiRequests, byId, runInfinigate, startInfinigate, tokenRequests } from './helpers';

const EXECUTIONS = 5;

let sandbox: InfinigateSandbox;

beforeAll(async () => {
	sandbox = await startInfinigate();
});

afterAll(async () => await sandbox.close());

beforeEach(() => sandbox.server.reset());

const getInvoice = { resource: 'purchaseInvoice', operation: 'get', document: byId('={{ $json.guid }}') };

test('executions running at once in one process renew an expired token once between them, not once each', async () => {
	// One stored credential, as in n8n's database, whose token is past its renewal time.
	const credentialsHelper = createCredentialsHelper([new InfinigateApi()], {
		infinigateApi: { ...sandbox.credentials, accessToken: 'sbx.expired', tokenRenewAt: String(Date.now() - 1000) },
	});
	// A slow token endpoint, so that every execution asks while the first renewal is still under way.
	sandbox.server.latencyMs = 200;

	const runs = await Promise.all(
		Array.from({ length: EXECUTIONS }, async (_, index) =>
			await runInfinigate(sandbox, getInvoice, {
				items: [{ guid: String(sandbox.state.invoices[index].header.documentGuid) }],
				credentialsHelper,
			}),
		),
	);

	expect(runs.map((run) => run.error?.message)).toEqual(runs.map(() => undefined));
	expect(tokenRequests(sandbox)).toHaveLength(1);
	expect(apiRequests(sandbox).map((entry) => entry.status)).toEqual(runs.map(() => 200));
	expect(credentialsHelper.preAuthenticationCalls.get('infinigateApi')).toBe(1);
});
