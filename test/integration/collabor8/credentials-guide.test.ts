/**
 * The Virtual Inventory credential's token request for the Test and Production environments, checked
 * against the literal text of the guide "Virtual Inventory API: Getting Started" (Step 1). The
 * values below are copied from the guide, not imported from the credential, so that a typo in the
 * credential's tenant or scopes fails here.
 */
import type { IDataObject, IHttpRequestHelper, IHttpRequestOptions } from 'n8n-workflow';

import { Collabor8VirtualInventoryApi } from '../../../credentials/Collabor8VirtualInventoryApi.credentials';
import { apiBaseUrl } from '../../../credentials/common/collabor8VirtualInventory';

const GUIDE = {
	test: {
		tokenUrl: 'https://login.microsoftonline.com/4d1df598-ac19-4734-86f0-8a645992dfa1/oauth2/v2.0/token',
		scope: 'api://0729ff68-e706-4979-a2ad-53ac46edcc0a/.default',
	},
	production: {
		tokenUrl: 'https://login.microsoftonline.com/4d1df598-ac19-4734-86f0-8a645992dfa1/oauth2/v2.0/token',
		scope: 'api://2f731f1f-72e6-4998-8854-d026d5ccb151/.default',
	},
};

/** Runs the credential's token request against a recorder that answers as Entra ID does. */
async function tokenRequestFor(environment: 'test' | 'production'): Promise<IHttpRequestOptions> {
	const sent: IHttpRequestOptions[] = [];
	const helper = {
		helpers: {
			httpRequest: async (options: IHttpRequestOptions) => {
				sent.push(options);
				return {
					statusCode: 200,
					headers: { 'content-type': 'application/json' },
					body: Buffer.from(JSON.stringify({ token_type: 'Bearer', expires_in: 3599, access_token: 'token-value' })),
				};
			},
		},
	} as unknown as IHttpRequestHelper;
	const credentials: IDataObject = { environment, clientId: 'client-id', clientSecret: 'client-secret' };
	await new Collabor8VirtualInventoryApi().preAuthentication.call(helper, credentials as never);
	expect(sent).toHaveLength(1);
	return sent[0];
}

describe('Collabor8 Virtual Inventory credential: the guide\'s token endpoint and scopes', () => {
	test.each(['test', 'production'] as const)('%s: the token URL and scope are the guide\'s', async (environment) => {
		const request = await tokenRequestFor(environment);

		expect(request.method).toBe('POST');
		expect(request.url).toBe(GUIDE[environment].tokenUrl);
		const form = new URLSearchParams(String(request.body));
		expect(form.get('scope')).toBe(GUIDE[environment].scope);
		expect(form.get('grant_type')).toBe('client_credentials');
		expect(form.get('client_id')).toBe('client-id');
	});

	test('a Custom credential starts with the guide\'s token URL and test scope as its defaults', () => {
		const fields = new Collabor8VirtualInventoryApi().properties;

		expect(fields.find((field) => field.name === 'tokenUrl')?.default).toBe(GUIDE.test.tokenUrl);
		expect(fields.find((field) => field.name === 'scope')?.default).toBe(GUIDE.test.scope);
	});
});

describe('Collabor8 Virtual Inventory credential: API Path', () => {
	test('API Path (Test and Production, under Override API Addresses) is the part of every address between the gateway and /v1/m2m/…', () => {
		const credentials = new Collabor8VirtualInventoryApi();
		const field = credentials.properties.find((property) => property.name === 'apiPath');

		expect(field?.default).toBe('/virtual-inventory-api');
		expect(field?.displayOptions?.show).toEqual({ environment: ['test', 'production'], overrideApiAddresses: [true] });
		expect(apiBaseUrl({ environment: 'test' })).toBe('https://apis-test-vi.collabor8.no/virtual-inventory-api');
		expect(apiBaseUrl({ environment: 'production', overrideApiAddresses: true, apiPath: '/vi/api/' })).toBe('https://apis-vi.collabor8.no/vi/api');
	});

	test.each(['/..', '/virtual-inventory-api/../eqhub-m2m', '..\\eqhub-m2m', '/%2e%2e/eqhub-m2m', '/%2E%2e/eqhub-m2m', '/a%2fb', '/a%5cb'])(
		'an API Path that could leave the API\'s address (%s) is refused, naming the field',
		(apiPath) => {
			expect(() => apiBaseUrl({ environment: 'production', overrideApiAddresses: true, apiPath })).toThrow(
				/^API Path of the Collabor8 Virtual Inventory API credential must/,
			);
		},
	);
});
