/**
 * Folder Code's "From list" picker, called the way the editor calls it: n8n-core's LoadOptionsContext
 * with the node's list-search method, against the sandbox's LoopHub.
 */
import { LoadOptionsContext } from 'n8n-core';
import type { INode, INodeListSearchResult, IWorkflowExecuteAdditionalData } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { CegidLoopApi } from '../../../credentials/CegidLoopApi.credentials';
import { CegidLoop } from '../../../nodes/CegidLoop/CegidLoop.node';
import { startSandbox } from '../../../sandbox';
import type { Sandbox } from '../../../sandbox';
import { createCredentialsHelper } from '../../support/run-node';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox();
});

afterAll(async () => {
	await sandbox.close();
});

beforeEach(() => sandbox.server.reset());

async function searchFolders(filter?: string, credentialChanges: Record<string, string | boolean> = {}): Promise<INodeListSearchResult> {
	const nodeType = new CegidLoop();
	const node: INode = {
		id: 'cegid',
		name: 'Cegid Loop',
		type: 'test.cegidLoop',
		typeVersion: 1.1,
		position: [0, 0],
		parameters: { resource: 'company', operation: 'provision' },
		credentials: { cegidLoopApi: { id: 'cegidLoopApi', name: 'cegidLoopApi' } },
	};
	const workflow = new Workflow({
		id: 'picker',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: {
			getByName: () => nodeType,
			getByNameAndVersion: () => nodeType,
			getKnownTypes: () => ({}),
		},
	});
	const credentialsHelper = createCredentialsHelper([new CegidLoopApi()], {
		cegidLoopApi: { ...sandbox.credentials.cegidLoopApi, ...credentialChanges },
	});
	const additionalData = { credentialsHelper, restApiUrl: 'http://localhost/rest' } as unknown as IWorkflowExecuteAdditionalData;
	const context = new LoadOptionsContext(workflow, node, additionalData, 'parameters.codeDossier');
	return await nodeType.methods.listSearch.searchFolders.call(context, filter);
}

describe('Cegid Loop: the Folder Code picker', () => {
	test('lists the folders of LoopHub by code', async () => {
		const result = await searchFolders();

		expect(result.results).toEqual([
			{ name: '044212', value: '044212' },
			{ name: 'CEGID003', value: 'CEGID003' },
			{ name: 'MANON001', value: 'MANON001' },
			{ name: 'MANON004', value: 'MANON004' },
		]);
		expect(sandbox.server.requests({ service: 'cegidLoop' }).map((entry) => `${entry.method} ${entry.path}`)).toEqual([
			'POST /loophub/getFolders',
		]);
	});

	test('filters on what the user types', async () => {
		const result = await searchFolders('manon');

		expect(result.results.map((folder) => folder.value)).toEqual(['MANON001', 'MANON004']);
	});

	test('without a Domain in the credential, says to set it instead of showing an empty list', async () => {
		await expect(searchFolders(undefined, { domain: '' })).rejects.toThrow('Set Domain in the Cegid Loop API credential to list the folders');

		expect(sandbox.server.requests({ service: 'cegidLoop' })).toEqual([]);
	});

	test('follows the LoopHub Address of the credential', async () => {
		await expect(searchFolders(undefined, { overrideApiAddresses: true, loopHubPath: '/loophub/list' })).rejects.toThrow();

		expect(sandbox.server.requests({ service: 'cegidLoop' }).map((entry) => entry.path)).toEqual(['/loophub/list']);
	});
});
