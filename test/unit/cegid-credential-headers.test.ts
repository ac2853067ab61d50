/**
 * The Cegid Loop node sets the credential's headers itself (once per run, not re-resolved by n8n for
 * every request); n8n's HTTP Request node and the Test button use the credential's `authenticate`
 * declaration. Both must send the same headers with the same values.
 */
import type { INode, INodeTypes } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { CegidLoopApi } from '../../credentials/CegidLoopApi.credentials';
import { cegidLoopHeaders, cegidLoopService } from '../../nodes/CegidLoop/transport';
import { TestCredentialsHelper } from '../support/credentials-helper';

const node: INode = { id: 'n', name: 'Cegid', type: 'test.cegid', typeVersion: 1, position: [0, 0], parameters: {} };

const nodeTypes = {
	getByName: () => ({ description: { properties: [] } }),
	getByNameAndVersion: () => ({ description: { properties: [] } }),
	getKnownTypes: () => ({}),
} as unknown as INodeTypes;

test("the node's headers are those the credential declares, with the same values", async () => {
	const credentials = {
		environment: 'custom',
		baseUrl: 'http://localhost:1',
		subscriptionApiKey: 'sub-key-0123456789',
		applicationKey: 'APP-KEY-42',
		applicationSecret: 'app:secret"with quote',
	};
	const helper = new TestCredentialsHelper(new Map([['cegidLoopApi', new CegidLoopApi()]]));
	const workflow = new Workflow({ id: 'w', nodes: [node], connections: {}, active: false, nodeTypes });
	const declared = await helper.authenticate(credentials, 'cegidLoopApi', { url: '/', headers: {} }, workflow, node);

	expect(cegidLoopHeaders(credentials)).toEqual(declared.headers);
	expect(cegidLoopHeaders(credentials)['x-apikey']).toBe('APP-KEY-42:app:secret"with quote');
	expect(cegidLoopService.credentialHeaders).toBe(cegidLoopHeaders);
});
