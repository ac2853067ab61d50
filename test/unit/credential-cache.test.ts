/**
 * The credential read once per run of a node, not once per request (each read is a database query,
 * a decryption and an expression resolution in n8n), unless it differs from item to item.
 */
import type { ICredentialDataDecryptedObject, IExecuteFunctions, IHttpRequestOptions, INode } from 'n8n-workflow';

import type { ServiceDefinition } from '../../nodes/shared/request';
import { serviceRequest } from '../../nodes/shared/request';

const service: ServiceDefinition = {
	serviceName: 'Example',
	credentialType: 'exampleApi',
	baseUrl: (credentials) => String(credentials.baseUrl),
	secrets: (credentials) => [String(credentials.apiKey)],
};

/** A context whose credential store counts its reads; `perItem` gives the values n8n resolves for an item. */
function fakeContext(perItem: (itemIndex: number) => ICredentialDataDecryptedObject) {
	let reads = 0;
	const keysSent: string[] = [];
	const node = { name: 'Test', type: 'test', typeVersion: 1, position: [0, 0], parameters: {} } as unknown as INode;
	const ctx = {
		getNode: () => node,
		getCredentials: async (_type: string, itemIndex: number) => {
			reads++;
			return perItem(itemIndex);
		},
		helpers: {
			httpRequestWithAuthentication: async (
				_type: string,
				_options: IHttpRequestOptions,
				extra: { credentialsDecrypted: { data: ICredentialDataDecryptedObject } },
			) => {
				keysSent.push(String(extra.credentialsDecrypted.data.apiKey));
				return { statusCode: 200, body: Buffer.from('{}'), headers: { 'content-type': 'application/json' } };
			},
		},
	} as unknown as IExecuteFunctions;
	return { ctx, reads: () => reads, keysSent };
}

test('100 items of one run read the credential twice, not once per request', async () => {
	const { ctx, reads, keysSent } = fakeContext(() => ({ baseUrl: 'https://api.example', apiKey: 'KEY-1' }));

	await Promise.all(Array.from({ length: 100 }, async (_, itemIndex) => await serviceRequest(ctx, service, { method: 'POST', path: '/things', body: {} }, itemIndex)));

	expect(reads()).toBe(2);
	expect(new Set(keysSent)).toEqual(new Set(['KEY-1']));
});

test('a credential whose values differ from item to item (an expression on the item) is read for each item', async () => {
	const { ctx, reads, keysSent } = fakeContext((itemIndex) => ({ baseUrl: 'https://api.example', apiKey: `KEY-${itemIndex}` }));

	for (let itemIndex = 0; itemIndex < 5; itemIndex++) await serviceRequest(ctx, service, { method: 'GET', path: '/things' }, itemIndex);

	expect(keysSent).toEqual(['KEY-0', 'KEY-1', 'KEY-2', 'KEY-3', 'KEY-4']);
	expect(reads()).toBeGreaterThanOrEqual(5);
});
