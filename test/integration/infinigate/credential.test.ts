import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { InfinigateApi } from '../../../credentials/InfinigateApi.credentials';
import { createCredentialsHelper, runNode } from '../../support/run-node';
import type { InfinigateSandbox } from './helpers';
import { apiRequests, byId, runInfinigate, secretsOf, startInfinigate, tokenRequests } from './helpers';

/** What n8n's credential Test button runs: a declarative node whose only request is the credential's test. */
class CredentialTestNode implements INodeType {
	description = {
		displayName: 'Credential test',
		name: 'credentialTest',
		group: ['transform'],
		version: 1,
		description: 'Runs the test request of the Infinigate API credential',
		defaults: { name: 'Credential test' },
		inputs: ['main'],
		outputs: ['main'],
		credentials: [{ name: 'infinigateApi', required: true }],
		properties: [
			{ displayName: 'Temp', name: 'temp', type: 'string', default: '', routing: { request: new InfinigateApi().test.request } },
		],
	} as unknown as INodeTypeDescription;
}

/** What n8n's HTTP Request node does with a predefined credential type: requestWithAuthentication. */
class PredefinedCredentialRequest implements INodeType {
	description = {
		displayName: 'HTTP Request (predefined credential)',
		name: 'predefinedCredentialRequest',
		group: ['transform'],
		version: 1,
		description: 'Calls a URL with the Infinigate API credential, as the HTTP Request node does',
		defaults: { name: 'HTTP Request' },
		inputs: ['main'],
		outputs: ['main'],
		credentials: [{ name: 'infinigateApi', required: true }],
		properties: [{ displayName: 'URL', name: 'url', type: 'string', default: '' }],
	} as unknown as INodeTypeDescription;

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const output: INodeExecutionData[] = [];
		for (let itemIndex = 0; itemIndex < this.getInputData().length; itemIndex++) {
			const url = this.getNodeParameter('url', itemIndex) as string;
			const body: unknown = await this.helpers.requestWithAuthentication.call(
				this,
				'infinigateApi',
				{ method: 'GET', uri: url, json: true },
				undefined,
				itemIndex,
			);
			output.push({ json: { body: body as number }, pairedItem: { item: itemIndex } });
		}
		return [output];
	}
}

let sandbox: InfinigateSandbox;

beforeAll(async () => {
	sandbox = await startInfinigate({ tokenLifetimeSeconds: { infinigate: 2 } });
});

afterAll(async () => await sandbox.close());

beforeEach(() => sandbox.server.reset());

const countParameters = { resource: 'priceList', operation: 'count', searchTerm: 'switch' };

describe('Infinigate credential', () => {
	test('the token is fetched with the API-KEY header and a client-credentials form body', async () => {
		const run = await runInfinigate(sandbox, countParameters);

		expect(run.error).toBeUndefined();
		const [token] = tokenRequests(sandbox);
		expect(token.headers['api-key']).toBe(sandbox.credentials.apiKey);
		expect(token.contentType).toMatch(/^application\/x-www-form-urlencoded/);
		expect(Object.fromEntries(new URLSearchParams(token.bodyText))).toEqual({
			client_id: sandbox.credentials.clientId,
			client_secret: sandbox.credentials.clientSecret,
			grant_type: 'client_credentials',
		});
	});

	test('every API call sends the bearer token and the API-KEY header', async () => {
		const run = await runInfinigate(sandbox, countParameters);

		const storedToken = run.credentialsHelper.stored.get('infinigateApi')?.accessToken;
		expect(storedToken).toMatch(/^sbx\./);
		const [call] = apiRequests(sandbox);
		expect(call.headers.authorization).toBe(`Bearer ${String(storedToken)}`);
		expect(call.headers['api-key']).toBe(sandbox.credentials.apiKey);
	});

	test('a wrong API key fails with a message that names the API key, without showing it', async () => {
		const run = await runInfinigate(sandbox, countParameters, {
			credential: { ...sandbox.credentials, apiKey: 'wrong-portal-key-123' },
		});

		expect(run.error?.message).toContain('The API key (PortalKey) was refused');
		expect(run.error?.message).not.toContain('client secret');
		expect(JSON.stringify(run.error)).not.toContain('wrong-portal-key-123');
		expect(apiRequests(sandbox)).toHaveLength(0);
	});

	test('a wrong client secret fails with a message that names client ID and secret, without showing it', async () => {
		const run = await runInfinigate(sandbox, countParameters, {
			credential: { ...sandbox.credentials, clientSecret: 'wrong-secret-456' },
		});

		expect(run.error?.message).toContain('The client ID or client secret was refused');
		expect(run.error?.message).not.toContain('API key');
		expect(JSON.stringify(run.error)).not.toContain('wrong-secret-456');
	});

	test('the Test button succeeds with the right values', async () => {
		const run = await runNode({
			node: new CredentialTestNode(),
			credentialTypes: [new InfinigateApi()],
			credentials: { infinigateApi: sandbox.credentials },
			parameters: {},
		});

		expect(run.error).toBeUndefined();
		expect(apiRequests(sandbox, /\/search\/count\//)).toHaveLength(1);
	});

	test('the Test button tells a wrong API key from a wrong client secret', async () => {
		const test = async (override: Record<string, string>) =>
			await runNode({
				node: new CredentialTestNode(),
				credentialTypes: [new InfinigateApi()],
				credentials: { infinigateApi: { ...sandbox.credentials, ...override } },
				parameters: {},
			});

		const wrongKey = await test({ apiKey: 'nope-nope-nope' });
		const wrongSecret = await test({ clientSecret: 'nope-nope-nope' });

		expect(wrongKey.error?.message).toContain('The API key (PortalKey) was refused');
		expect(wrongSecret.error?.message).toContain('The client ID or client secret was refused');
	});

	test('the HTTP Request node can use it as a predefined credential type, and renews the token after it expired', async () => {
		const helper = createCredentialsHelper([new InfinigateApi()], { infinigateApi: sandbox.credentials });
		const url = `${String(sandbox.credentials.baseUrl)}/product-management/v1/pricelist/search/count/switch`;
		const call = async () =>
			await runNode({
				node: new PredefinedCredentialRequest(),
				credentialTypes: [new InfinigateApi()],
				credentials: {},
				credentialsHelper: helper,
				parameters: { url },
			});

		const first = await call();
		await new Promise((resolve) => setTimeout(resolve, 2100));
		const second = await call();

		expect(first.error).toBeUndefined();
		expect(second.error).toBeUndefined();
		expect(second.json[0].body).toBe(first.json[0].body);
		// The expired token was refused once (401), then n8n fetched a new one and repeated the call.
		expect(tokenRequests(sandbox)).toHaveLength(2);
		expect(apiRequests(sandbox).map((entry) => entry.status)).toEqual([200, 401, 200]);
	});

	test('no secret of the credential appears in the output or in an error', async () => {
		const ok = await runInfinigate(sandbox, countParameters);
		const failed = await runInfinigate(sandbox, { resource: 'purchaseInvoice', operation: 'get', document: byId('00000000-0000-4000-a000-000000000000') });

		const seen = JSON.stringify([ok.json, failed.error, failed.error?.message, failed.error?.description]);
		for (const secret of secretsOf(sandbox)) expect(seen).not.toContain(secret);
		expect(seen).not.toContain(String(ok.credentialsHelper.stored.get('infinigateApi')?.accessToken));
	});
});
